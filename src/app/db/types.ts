// The rows the door keeps in IndexedDB. Domain shapes (roster entry, scan event, wave, session,
// revocation) come from the pure door core in src/shared/door; only storage-side rows live here.
import type { EventPublicKey } from '../../shared/ticket/crypto';
import type {
  Revocation,
  RosterEntry,
  ScanEvent,
  ScanEventKind,
  SessionRef,
  VerdictKind,
  WalkIn,
  WaveRef,
} from '../../shared/door/types';

export type {
  Revocation,
  RosterEntry,
  ScanEvent,
  ScanEventKind,
  SessionRef,
  VerdictKind,
  WalkIn,
  WaveRef,
};

/** A roster entry as stored: plus its lowercase search words (a multi-entry index). */
export interface RosterRow extends RosterEntry {
  words: string[];
}

/** This tablet's pairing: a single row. */
export interface DeviceRow {
  deviceId: string;
  token: string;
  eventId: string;
  eventName: string;
  /** The door or gate label the organizer gave the device; written into each scan event. */
  door: string;
  /** The device's name as enrolled. */
  name: string;
  waveIds: string[];
  /** ISO time of pairing. */
  pairedAt: string;
  /** The volunteer on shift, written into each scan event. */
  volunteer: string;
}

/** An event public key (kid + base64url raw Ed25519 key), as verifyTicket() takes it. */
export type KeyRow = EventPublicKey;

/** A scan event not yet acknowledged by the server. */
export interface OutboxRow {
  eventId: string;
  /** The event's device time (ms since the epoch). */
  createdAt: number;
}

/** The browser's answer to navigator.storage.persist(). */
export interface PersistenceAnswer {
  persisted: boolean;
  supported: boolean;
}

/** Key/value bookkeeping: each key has its own value type. */
export interface MetaValues {
  /** Where the roster download resumes (the server's `after`: last participant id saved). */
  rosterCursor: string;
  rosterComplete: boolean;
  /** How many roster entries the server said to expect, for the progress bar. */
  rosterTotal: number;
  deviceSeq: number;
  persistence: PersistenceAnswer;
  /** Server clock minus this tablet's clock (ms), estimated at the last manifest or push. */
  serverMinusDeviceMs: number;
  /** Device time (ms) of the last manifest download. */
  manifestAt: number;
  /** The server's version of the manifest last saved (`DoorManifest.version`). */
  manifestVersion: string;
  /** The server cursor after the last pull. */
  pullCursor: string;
  /** Device time (ms) of the last sync that completed. */
  lastSyncAt: number;
  /** Why the last sync failed, in both languages; null after a success. */
  lastSyncError: { id: string; en: string } | null;
  /** Device time (ms) when the server said this device was revoked. */
  revokedAt: number;
}

/** A pushed event the server did not simply store: shown for review, never dropped. */
export interface SyncIssueRow {
  eventId: string;
  /** conflict: the server holds another body under this id; rejected: it will never accept it. */
  status: 'conflict' | 'rejected';
  code: string;
  message: string;
  /** Device time (ms) the answer came. */
  at: number;
}

/** A meta row as stored. */
export interface MetaRow<K extends keyof MetaValues = keyof MetaValues> {
  key: K;
  value: MetaValues[K];
}
