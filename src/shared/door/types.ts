// The door's data shapes: what a tablet holds (roster, waves, sessions, revocations) and the
// append-only scan events it writes. Only what the door needs: no NIK, no full phone numbers.

/** The eight things a door can say about a scan, in ARCHITECTURE.md's words. */
export const VERDICT_KINDS = [
  'admitted',
  'already-in',
  'wrong-wave',
  'wrong-session',
  'revoked',
  'valid-not-in-roster',
  'not-a-ticket',
  'forged',
] as const;

/** One of VERDICT_KINDS. */
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** One participant as a door tablet holds them. */
export interface RosterEntry {
  participantId: string;
  name: string;
  business: string;
  waveId: string;
  /** Last four digits of the phone, so a volunteer can confirm who is who. */
  phoneLast4: string;
  /** The current ticket version; an older version is a re-issued (revoked) ticket. */
  ticketVersion: number;
  status: 'active' | 'cancelled';
}

/** A wave as the door shows it ("where and when to go"); times are ISO-8601 with an offset. */
export interface WaveRef {
  id: string;
  name: string;
  venue: string;
  address: string;
  startsAt: string;
  endsAt: string;
}

/** A check-in point in time inside a wave; times are ISO-8601 with an offset. */
export interface SessionRef {
  id: string;
  waveId: string;
  name: string;
  startsAt: string;
  endsAt: string;
}

/** Tickets of this participant up to and including this version are revoked. */
export interface Revocation {
  participantId: string;
  ticketVersion: number;
}

/** What a scan event records; re-entry and override are explicit, never inferred. */
export type ScanEventKind = 'check-in' | 'undo' | 're-entry' | 'override' | 'walk-in';

/** Who a walk-in is, typed at the door; travels to the server, never into the door roster. */
export interface WalkIn {
  name: string;
  business: string;
  /** In full on the tablet that registered them; other tablets get the last four digits only. */
  phone: string;
  /** Their wave; the session's wave when absent. */
  waveId?: string;
}

/** One scan at a door: append-only, never updated or deleted (ARCHITECTURE.md, Data model). */
export interface ScanEvent {
  /** Client generated and time-ordered; the sync key (`ON CONFLICT (id) DO NOTHING`). */
  id: string;
  deviceId: string;
  deviceSeq: number;
  /** null for a walk-in without an id yet, or a scan that named nobody (not-a-ticket). */
  participantId: string | null;
  walkIn?: WalkIn;
  sessionId: string;
  kind: ScanEventKind;
  /** Epoch ms by the device's own clock, which may be wrong; corrected only for display. */
  deviceTime: number;
  volunteer: string;
  /** The door or gate label, e.g. "Pintu Timur". */
  door: string;
  /** The verdict the volunteer was shown; null for an undo, which shows none. */
  verdict: VerdictKind | null;
  /** The ticket version scanned, when a ticket was scanned. */
  ticketVersion?: number;
  /** For kind `undo`: the id of the event it cancels. */
  undoes?: string;
  /** Why the organizer should look at this admission, e.g. "manual-search". */
  flags?: string[];
  /** Server receive time (ms) on events pulled from the server; never part of the fold. */
  receivedAt?: number;
  /**
   * deviceTime on the server's clock (ms), where known: the server's correction on pulled
   * events, the tablet's own estimate on its scans. Folds order by it (clock.ts eventTime);
   * never sent, never part of an event's identity.
   */
  correctedTime?: number;
}

/** One person's attendance at one session, folded from scan events. */
export interface AttendanceRecord {
  /** The earliest counted admission, by (time, id). */
  firstEventId: string;
  /** Its time: corrected where known (clock.ts eventTime), else the device's. */
  at: number;
  door: string;
  deviceId: string;
  volunteer: string;
  /** Counted admissions (check-ins, re-entries, overrides, walk-ins) not undone. */
  admissions: number;
  /** Needs the organizer's eye: walk-in, override, not in roster, flags, or a double check-in. */
  flagged: boolean;
}

/** True for the verdicts that let the person in: admitted, and valid-not-in-roster (flagged). */
export function admits(kind: VerdictKind): boolean {
  return kind === 'admitted' || kind === 'valid-not-in-roster';
}
