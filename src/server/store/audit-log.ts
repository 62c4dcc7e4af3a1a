// The audit log: who did what, when, in which event. Written by the server after an action
// succeeds; admins read it. Other modules call `audit()`; only this file touches the table.
import type { Kysely, Transaction } from 'kysely';
import { ERASED_NAME } from '../../shared/api/retention.js';
import type { AuditAction, AuditEntry } from '../../shared/api/team.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditInput {
  /** The organizer who acted (c.get('organizer').id), or null. */
  actorId: string | null;
  action: AuditAction;
  eventId?: string | null;
  /** Names, counts, roles: what a reader needs to understand the line. Kept as JSON. */
  details?: Record<string, unknown>;
}

/** Appends one line to the audit log; pass a transaction to commit it with the action. */
export async function audit(db: Db, entry: AuditInput, now = Date.now()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now,
      actor_id: entry.actorId,
      action: entry.action,
      event_id: entry.eventId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/**
 * Erasure of an event's personal data reaches its audit lines too: a line about a participant
 * (details.participantId) loses the name unless `keep` holds that participant (a certificate
 * holder keeps it everywhere). What was done, by whom and when stays. Idempotent.
 */
export async function eraseAuditNames(db: Db, eventId: string, keep: Set<string>): Promise<void> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'details'])
    .where('event_id', '=', eventId)
    .where('details', 'like', '%"participantId"%')
    .execute();
  for (const row of rows) {
    const details = JSON.parse(row.details) as Record<string, unknown>;
    const id = details.participantId;
    if (typeof id !== 'string' || keep.has(id) || !('name' in details)) continue;
    if (details.name === ERASED_NAME) continue;
    await db
      .updateTable('audit_log')
      .set({ details: JSON.stringify({ ...details, name: ERASED_NAME }) })
      .where('id', '=', row.id)
      .execute();
  }
}

/** The newest entries first, `limit` of them, older than `before` (an id) when given. */
export async function listAuditLog(
  db: Db,
  opts: { limit: number; before?: number | undefined },
): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('organizers as o', 'o.id', 'a.actor_id')
    .leftJoin('events as e', 'e.id', 'a.event_id')
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.event_id',
      'a.details',
      'o.username as actor',
      'e.name as event_name',
    ])
    .orderBy('a.id', 'desc')
    .limit(opts.limit);
  if (opts.before !== undefined) q = q.where('a.id', '<', opts.before);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(Number(r.at)).toISOString(),
    actor: r.actor ?? null,
    action: r.action as AuditAction,
    eventId: r.event_id,
    eventName: r.event_name ?? null,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}

/** Who made a pairing code: a tablet pairs itself, on behalf of that organizer. */
export async function pairingCodeCreator(db: Db, codeHash: string): Promise<string | null> {
  const row = await db
    .selectFrom('pairing_codes')
    .select('created_by')
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  return row?.created_by ?? null;
}
