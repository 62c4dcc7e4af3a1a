// Door devices: pairing (organizer side and tablet side), the door's manifest and its roster.
// Requests are valibot schemas (the server validates with them); answers are plain types.
// The door roster carries only what the door needs: never NIK, e-mail or a full phone number.
import type { DeviceReportInfo } from './device-report.js';
import * as v from 'valibot';
import type { EventPublicKey } from '../ticket/crypto.js';
import type { ParticipantStatus, WaveInfo } from './schemas.js';

const requiredText = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/** How long a pairing code stays usable. */
export const PAIRING_TTL_MS = 10 * 60 * 1000;
/** The most roster entries one page may ask for. */
export const ROSTER_PAGE_MAX = 2000;
export const ROSTER_PAGE_DEFAULT = 1000;

/** Organizer: make a one-time pairing code for a tablet at a door, allowed into these waves. */
export const PairingRequestBody = v.strictObject({
  /** What the organizer calls the tablet, e.g. "Tablet 1". */
  name: requiredText(60),
  /** The door or gate it stands at, e.g. "Pintu Utama Aula". */
  door: requiredText(80),
  waveIds: v.pipe(v.array(requiredText(20)), v.minLength(1), v.maxLength(50)),
});
export type PairingRequestBody = v.InferOutput<typeof PairingRequestBody>;

/** Tablet: the code it scanned or typed (a whole pairing link is accepted too). */
export const PairBody = v.strictObject({ code: v.pipe(v.string(), v.maxLength(300)) });
export type PairBody = v.InferOutput<typeof PairBody>;

/** GET /api/door/roster query: `after` is the last participant id of the previous page. */
export const RosterQuery = v.object({
  after: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(ROSTER_PAGE_MAX),
    ),
  ),
});
export type RosterQuery = v.InferOutput<typeof RosterQuery>;

/** What the organizer shows on screen: the code, the QR text and when both stop working. */
export interface PairingOffer {
  /** "ABCD-EFGH": typed on the tablet when its camera cannot read the QR. */
  code: string;
  /** `<origin>/scan/pair#ABCD-EFGH`: what the pairing QR encodes. */
  qrText: string;
  expiresAt: string;
  /** Seconds the code lasts from now: count down with this, since the two clocks may differ. */
  expiresInSeconds: number;
  name: string;
  door: string;
  waveIds: string[];
}

/** An enrolled tablet as the organizer sees it. */
export interface DeviceInfo {
  id: string;
  eventId: string;
  name: string;
  door: string;
  waveIds: string[];
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** The server's clock minus the tablet's (ms) at its latest push; null before any. */
  serverMinusDeviceMs?: number | null;
  /** What the tablet last said about itself with a sync; null before any (or an old app). */
  report?: DeviceReportInfo | null;
}

export interface DeviceList {
  devices: DeviceInfo[];
}

/** What a tablet receives once when it pairs; `token` is never shown again. */
export interface PairResult {
  deviceId: string;
  /** Send as `Authorization: Bearer <token>` on every door call. */
  token: string;
  event: { id: string; name: string };
  name: string;
  door: string;
  /** The allowed waves only, with their sessions. */
  waves: WaveInfo[];
  publicKeys: EventPublicKey[];
}

/** One ticket version that no longer admits anyone (cancelled or re-issued). */
export interface DoorRevocation {
  participantId: string;
  ticketVersion: number;
}

/** Everything but the roster that a door needs to decide verdicts offline. */
export interface DoorManifest {
  event: { id: string; name: string };
  device: { id: string; name: string };
  door: string;
  waves: WaveInfo[];
  publicKeys: EventPublicKey[];
  /** The whole event's list: a ticket moved out of an allowed wave must still read as revoked. */
  revocations: DoorRevocation[];
  /** Entries the roster pages hold in total (all allowed waves, cancelled included). */
  rosterCount: number;
  /** The server's clock when it answered, for estimating the tablet's clock offset. */
  serverTime: string;
  /** The first pull cursor: every scan so far, roster changes after this manifest only. */
  syncCursor?: string;
  /**
   * A short hash of what this manifest tells the device besides the roster and revocations (event
   * and device names, door, waves with sessions, public keys); each pull carries the current one.
   * Missing from an older server.
   */
  version?: string;
}

/** A roster entry at the door. */
export interface DoorParticipant {
  participantId: string;
  name: string;
  business: string;
  waveId: string;
  /** The last four digits of the phone, for searching when a phone is dead. */
  phoneLast4: string;
  ticketVersion: number;
  status: ParticipantStatus;
}

/** A page of the roster in participant-id order; ask again with `after=nextAfter` until null. */
export interface DoorRosterPage {
  participants: DoorParticipant[];
  nextAfter: string | null;
}

// The sync protocol (push body, pull answer) lives in ./sync.ts; re-exported for old imports.
export type { SyncPullResult } from './sync.js';
export { SyncPushBody } from './sync.js';
