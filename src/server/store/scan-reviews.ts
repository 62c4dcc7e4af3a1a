// What a push leaves for the organizer to review: differing copies of a known id (conflicts) and
// events the server refused (rejections), each kept once per id and body, never dropped.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { RejectedScan, StoreBatch } from './scans.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const hash = (body: string) => createHash('sha256').update(body).digest('base64url');

/** Keeps differing copies of known ids, once per body. */
export async function recordConflicts(
  tx: Db,
  batch: StoreBatch,
  copies: { id: string; body: string }[],
) {
  await tx
    .insertInto('scan_conflicts')
    .values(
      copies.map((c) => ({
        scan_id: c.id,
        body_hash: hash(c.body),
        event_id: batch.eventId,
        device_id: batch.deviceId,
        body: c.body,
        received_at: batch.receivedAt,
        server_minus_device_ms: batch.serverMinusDeviceMs,
      })),
    )
    .onConflict((oc) => oc.columns(['scan_id', 'body_hash']).doNothing())
    .execute();
}

/** Keeps refused events with their code and message, once per id and body. */
export async function recordRejections(tx: Db, batch: StoreBatch, rejected: RejectedScan[]) {
  await tx
    .insertInto('scan_rejections')
    .values(
      rejected.map((r) => ({
        scan_id: r.result.id,
        body_hash: hash(r.body),
        event_id: batch.eventId,
        device_id: batch.deviceId,
        code: r.result.code ?? 'rejected',
        message: r.result.message ?? '',
        body: r.body,
        received_at: batch.receivedAt,
      })),
    )
    .onConflict((oc) => oc.columns(['scan_id', 'body_hash']).doNothing())
    .execute();
}

/** The differing copies of ids received for an event, oldest first, with the stored copy. */
export async function listIdConflicts(db: Db, eventId: string) {
  return db
    .selectFrom('scan_conflicts as c')
    .leftJoin('scan_events as s', 's.id', 'c.scan_id')
    .select([
      'c.scan_id',
      'c.device_id',
      'c.body',
      'c.received_at',
      'c.server_minus_device_ms',
      's.body as stored_body',
      's.received_at as stored_received_at',
      's.server_minus_device_ms as stored_offset',
    ])
    .where('c.event_id', '=', eventId)
    .orderBy('c.received_at')
    .orderBy('c.scan_id')
    .execute();
}

/** The refused events of an event, oldest first. */
export async function listRejections(db: Db, eventId: string) {
  return db
    .selectFrom('scan_rejections')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('received_at')
    .orderBy('scan_id')
    .execute();
}
