// The rows the door keeps in IndexedDB. RosterEntry, ScanEvent and VerdictKind are defined here
// until src/shared/door exports them; keep the shapes compatible so the swap is an import change.
import type { EventPublicKey } from '../../shared/ticket/crypto';

/** What the door screen showed for a scan (see ARCHITECTURE.md, "Verdicts at the door"). */
export type VerdictKind =
  | 'admitted'
  | 'already-in'
  | 'wrong-wave'
  | 'wrong-session'
  | 'revoked'
  | 'valid-not-in-roster'
  | 'not-a-ticket'
  | 'forged';

/** What a scan event records happening at the door. */
export type ScanKind = 'check-in' | 'undo' | 're-entry' | 'override' | 'walk-in';

/** A participant as the door needs them: never NIK or the full phone number. */
export interface RosterEntry {
  participantId: string;
  name: string;
  business: string;
  waveId: string;
  /** The last four digits of the phone, for search when a phone is dead. */
  phoneLast4: string;
  ticketVersion: number;
  status: 'active' | 'cancelled';
}

/** A roster entry as stored: plus its lowercase search words (a multi-entry index). */
export interface RosterRow extends RosterEntry {
  words: string[];
}

/** Who a walk-in is, typed by the volunteer (the server creates the participant at sync). */
export interface WalkIn {
  name: string;
  business: string;
  phone: string;
  waveId: string;
}

/** One thing that happened at a door; append-only, never updated or deleted. */
export interface ScanEvent {
  /** Time-ordered id made on the device (see ids.ts). */
  id: string;
  deviceId: string;
  /** Strictly increasing per device, so the server can see gaps. */
  deviceSeq: number;
  /** Null when the scanned text named nobody (not a ticket, forged). */
  participantId: string | null;
  sessionId: string;
  kind: ScanKind;
  /** Milliseconds since the epoch by the device's (possibly wrong) clock. */
  deviceTime: number;
  volunteer: string;
  /** The verdict the screen showed; null for an undo, which shows none. */
  verdict: VerdictKind | null;
  /** The ticket version scanned, when a ticket was scanned. */
  ticketVersion?: number;
  /** For kind 'undo': the id of the event it cancels. */
  undoes?: string;
  /** For kind 'walk-in': who registered at the door. */
  walkIn?: WalkIn;
  /** When the server received it (ms), for events pulled from the server. */
  receivedAt?: number;
}

/** This tablet's pairing: a single row. */
export interface DeviceRow {
  deviceId: string;
  token: string;
  eventId: string;
  eventName: string;
  /** The door or gate label the organizer gave the device. */
  door: string;
  /** The device's name as enrolled. */
  name: string;
  waveIds: string[];
  /** ISO time of pairing. */
  pairedAt: string;
  /** The volunteer on shift, written into each scan event. */
  volunteer: string;
}

/** A wave as the door shows it: where and when this person should go. */
export interface WaveRow {
  id: string;
  name: string;
  venue: string;
  address: string;
  startsAt: string;
  endsAt: string;
}

/** A check-in point in time inside a wave. */
export interface SessionRow {
  id: string;
  waveId: string;
  name: string;
  startsAt: string;
  endsAt: string;
}

/** An event public key (kid + base64url raw Ed25519 key), as the ticket verifier takes it. */
export type KeyRow = EventPublicKey;

/** One revoked ticket version of one participant (cancelled or re-issued). */
export interface RevocationRow {
  participantId: string;
  ticketVersion: number;
}

/** A scan event not yet acknowledged by the server. */
export interface OutboxRow {
  eventId: string;
  /** Milliseconds since the epoch when the scan was recorded. */
  createdAt: number;
}

/** The browser's answer to navigator.storage.persist(). */
export interface PersistenceAnswer {
  persisted: boolean;
  supported: boolean;
}

/** Key/value bookkeeping: each key has its own value type. */
export interface MetaValues {
  rosterCursor: string;
  rosterComplete: boolean;
  /** How many roster entries the server said to expect, for the progress bar. */
  rosterTotal: number;
  deviceSeq: number;
  persistence: PersistenceAnswer;
}

/** A meta row as stored. */
export interface MetaRow<K extends keyof MetaValues = keyof MetaValues> {
  key: K;
  value: MetaValues[K];
}
