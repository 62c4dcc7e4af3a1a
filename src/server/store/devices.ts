// Door devices and their one-time pairing codes. Only hashes of codes and tokens are stored.
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DeviceInfo, DoorParticipant } from '../../shared/api/door.js';
import { phoneLast4 } from '../../shared/door/phone.js';
import type { Store } from './database.js';
import type { StoredReport } from './device-reports.js';
import type { Database, DeviceReportTable, DeviceTable, PairingCodeTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * How stale a device's noted contact (last seen, with its clock) and its report may get before a
 * call writes them again. The organizer's pages show "seen" by the minute and flag a tablet only
 * after minutes (STALE_WITH_UNSYNCED_MS); a write with every call would cost a busy door's push
 * more than its own insert (docs/scaling.md).
 */
export const CONTACT_REFRESH_MS = 30_000;
/**
 * Clock estimates closer than this say the same: a push's estimate moves with network and server
 * delay. One further off is written at once (a tablet whose clock was just set right).
 */
export const CLOCK_SAME_MS = 5000;

/** True when a call at `now` should write the device's contact again. */
export const contactDue = (lastSeenAt: number | null, now: number) =>
  lastSeenAt === null || now - lastSeenAt >= CONTACT_REFRESH_MS;

/** The device a request was made with, as routes see it. */
export interface DeviceAuth {
  id: string;
  eventId: string;
  name: string;
  door: string;
  waveIds: string[];
  /** The sessions of its waves: the only ones it may record scans for or pull. */
  sessionIds: Set<string>;
  /** When the server last noted its contact (ms), or null: a push refreshes it only when stale. */
  lastSeenAt: number | null;
  /** Its clock as last noted (server minus device, ms), or null when never checked. */
  serverMinusDeviceMs: number | null;
  /** Its event is archived (read-only): a push is refused, the tablet keeps its scans. */
  eventArchived: boolean;
  /** Its latest stored report (device-reports.ts), or null when it never sent one. */
  report: StoredReport | null;
}

/**
 * A device row with its sessions' ids (comma-separated, null when none) and its event's archive
 * time, read in one query.
 */
export type DeviceAuthRow = DeviceTable & {
  session_ids: string | null;
  event_archived_at: number | string | null;
} & { [K in keyof StoredReportRow as `report_${K}`]: StoredReportRow[K] | null };

type StoredReportRow = Omit<DeviceReportTable, 'device_id' | 'event_id'>;

/** Wave ids from the stored JSON; anything unreadable counts as no wave at all. */
export function parseWaveIds(json: string): string[] {
  try {
    const ids: unknown = JSON.parse(json);
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** A device row as the organizer API shows it. */
export function toDeviceInfo(r: DeviceTable): DeviceInfo {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    door: r.door,
    waveIds: parseWaveIds(r.wave_ids),
    createdAt: iso(r.created_at),
    lastSeenAt: r.last_seen_at === null ? null : iso(r.last_seen_at),
    revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
    serverMinusDeviceMs:
      r.server_minus_device_ms === null ? null : Number(r.server_minus_device_ms),
  };
}

/** A device row as the door routes see it. */
export function toDeviceAuth(r: DeviceAuthRow): DeviceAuth {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    door: r.door,
    waveIds: parseWaveIds(r.wave_ids),
    sessionIds: new Set(r.session_ids ? r.session_ids.split(',') : []),
    lastSeenAt: r.last_seen_at === null ? null : Number(r.last_seen_at),
    serverMinusDeviceMs:
      r.server_minus_device_ms === null ? null : Number(r.server_minus_device_ms),
    eventArchived: r.event_archived_at !== null,
    report: r.report_reported_at === null ? null : storedReport(r),
  };
}

const num = (x: number | string | null) => (x === null ? null : Number(x));

function storedReport(r: DeviceAuthRow): StoredReport {
  return {
    reportedAt: Number(r.report_reported_at),
    unsynced: Number(r.report_unsynced),
    oldestUnsyncedAt: num(r.report_oldest_unsynced_at),
    rosterVersion: r.report_roster_version,
    appVersion: r.report_app_version,
    serverMinusDeviceMs: num(r.report_server_minus_device_ms),
    storagePersisted: num(r.report_storage_persisted),
  };
}

// Session ids are [A-Za-z0-9_-], so a comma is a safe separator. The device's waves are a JSON
// array, read by each dialect's own JSON function.
const sessionIdsOf = (store: Store) =>
  store.dialect === 'postgres'
    ? sql<string | null>`(select string_agg(s.id, ',') from wave_sessions s
        where s.wave_id in (select jsonb_array_elements_text(devices.wave_ids::jsonb)))`
    : sql<string | null>`(select group_concat(s.id, ',') from wave_sessions s
        where s.wave_id in (select value from json_each(devices.wave_ids)))`;

const deviceAuthQuery = (store: Store) =>
  store.db
    .selectFrom('devices')
    .leftJoin('device_reports as r', 'r.device_id', 'devices.id')
    .selectAll('devices')
    .select(sessionIdsOf(store).as('session_ids'))
    .select(
      sql<number | string | null>`(select e.archived_at from events e
        where e.id = devices.event_id)`.as('event_archived_at'),
    )
    .select([
      'r.reported_at as report_reported_at',
      'r.unsynced as report_unsynced',
      'r.oldest_unsynced_at as report_oldest_unsynced_at',
      'r.roster_version as report_roster_version',
      'r.app_version as report_app_version',
      'r.server_minus_device_ms as report_server_minus_device_ms',
      'r.storage_persisted as report_storage_persisted',
    ]);

/**
 * The device holding this token hash, revoked or not, with its allowed sessions and whether its
 * event is archived resolved in the same query: authentication, the push's session check and
 * its read-only check cost one round trip.
 */
export async function findDeviceByTokenHash(
  store: Store,
  tokenHash: string,
): Promise<DeviceAuthRow | undefined> {
  return deviceAuthQuery(store).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** One device by id with its allowed sessions, revoked or not (an organizer's import). */
export async function getDeviceAuthRow(
  store: Store,
  id: string,
): Promise<DeviceAuthRow | undefined> {
  return deviceAuthQuery(store).where('id', '=', id).executeTakeFirst();
}

/** Stores a new pairing code; false if its hash is already taken (the caller draws again). */
export async function insertPairingCode(db: Db, row: PairingCodeTable): Promise<boolean> {
  const r = await db
    .insertInto('pairing_codes')
    .values(row)
    .onConflict((oc) => oc.column('code_hash').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Forgets pairing codes that expired before `before` (used or not). */
export async function deleteStalePairingCodes(db: Db, before: number): Promise<void> {
  await db.deleteFrom('pairing_codes').where('expires_at', '<', before).execute();
}

export type PairOutcome =
  { ok: true; device: DeviceTable } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/**
 * Redeems a pairing code and enrolls the device in one transaction. The code is claimed with a
 * conditional update (unused and unexpired), so two tablets racing with the same code cannot
 * both win: the loser's update matches no row.
 */
export async function pairDevice(
  db: Kysely<Database>,
  opts: { codeHash: string; tokenHash: string; deviceId: string; now: number },
): Promise<PairOutcome> {
  return db.transaction().execute(async (tx): Promise<PairOutcome> => {
    const claimed = await tx
      .updateTable('pairing_codes')
      .set({ used_at: opts.now, device_id: opts.deviceId })
      .where('code_hash', '=', opts.codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', opts.now)
      .returningAll()
      .executeTakeFirst();
    if (!claimed) {
      const row = await tx
        .selectFrom('pairing_codes')
        .select(['used_at', 'expires_at'])
        .where('code_hash', '=', opts.codeHash)
        .executeTakeFirst();
      if (!row) return { ok: false, reason: 'unknown' };
      return { ok: false, reason: row.used_at !== null ? 'used' : 'expired' };
    }
    const device: DeviceTable = {
      id: opts.deviceId,
      event_id: claimed.event_id,
      name: claimed.name,
      door: claimed.door,
      wave_ids: claimed.wave_ids,
      token_hash: opts.tokenHash,
      created_at: opts.now,
      last_seen_at: opts.now,
      revoked_at: null,
      server_minus_device_ms: null,
      clock_checked_at: null,
    };
    await tx.insertInto('devices').values(device).execute();
    return { ok: true, device };
  });
}

/** An event's devices, oldest first. */
export async function listDevices(db: Db, eventId: string): Promise<DeviceTable[]> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Notes that the device was just in contact. */
export async function touchDevice(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: now }).where('id', '=', id).execute();
}

/** One device by id, revoked or not; undefined if there is none. */
export async function getDeviceRow(db: Db, id: string) {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Revokes a device (the first revocation time is kept); undefined if it does not exist. */
export async function revokeDevice(db: Db, id: string, now: number) {
  await db
    .updateTable('devices')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

const rosterBase = (db: Db, eventId: string, waveIds: string[]) =>
  db
    .selectFrom('participants')
    .where('event_id', '=', eventId)
    // An empty list would be invalid SQL; no wave means no roster.
    .where('wave_id', 'in', waveIds.length ? waveIds : ['']);

const doorFields = [
  'id',
  'name',
  'business',
  'wave_id',
  'phone',
  'ticket_version',
  'status',
] as const;

function toDoorParticipant(r: {
  id: string;
  name: string;
  business: string;
  wave_id: string;
  phone: string;
  ticket_version: number;
  status: 'active' | 'cancelled';
}): DoorParticipant {
  return {
    participantId: r.id,
    name: r.name,
    business: r.business,
    waveId: r.wave_id,
    phoneLast4: phoneLast4(r.phone),
    ticketVersion: r.ticket_version,
    status: r.status,
  };
}

/** A page of the door roster, in id order after `after`; only the fields a door may hold. */
export async function doorRosterPage(
  db: Db,
  opts: { eventId: string; waveIds: string[]; after: string | undefined; limit: number },
): Promise<DoorParticipant[]> {
  let q = rosterBase(db, opts.eventId, opts.waveIds).select(doorFields);
  if (opts.after !== undefined) q = q.where('id', '>', opts.after);
  const rows = await q.orderBy('id').limit(opts.limit).execute();
  return rows.map(toDoorParticipant);
}

/** These participants' door entries, those in the door's waves only. */
export async function doorRosterEntries(
  db: Db,
  opts: { eventId: string; waveIds: string[]; ids: string[] },
): Promise<DoorParticipant[]> {
  if (!opts.ids.length) return [];
  const rows = await rosterBase(db, opts.eventId, opts.waveIds)
    .select(doorFields)
    .where('id', 'in', opts.ids)
    .orderBy('id')
    .execute();
  return rows.map(toDoorParticipant);
}

/**
 * How many entries the door roster holds in all (cancelled included: the pages carry them), and
 * the active participants per wave, for the manifest's waves — one grouped query.
 */
export async function doorRosterCounts(
  db: Db,
  eventId: string,
  waveIds: string[],
): Promise<{ total: number; activeByWave: Map<string, number> }> {
  const rows = await rosterBase(db, eventId, waveIds)
    .select(['wave_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['wave_id', 'status'])
    .execute();
  const activeByWave = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    total += Number(r.n);
    if (r.status === 'active') activeByWave.set(r.wave_id, Number(r.n));
  }
  return { total, activeByWave };
}
