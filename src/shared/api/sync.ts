// The door sync protocol: what a tablet pushes (scan events, checked one by one so one bad event
// never blocks the rest), what the server answers per event, and what a pull returns.
// Objects are not strict: a field a newer or older app version adds is ignored, never fatal.
import * as v from 'valibot';
import type { ScanEvent, VerdictKind } from '../door/types.js';
import { VERDICT_KINDS } from '../door/types.js';
import type { DoorParticipant, DoorRevocation } from './door.js';

import { PULL_PAGE_MAX, PUSH_BATCH_MAX, UNSYNCED_FILE_FORMAT } from './sync-limits.js';

export {
  PULL_PAGE_DEFAULT,
  PULL_PAGE_MAX,
  PUSH_BATCH_MAX,
  UNSYNCED_FILE_FORMAT,
} from './sync-limits.js';

const idText = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Epoch ms between 1970 and the year 2255: a device clock can be wrong, but not absurd. */
const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9e12));

const WalkInSchema = v.object({
  name: text(200),
  business: text(200),
  phone: text(40),
  waveId: v.optional(idText),
});

/**
 * One scan event as a tablet sends it (`ScanEvent` in src/shared/door/types.ts). `door` and
 * `volunteer` may be missing in payloads from early builds; the server fills the device's door.
 */
export const ScanEventSchema = v.object({
  id: idText,
  deviceId: idText,
  deviceSeq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  participantId: v.nullable(idText),
  walkIn: v.optional(WalkInSchema),
  sessionId: idText,
  kind: v.picklist(['check-in', 'undo', 're-entry', 'override', 'walk-in']),
  deviceTime: epochMs,
  volunteer: v.optional(text(120), ''),
  door: v.optional(text(120)),
  verdict: v.optional(v.nullable(v.picklist(VERDICT_KINDS)), null),
  ticketVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  undoes: v.optional(idText),
  flags: v.optional(v.pipe(v.array(text(60)), v.maxLength(20))),
});
export type ScanEventInput = v.InferOutput<typeof ScanEventSchema>;

/**
 * POST /api/sync/push. Events stay `unknown` here so each is validated (and rejected) alone;
 * `sentAt` is the tablet's clock when it sent the batch, for estimating its clock offset.
 */
export const SyncPushBody = v.object({
  events: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(PUSH_BATCH_MAX)),
  sentAt: v.optional(epochMs),
  /** The tablet's report of itself (device-report.ts); read on its own, never fatal. */
  report: v.optional(v.unknown()),
});
export type SyncPushBody = v.InferOutput<typeof SyncPushBody>;

/**
 * What happened to one pushed event. `stored` and `duplicate` (already held, same body) are
 * acknowledgements; `conflict` (the id is held with a different body) is acknowledged too: the
 * server recorded the copy for the organizer, resending it changes nothing. `rejected` will
 * never be accepted as sent (see `code`); the tablet keeps it and shows it, but stops resending.
 */
export type PushStatus = 'stored' | 'duplicate' | 'conflict' | 'rejected';

export interface PushResult {
  id: string;
  status: PushStatus;
  /**
   * The HTTP status this event would have had alone: 201 stored, 200 duplicate, 409 conflict,
   * 400 invalid, 403 not this device's to send. The batch itself is answered 200.
   */
  httpStatus: 200 | 201 | 400 | 403 | 409;
  code?: string;
  message?: string;
}

/** POST /api/sync/push's answer: always 200 once the batch is committed, one result per event. */
export interface SyncPushResult {
  results: PushResult[];
  /** The server's clock when it received the push (ISO), for the tablet's round-trip estimate. */
  receivedAt: string;
  /** The server's clock when it answered (ISO). */
  serverTime: string;
  /**
   * The server's clock minus the device's (ms) as the server measures it (receive time − sentAt,
   * low by the one-way delay); null without `sentAt`. Stored with the pushed events.
   */
  serverMinusDeviceMs: number | null;
  /**
   * The device's manifest version now, as a pull gives it (`SyncPullResult.manifestVersion`): a
   * round that only pushes (the live stream brings other doors' scans) still follows a changed
   * manifest. Missing from an older server.
   */
  manifestVersion?: string;
}

/** GET /api/sync/pull's query. `cursor` is opaque: send back the one the last pull gave. */
export const SyncPullQuery = v.object({
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}(\.\d{1,15})?$/))),
  /** The tablet's report of itself as JSON text (device-report.ts); read on its own. */
  report: v.optional(v.string()),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(PULL_PAGE_MAX),
    ),
  ),
});
export type SyncPullQuery = v.InferOutput<typeof SyncPullQuery>;

/**
 * A scan event as pulled: what its device sent, plus when the server received it and its
 * `correctedTime` (deviceTime + the device's serverMinusDeviceMs; deviceTime when none is known).
 */
export type PulledScanEvent = ScanEvent & { receivedAt: number; correctedTime: number };

/** GET /api/sync/pull's answer. Ask again with `cursor` while `more` is true. */
export interface SyncPullResult {
  /** Other devices' events of this event, in server order (the caller's own are left out). */
  events: PulledScanEvent[];
  /** Roster entries (the device's waves) added or changed since the cursor. */
  roster: DoorParticipant[];
  /** Ticket versions revoked since the cursor (the whole event's, like the manifest). */
  revocations: DoorRevocation[];
  cursor: string;
  more: boolean;
  serverTime: string;
  /**
   * The device's manifest version now (`DoorManifest.version`): when it differs from the one the
   * tablet saved, the tablet fetches GET /api/door/manifest again. Missing from an older server,
   * which means "no change".
   */
  manifestVersion?: string;
}

/** A validated push event as stored: every optional field settled. */
export function toScanEvent(e: ScanEventInput, fallbackDoor: string): ScanEvent {
  const out: ScanEvent = {
    id: e.id,
    deviceId: e.deviceId,
    deviceSeq: e.deviceSeq,
    participantId: e.participantId,
    sessionId: e.sessionId,
    kind: e.kind,
    deviceTime: e.deviceTime,
    volunteer: e.volunteer,
    door: e.door ?? fallbackDoor,
    verdict: e.verdict as VerdictKind | null,
  };
  if (e.walkIn) out.walkIn = { ...e.walkIn };
  if (e.ticketVersion !== undefined) out.ticketVersion = e.ticketVersion;
  if (e.undoes !== undefined) out.undoes = e.undoes;
  if (e.flags !== undefined) out.flags = [...e.flags];
  return out;
}

/** The event's fields in a fixed order: two copies of an id conflict when these differ. */
export function canonicalScanEvent(e: ScanEvent): string {
  return JSON.stringify([
    e.id,
    e.deviceId,
    e.deviceSeq,
    e.participantId,
    e.walkIn ? [e.walkIn.name, e.walkIn.business, e.walkIn.phone, e.walkIn.waveId ?? null] : null,
    e.sessionId,
    e.kind,
    e.deviceTime,
    e.volunteer,
    e.door,
    e.verdict,
    e.ticketVersion ?? null,
    e.undoes ?? null,
    e.flags ?? null,
  ]);
}

/** Rebuilds an event from canonicalScanEvent's text (how the server stores the body). */
export function parseCanonicalScanEvent(body: string): ScanEvent {
  const f = JSON.parse(body) as unknown[];
  const [id, deviceId, deviceSeq, participantId, walkIn, sessionId, kind, deviceTime] = f;
  const [volunteer, door, verdict, ticketVersion, undoes, flags] = f.slice(8);
  const e: ScanEvent = {
    id: id as string,
    deviceId: deviceId as string,
    deviceSeq: deviceSeq as number,
    participantId: participantId as string | null,
    sessionId: sessionId as string,
    kind: kind as ScanEvent['kind'],
    deviceTime: deviceTime as number,
    volunteer: volunteer as string,
    door: door as string,
    verdict: verdict as VerdictKind | null,
  };
  if (Array.isArray(walkIn)) {
    const [name, business, phone, waveId] = walkIn as (string | null)[];
    e.walkIn = { name: name!, business: business!, phone: phone! };
    if (waveId) e.walkIn.waveId = waveId;
  }
  if (ticketVersion !== null) e.ticketVersion = ticketVersion as number;
  if (undoes !== null) e.undoes = undoes as string;
  if (flags !== null) e.flags = flags as string[];
  return e;
}

/**
 * A tablet's export of the scans it could not push (the last resort: revoked, wiped, or never
 * online again), imported by an organizer at POST /api/events/:eventId/scans/import.
 */
export const UnsyncedScansFile = v.object({
  format: v.literal(UNSYNCED_FILE_FORMAT),
  deviceId: idText,
  eventId: idText,
  door: v.optional(v.string()),
  exportedAt: v.optional(v.string()),
  events: v.pipe(v.array(v.unknown()), v.maxLength(50_000)),
});
export type UnsyncedScansFile = v.InferOutput<typeof UnsyncedScansFile>;

/** What an import did with the file's events. */
export interface ScanImportResult {
  stored: number;
  duplicate: number;
  conflict: number;
  rejected: number;
  /** Why events were rejected, a few examples with their codes. */
  problems: PushResult[];
}
