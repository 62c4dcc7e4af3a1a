// Events, their waves and sessions, and each event's signing key.
import type { Kysely, Transaction } from 'kysely';
import type { ListSigners } from '../../shared/api/office-lists.js';
import type {
  EventDetail,
  EventSummary,
  SessionBody,
  SessionInfo,
  WaveBody,
  WaveInfo,
} from '../../shared/api/schemas.js';
import { newWaveId, randomId } from '../../shared/base32.js';
import type { EventSigningKey, EventPublicKey } from '../../shared/ticket/crypto.js';
import { generateEventKey } from '../../shared/ticket/crypto.js';
import { logoPath } from '../../shared/badges/logo.js';
import { eventLogoVersion } from './event-logos.js';
import type { Database, WaveSessionTable, WaveTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
const iso = (ms: number) => new Date(ms).toISOString();

/** Creates an event with a fresh Ed25519 key pair; the private key stays in this database. */
export async function createEvent(db: Db, name: string, now = Date.now()): Promise<string> {
  const id = randomId(8);
  const key = await generateEventKey();
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('events').values({ id, name, created_at: now, updated_at: now }).execute();
    await tx
      .insertInto('event_keys')
      .values({
        kid: key.kid,
        event_id: id,
        public_key: key.publicKey,
        private_key: key.privateKey,
        created_at: now,
      })
      .execute();
  });
  return id;
}

/** Renames an event; false if it does not exist. */
export async function renameEvent(db: Db, id: string, name: string): Promise<boolean> {
  const r = await db
    .updateTable('events')
    .set({ name, updated_at: Date.now() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Events, newest first, with participant counts; archived ones only when asked for. */
export async function listEvents(
  db: Db,
  opts: { archived?: boolean } = {},
): Promise<EventSummary[]> {
  let query = db
    .selectFrom('events as e')
    .leftJoin('participants as p', (j) =>
      j.onRef('p.event_id', '=', 'e.id').on('p.status', '=', 'active'),
    )
    .select([
      'e.id',
      'e.name',
      'e.created_at',
      'e.archived_at',
      (eb) => eb.fn.count<number>('p.id').as('n'),
    ])
    .groupBy(['e.id', 'e.name', 'e.created_at', 'e.archived_at'])
    .orderBy('e.created_at', 'desc');
  if (!opts.archived) query = query.where('e.archived_at', 'is', null);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: iso(r.created_at),
    participantCount: Number(r.n),
    archivedAt: r.archived_at === null ? null : iso(Number(r.archived_at)),
  }));
}

/** One event with its waves and sessions, or undefined. */
export async function getEventDetail(db: Db, id: string): Promise<EventDetail | undefined> {
  const event = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!event) return undefined;
  const waves = await db
    .selectFrom('waves')
    .selectAll()
    .where('event_id', '=', id)
    .orderBy('starts_at')
    .orderBy('name')
    .execute();
  const sessions = waves.length
    ? await db
        .selectFrom('wave_sessions')
        .selectAll()
        .where(
          'wave_id',
          'in',
          waves.map((w) => w.id),
        )
        .orderBy('starts_at')
        .orderBy('name')
        .execute()
    : [];
  const counts = await db
    .selectFrom('participants')
    .select(['wave_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', id)
    .where('status', '=', 'active')
    .groupBy('wave_id')
    .execute();
  const countOf = new Map(counts.map((c) => [c.wave_id, Number(c.n)]));
  const logo = await eventLogoVersion(db, id);
  const waveInfos = waves.map((w) =>
    toWaveInfo(
      w,
      sessions.filter((s) => s.wave_id === w.id),
      countOf.get(w.id) ?? 0,
    ),
  );
  return {
    id: event.id,
    name: event.name,
    createdAt: iso(event.created_at),
    participantCount: waveInfos.reduce((n, w) => n + w.participantCount, 0),
    archivedAt: event.archived_at === null ? null : iso(Number(event.archived_at)),
    waves: waveInfos,
    logoUrl: logo ? logoPath(id, logo) : null,
  };
}

function toWaveInfo(w: WaveTable, sessions: WaveSessionTable[], count: number): WaveInfo {
  return {
    id: w.id,
    eventId: w.event_id,
    name: w.name,
    venue: w.venue,
    address: w.address,
    mapUrl: w.map_url,
    startsAt: w.starts_at,
    endsAt: w.ends_at,
    sessions: sessions.map(toSessionInfo),
    participantCount: count,
  };
}

function toSessionInfo(s: WaveSessionTable): SessionInfo {
  return { id: s.id, waveId: s.wave_id, name: s.name, startsAt: s.starts_at, endsAt: s.ends_at };
}

/** Adds a wave to an event. */
export async function insertWave(db: Db, eventId: string, body: WaveBody): Promise<WaveInfo> {
  const row: WaveTable = {
    id: newWaveId(),
    event_id: eventId,
    name: body.name,
    venue: body.venue,
    address: body.address,
    map_url: body.mapUrl,
    starts_at: body.startsAt,
    ends_at: body.endsAt,
    created_at: Date.now(),
  };
  await db.insertInto('waves').values(row).execute();
  return toWaveInfo(row, [], 0);
}

/** The wave row, or undefined. */
export async function getWave(db: Db, waveId: string) {
  return db.selectFrom('waves').selectAll().where('id', '=', waveId).executeTakeFirst();
}

/** Edits a wave; returns the event id it belongs to, or undefined if missing. */
export async function updateWave(db: Db, waveId: string, body: WaveBody) {
  const r = await db
    .updateTable('waves')
    .set({
      name: body.name,
      venue: body.venue,
      address: body.address,
      map_url: body.mapUrl,
      starts_at: body.startsAt,
      ends_at: body.endsAt,
    })
    .where('id', '=', waveId)
    .returning('event_id')
    .executeTakeFirst();
  return r?.event_id;
}

/** Adds a session inside a wave. */
export async function insertSession(
  db: Db,
  waveId: string,
  body: SessionBody,
): Promise<SessionInfo> {
  const row: WaveSessionTable = {
    id: randomId(5),
    wave_id: waveId,
    name: body.name,
    starts_at: body.startsAt,
    ends_at: body.endsAt,
    created_at: Date.now(),
  };
  await db.insertInto('wave_sessions').values(row).execute();
  return toSessionInfo(row);
}

/** Edits a session; undefined if missing. */
export async function updateSession(
  db: Db,
  sessionId: string,
  body: SessionBody,
): Promise<SessionInfo | undefined> {
  const row = await db
    .updateTable('wave_sessions')
    .set({ name: body.name, starts_at: body.startsAt, ends_at: body.endsAt })
    .where('id', '=', sessionId)
    .returningAll()
    .executeTakeFirst();
  return row && toSessionInfo(row);
}

/** Removes a session; false if missing. */
export async function deleteSession(db: Db, sessionId: string): Promise<boolean> {
  const r = await db.deleteFrom('wave_sessions').where('id', '=', sessionId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The event a session belongs to (for ownership checks). */
export async function getSession(db: Db, sessionId: string) {
  return db
    .selectFrom('wave_sessions as s')
    .innerJoin('waves as w', 'w.id', 's.wave_id')
    .select(['s.id', 's.wave_id', 'w.event_id'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/** The event's current signing key (newest). */
export async function getSigningKey(db: Db, eventId: string): Promise<EventSigningKey> {
  const row = await db
    .selectFrom('event_keys')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { kid: row.kid, publicKey: row.public_key, privateKey: row.private_key };
}

/** All of an event's public keys, for verifying its tickets. */
export async function listPublicKeys(db: Db, eventId: string): Promise<EventPublicKey[]> {
  const rows = await db
    .selectFrom('event_keys')
    .select(['kid', 'public_key'])
    .where('event_id', '=', eventId)
    .execute();
  return rows.map((r) => ({ kid: r.kid, publicKey: r.public_key }));
}

/** The office lists' letterhead and signers; null: not saved yet; undefined: no such event. */
export async function getListSigners(
  db: Db,
  eventId: string,
): Promise<ListSigners | null | undefined> {
  const row = await db
    .selectFrom('events')
    .select('list_signers')
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.list_signers === null) return null;
  try {
    return JSON.parse(row.list_signers) as ListSigners;
  } catch {
    return null;
  }
}

/** Saves the office lists' letterhead and signers (already validated); false: no such event. */
export async function saveListSigners(db: Db, eventId: string, s: ListSigners): Promise<boolean> {
  const r = await db
    .updateTable('events')
    .set({ list_signers: JSON.stringify(s), updated_at: Date.now() })
    .where('id', '=', eventId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
