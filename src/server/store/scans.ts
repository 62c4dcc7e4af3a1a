// Scan events: the append-only record of every scan. A push stores its batch with one multi-row
// `INSERT … ON CONFLICT (id) DO NOTHING` (on PostgreSQL usually a single statement with no
// transaction around it); ids it did not insert are compared with the stored copy (duplicate or
// conflict), and a conflicting copy is kept for the organizer.
import type { Kysely, Transaction } from 'kysely';
import { CompiledQuery, sql } from 'kysely';
import type { PulledScanEvent, PushResult } from '../../shared/api/sync.js';
import { parseCanonicalScanEvent } from '../../shared/api/sync.js';
import { correctTime } from '../../shared/door/clock.js';
import { phoneLast4 } from '../../shared/door/phone.js';
import type { ScanEvent } from '../../shared/door/types.js';
import type SQLite from 'better-sqlite3';
import type { Dialect, Store } from './database.js';
import { recordConflicts, recordRejections } from './scan-reviews.js';
import { isErasedCopy } from '../retention/redact.js';
import type { Database } from './schema.js';
import { notifyPayload } from '../live/hub.js';

type Db = Kysely<Database> | Transaction<Database>;

// Any constant will do: the class of the per-event locks that order scan inserts in PostgreSQL
// (the roster-change trigger uses another class, see migrations-sync.ts).
const SCAN_SEQ_LOCK_CLASS = 0x48616469;

/**
 * PostgreSQL: holds the event's scan lock until the transaction ends, so within one event seq
 * order is commit order (a pull cursor never steps over a row that commits later with a smaller
 * seq). Pushes to different events do not wait for each other. SQLite: nothing to do.
 */
export async function lockEventScans(tx: Db, dialect: Dialect, eventId: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(${SCAN_SEQ_LOCK_CLASS}, hashtext(${eventId}))`.execute(tx);
}

export interface StoreBatch {
  eventId: string;
  /** The device whose token made the push. */
  deviceId: string;
  /** Already validated and checked against the device, each with canonicalScanEvent(event). */
  events: { event: ScanEvent; body: string }[];
  receivedAt: number;
  /**
   * True when the device's last contact and clock are written with the batch (its own push, when
   * stale); false for an import, or a contact written moments ago.
   */
  deviceContact: boolean;
  /** Device clock minus server clock for this push; null when the push carried no `sentAt`. */
  serverMinusDeviceMs: number | null;
  /** Events refused before storing, each with its answer: kept for the organizer. */
  rejected?: RejectedScan[];
  /** PostgreSQL: NOTIFY this channel with the event id when anything new is stored. */
  notifyChannel?: string | null;
}

export type StoreOutcome = 'stored' | 'duplicate' | 'conflict';

/** A pushed event the server refused: its answer and the event as it came (JSON text). */
export interface RejectedScan {
  result: PushResult;
  body: string;
}

const COLUMNS = [
  'id',
  'event_id',
  'device_id',
  'participant_id',
  'session_id',
  'kind',
  'device_time',
  'received_at',
  'server_minus_device_ms',
  'body',
] as const;

// SQLite: one multi-row insert, its text cached per row count. Written out directly because for
// 500 rows Kysely's builder costs more CPU than the database does; only placeholders are
// generated, every value travels as a parameter.
const sqliteInsertText = new Map<number, string>();

function sqliteInsertSql(rowCount: number): string {
  let text = sqliteInsertText.get(rowCount);
  if (text === undefined) {
    const tuple = `(${COLUMNS.map(() => '?').join(',')})`;
    text =
      `insert into scan_events (${COLUMNS.join(',')}) values ` +
      `${Array.from({ length: rowCount }, () => tuple).join(',')} ` +
      'on conflict (id) do nothing returning id';
    sqliteInsertText.set(rowCount, text);
  }
  return text;
}

const prepared = new WeakMap<SQLite.Database, Map<number, SQLite.Statement>>();

function sqliteInsert(handle: SQLite.Database, rowCount: number): SQLite.Statement {
  let byCount = prepared.get(handle);
  if (!byCount) prepared.set(handle, (byCount = new Map()));
  let stmt = byCount.get(rowCount);
  if (!stmt) byCount.set(rowCount, (stmt = handle.prepare(sqliteInsertSql(rowCount))));
  return stmt;
}

// PostgreSQL, the push's hot statement: ten arrays unnested into rows, so the statement text and
// its plan stay the same whatever the batch size (a 500-row VALUES list costs PostgreSQL more to
// parse than to insert); with them the event's lock, the insert and (when anything was
// inserted) the NOTIFY in one round trip. The lock is held until commit, and every round trip
// the server makes while holding it is time the event's other pushes wait: under load a busy
// event loop answers each one late (seen in the fleet bench as pushes queued on "Lock advisory").
// The lock comes first: the insert draws no seq before the joined lock row exists.
const PG_LOCKED_INSERT =
  `with lock as materialized (select pg_advisory_xact_lock($11::int4, hashtext($12::text))), ` +
  `ins as (insert into scan_events (${COLUMNS.join(',')}) ` +
  'select u.* from lock, unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], ' +
  '$6::text[], $7::int8[], $8::int8[], $9::int8[], $10::text[]) as u ' +
  'on conflict (id) do nothing returning id)';
const PG_LOCKED_INSERT_QUIET = `${PG_LOCKED_INSERT} select id from ins`;
// The notification is read once, only when the insert returned a row.
const PG_LOCKED_INSERT_NOTIFY =
  `${PG_LOCKED_INSERT}, note as (select pg_notify($13::text, $14::text) ` +
  'from (select 1 from ins limit 1) as any_row) ' +
  'select id, (select count(*) from note) as notified from ins';

/** PostgreSQL: lock, insert and notify (when `channel` is set) as one statement. */
function lockedInsertQuery(
  eventId: string,
  rows: unknown[][],
  notify: { channel: string; payload: string } | null,
): CompiledQuery<{ id: string }> {
  const params: unknown[] = COLUMNS.map((_, c) => rows.map((r) => r[c]));
  params.push(SCAN_SEQ_LOCK_CLASS, eventId);
  if (notify) params.push(notify.channel, notify.payload);
  return CompiledQuery.raw(
    notify ? PG_LOCKED_INSERT_NOTIFY : PG_LOCKED_INSERT_QUIET,
    params,
  ) as CompiledQuery<{ id: string }>;
}

/**
 * Stores a batch and says, per event (in the batch's order), what became of it; a repeat inside
 * the batch compares with the first copy. The insert is atomic, and the event's lock
 * (lockEventScans) orders it with other pushes to the same event. Also notes the device's
 * contact and clock when asked (`deviceContact`), in the same transaction.
 */
export async function storeScanBatch(store: Store, batch: StoreBatch): Promise<StoreOutcome[]> {
  const { db, dialect } = store;
  const firstBody = new Map<string, string>();
  const rows: unknown[][] = [];
  for (const { event: e, body } of batch.events) {
    if (firstBody.has(e.id)) continue;
    firstBody.set(e.id, body);
    rows.push([
      e.id,
      batch.eventId,
      e.deviceId,
      e.participantId,
      e.sessionId,
      e.kind,
      e.deviceTime,
      batch.receivedAt,
      batch.serverMinusDeviceMs,
      body,
    ]);
  }

  const inserted = new Set<string>();
  const stored = new Map<string, string>();
  // The stored copy, or (after personal data was erased) the redacted form of the same scan.
  const same = (id: string, body: string) => {
    const held = stored.get(id);
    return held === body || (held !== undefined && isErasedCopy(body, held));
  };
  // What the insert did not store was already held: its stored copy is compared with this one,
  // a differing copy is recorded for the organizer, as are the events refused before storing.
  const settle = async (tx: Transaction<Database>) => {
    const held = [...firstBody.keys()].filter((id) => !inserted.has(id));
    if (held.length) {
      const found = await tx
        .selectFrom('scan_events')
        .select(['id', 'body'])
        .where('id', 'in', held)
        .execute();
      for (const r of found) stored.set(r.id, r.body);
    }
    for (const [id, body] of firstBody)
      if (!inserted.has(id)) stored.set(id, stored.get(id) ?? body);
    for (const id of inserted) stored.set(id, firstBody.get(id)!);
    const differing = batch.events
      .filter(({ event, body }) => !same(event.id, body))
      .map(({ event, body }) => ({ id: event.id, body }));
    if (differing.length) await recordConflicts(tx, batch, differing);
    if (batch.rejected?.length) await recordRejections(tx, batch, batch.rejected);
  };
  const notify =
    dialect === 'postgres' && batch.notifyChannel
      ? { channel: batch.notifyChannel, payload: notifyPayload(batch.eventId, batch.deviceId) }
      : null;

  if (
    dialect === 'postgres' &&
    rows.length > 0 &&
    !batch.deviceContact &&
    !batch.rejected?.length
  ) {
    // The common push on PostgreSQL: lock, insert and notify are one statement, atomic on its
    // own, so it runs without BEGIN and COMMIT — one round trip instead of four. Only when some
    // of it was held already does a transaction follow, to compare and record; were the process
    // to stop in between, the tablet, never answered, sends the batch again and the comparison
    // is made then.
    const result = await db.executeQuery(lockedInsertQuery(batch.eventId, rows, notify));
    for (const r of result.rows) inserted.add(r.id);
    if (inserted.size < firstBody.size) await db.transaction().execute(settle);
    else for (const id of inserted) stored.set(id, firstBody.get(id)!);
  } else {
    await db.transaction().execute(async (tx) => {
      // The push's one write to `devices` (last seen and clock together), taken before the event
      // lock: taking it after could deadlock with a second push of the same device.
      if (batch.deviceContact) {
        await tx
          .updateTable('devices')
          .set(
            batch.serverMinusDeviceMs === null
              ? { last_seen_at: batch.receivedAt }
              : {
                  last_seen_at: batch.receivedAt,
                  server_minus_device_ms: batch.serverMinusDeviceMs,
                  clock_checked_at: batch.receivedAt,
                },
          )
          .where('id', '=', batch.deviceId)
          .execute();
      }
      if (rows.length && dialect === 'postgres') {
        const result = await tx.executeQuery(lockedInsertQuery(batch.eventId, rows, notify));
        for (const r of result.rows) inserted.add(r.id);
      } else {
        await lockEventScans(tx, dialect, batch.eventId);
        if (rows.length && store.sqlite) {
          // Inside the transaction, so on the connection it holds: a cached statement saves
          // re-preparing a 5,000-parameter insert per batch.
          const ids = sqliteInsert(store.sqlite, rows.length).all(...rows.flat()) as {
            id: string;
          }[];
          for (const r of ids) inserted.add(r.id);
        }
      }
      await settle(tx);
    });
  }

  const answered = new Set<string>();
  return batch.events.map(({ event, body }) => {
    if (!same(event.id, body)) return 'conflict';
    const first = !answered.has(event.id);
    answered.add(event.id);
    return first && inserted.has(event.id) ? 'stored' : 'duplicate';
  });
}

/** The highest seq the event has so far (0 when none). */
export async function maxScanSeq(db: Db, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('scan_events')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** Another door's event as a tablet may hold it: a walk-in's phone cut to its last four digits. */
export function forOtherDoors(event: PulledScanEvent): PulledScanEvent {
  if (!event.walkIn) return event;
  return { ...event, walkIn: { ...event.walkIn, phone: phoneLast4(event.walkIn.phone) } };
}

/** A row as the pull and the door streams hand it on. */
export interface PageRow {
  seq: number;
  /** The columns the pull filters on, for filtering the same way elsewhere (live/event-tail). */
  deviceId: string;
  sessionId: string;
  event: PulledScanEvent;
}

const pageQuery = (db: Db, eventId: string, after: number) =>
  withOffsets(db)
    .select(['s.seq', 's.device_id as row_device', 's.session_id as row_session'])
    .where('s.event_id', '=', eventId)
    .where('s.seq', '>', after);

const toPageRow = (r: {
  seq: number;
  row_device: string;
  row_session: string;
  body: string;
  received_at: number;
  server_minus_device_ms: number | null;
  device_offset: number | null;
}): PageRow => {
  const { event, receivedAt } = toStoredScan(r);
  return {
    seq: Number(r.seq),
    deviceId: r.row_device,
    sessionId: r.row_session,
    event: { ...event, receivedAt, correctedTime: event.correctedTime! },
  };
};

/**
 * Events after `after` up to `upTo`, in seq order, leaving out one device's own and, when
 * `sessionIds` is given, every session not in it.
 */
export async function scanEventsPage(
  db: Db,
  opts: {
    eventId: string;
    after: number;
    upTo: number;
    exceptDevice: string;
    sessionIds?: readonly string[];
    limit: number;
  },
): Promise<PageRow[]> {
  let q = pageQuery(db, opts.eventId, opts.after)
    .where('s.seq', '<=', opts.upTo)
    .where('s.device_id', '<>', opts.exceptDevice);
  // An empty list would be invalid SQL; no session means nothing to pull.
  if (opts.sessionIds) {
    q = q.where('s.session_id', 'in', opts.sessionIds.length ? [...opts.sessionIds] : ['']);
  }
  const rows = await q.orderBy('s.seq').limit(opts.limit).execute();
  return rows.map(toPageRow);
}

/**
 * The event's newest rows after `after`, in seq order (at most `limit`), and the seq they reach
 * (`after` when none). One statement needs no upper bound: within an event seq order is commit
 * order (lockEventScans), so its one snapshot holds every row up to the last one it returns —
 * a row committed later has a higher seq and waits for the next read.
 */
export async function newScanEvents(
  db: Db,
  opts: { eventId: string; after: number; limit: number },
): Promise<{ to: number; rows: PageRow[] }> {
  const rows = (
    await pageQuery(db, opts.eventId, opts.after).orderBy('s.seq').limit(opts.limit).execute()
  ).map(toPageRow);
  return { to: rows.at(-1)?.seq ?? opts.after, rows };
}

// A scan row with both offsets that can correct it: the one measured at its own push, and its
// device's latest (for a push without `sentAt`, or an imported file).
const withOffsets = (db: Db) =>
  db
    .selectFrom('scan_events as s')
    .leftJoin('devices as d', 'd.id', 's.device_id')
    .select([
      's.body',
      's.received_at',
      's.server_minus_device_ms',
      'd.server_minus_device_ms as device_offset',
    ]);

function toStoredScan(r: {
  body: string;
  received_at: number;
  server_minus_device_ms: number | null;
  device_offset: number | null;
}): StoredScan {
  const event = parseCanonicalScanEvent(r.body);
  const own = r.server_minus_device_ms === null ? null : Number(r.server_minus_device_ms);
  const latest = r.device_offset === null ? null : Number(r.device_offset);
  event.correctedTime = correctTime(event.deviceTime, own ?? latest);
  return { event, receivedAt: Number(r.received_at), serverMinusDeviceMs: own };
}

/** A stored event (with its correctedTime) and what the server knows about its arrival. */
export interface StoredScan {
  event: ScanEvent;
  receivedAt: number;
  serverMinusDeviceMs: number | null;
}

/**
 * Every scan event of an event, in seq order (attendance and conflicts fold them all), each with
 * its corrected time, so the fold orders by it as the tablets do.
 */
export async function allScans(db: Db, eventId: string): Promise<StoredScan[]> {
  const rows = await withOffsets(db).where('s.event_id', '=', eventId).orderBy('s.seq').execute();
  return rows.map(toStoredScan);
}

/**
 * Up to `limit` scans of an event after seq `after`, in seq order, for the incremental report
 * fold (scans/fold-cache.ts). Within one event seq order is commit order (lockEventScans), so a
 * cursor taken from these seqs never steps over a scan another process commits later.
 */
export async function storedScansAfter(
  db: Db,
  eventId: string,
  after: number,
  limit: number,
): Promise<{ seq: number; scan: StoredScan }[]> {
  const rows = await withOffsets(db)
    .select('s.seq')
    .where('s.event_id', '=', eventId)
    .where('s.seq', '>', after)
    .orderBy('s.seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), scan: toStoredScan(r) }));
}

/** Which device recorded each of these scans (ids the event does not hold are left out). */
export async function scanDevices(
  db: Db,
  eventId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('scan_events')
    .select(['id', 'device_id'])
    .where('event_id', '=', eventId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.device_id]));
}
