// Participants: the roster, ticket versions and the revocation list.
import type { Kysely, Transaction } from 'kysely';
import type { Participant, ParticipantStatus } from '../../shared/api/schemas.js';
import { newParticipantId } from '../../shared/base32.js';
import { phoneSearchForms } from '../../shared/roster/phone.js';
import type { Database, ParticipantTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
const iso = (ms: number) => new Date(ms).toISOString();

/** A participant row as the API shows it. */
export function toParticipant(r: ParticipantTable): Participant {
  return {
    id: r.id,
    eventId: r.event_id,
    waveId: r.wave_id,
    name: r.name,
    business: r.business,
    phone: r.phone,
    email: r.email,
    nik: r.nik,
    status: r.status,
    ticketVersion: r.ticket_version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export interface ParticipantFields {
  waveId: string;
  name: string;
  business: string;
  phone: string;
  email: string | null;
  nik: string | null;
}

export interface ListQuery {
  waveId?: string | undefined;
  q?: string | undefined;
  status?: ParticipantStatus | undefined;
  /** Only these ids (`in: true`) or all but these (hadir / belum hadir, from the fold). */
  ids?: { in: boolean; ids: string[] } | undefined;
  offset: number;
  limit: number;
}

/** A page of an event's participants, filtered, ordered by name. */
export async function listParticipants(db: Db, eventId: string, query: ListQuery) {
  let base = db.selectFrom('participants').where('event_id', '=', eventId);
  if (query.waveId) base = base.where('wave_id', '=', query.waveId);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.ids?.in) base = base.where('id', 'in', query.ids.ids.length ? query.ids.ids : ['']);
  if (query.ids && !query.ids.in && query.ids.ids.length)
    base = base.where('id', 'not in', query.ids.ids);
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    // Phones are stored as +62…; the search takes 0811…, 62811…, +62 811-… alike.
    const phones = phoneSearchForms(query.q);
    base = base.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), 'like', eb.val(like)),
        eb(eb.fn('lower', ['business']), 'like', eb.val(like)),
        ...phones.map((digits) => eb('phone', 'like', `%${digits}%`)),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .offset(query.offset)
      .limit(query.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { participants: rows.map(toParticipant), total: Number(total.n) };
}

/** One participant row, or undefined. */
export async function getParticipantRow(db: Db, id: string) {
  return db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Who already holds this phone or NIK in the event (other than `exceptId`). */
export async function findClash(
  db: Db,
  eventId: string,
  f: { phone?: string | undefined; nik?: string | null | undefined },
  exceptId?: string,
) {
  const rows = await db
    .selectFrom('participants')
    .select(['id', 'phone', 'nik'])
    .where('event_id', '=', eventId)
    .where((eb) =>
      eb.or([
        ...(f.phone ? [eb('phone', '=', f.phone)] : []),
        ...(f.nik ? [eb('nik', '=', f.nik)] : []),
        eb.lit(false),
      ]),
    )
    .execute();
  return rows.find((r) => r.id !== exceptId);
}

/** Adds a participant with ticket version 1. */
export async function insertParticipant(
  db: Db,
  eventId: string,
  f: ParticipantFields,
  now = Date.now(),
): Promise<ParticipantTable> {
  const row: ParticipantTable = {
    id: newParticipantId(),
    event_id: eventId,
    wave_id: f.waveId,
    name: f.name,
    business: f.business,
    phone: f.phone,
    email: f.email,
    nik: f.nik,
    status: 'active',
    ticket_version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('participants').values(row).execute();
  return row;
}

/** Changes fields; a wave change re-issues the ticket (the old one is revoked). */
export async function updateParticipant(
  db: Db,
  current: ParticipantTable,
  f: Partial<ParticipantFields>,
  now = Date.now(),
): Promise<ParticipantTable> {
  const waveChanged = f.waveId !== undefined && f.waveId !== current.wave_id;
  const next: ParticipantTable = {
    ...current,
    wave_id: f.waveId ?? current.wave_id,
    name: f.name ?? current.name,
    business: f.business ?? current.business,
    phone: f.phone ?? current.phone,
    email: f.email === undefined ? current.email : f.email,
    nik: f.nik === undefined ? current.nik : f.nik,
    ticket_version: waveChanged ? current.ticket_version + 1 : current.ticket_version,
    updated_at: now,
  };
  await db
    .updateTable('participants')
    .set({
      wave_id: next.wave_id,
      name: next.name,
      business: next.business,
      phone: next.phone,
      email: next.email,
      nik: next.nik,
      ticket_version: next.ticket_version,
      updated_at: now,
    })
    .where('id', '=', current.id)
    .execute();
  if (waveChanged) await revoke(db, current, 'reissued', now);
  return next;
}

/** Cancels a participant: their current ticket goes on the revocation list. */
export async function cancelParticipant(db: Db, current: ParticipantTable, now = Date.now()) {
  if (current.status === 'cancelled') return current;
  await db
    .updateTable('participants')
    .set({ status: 'cancelled', updated_at: now })
    .where('id', '=', current.id)
    .execute();
  await revoke(db, current, 'cancelled', now);
  return { ...current, status: 'cancelled' as const, updated_at: now };
}

/** Issues a new ticket version; the old one is revoked. */
export async function reissueTicket(db: Db, current: ParticipantTable, now = Date.now()) {
  const version = current.ticket_version + 1;
  await db
    .updateTable('participants')
    .set({ ticket_version: version, updated_at: now })
    .where('id', '=', current.id)
    .execute();
  await revoke(db, current, 'reissued', now);
  return { ...current, ticket_version: version, updated_at: now };
}

/**
 * Brings a cancelled participant back with a new ticket version. The cancelled version stays
 * revoked (cancelParticipant revoked it), so an old ticket still shows "Tiket dicabut".
 */
export async function reactivateParticipant(db: Db, current: ParticipantTable, now = Date.now()) {
  if (current.status === 'active') return current;
  const version = current.ticket_version + 1;
  await db
    .updateTable('participants')
    .set({ status: 'active', ticket_version: version, updated_at: now })
    .where('id', '=', current.id)
    .execute();
  // The cancellation revoked this version already; kept idempotent for rows cancelled before it.
  await revoke(db, current, 'cancelled', now);
  return { ...current, status: 'active' as const, ticket_version: version, updated_at: now };
}

async function revoke(
  db: Db,
  p: ParticipantTable,
  reason: 'cancelled' | 'reissued',
  now: number,
): Promise<void> {
  await db
    .insertInto('revocations')
    .values({
      event_id: p.event_id,
      participant_id: p.id,
      ticket_version: p.ticket_version,
      reason,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['participant_id', 'ticket_version']).doNothing())
    .execute();
}

/** The event's revocation list: every (participant, ticket version) no longer valid. */
export async function listRevocations(db: Db, eventId: string) {
  return db
    .selectFrom('revocations')
    .select(['participant_id', 'ticket_version', 'reason', 'created_at'])
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .execute();
}

/** Every participant of an event, for import matching and exports. */
export async function allParticipants(db: Db, eventId: string, waveId?: string) {
  let q = db.selectFrom('participants').selectAll().where('event_id', '=', eventId);
  if (waveId) q = q.where('wave_id', '=', waveId);
  return q.orderBy('name').orderBy('id').execute();
}
