// The outbox: scan events the server has not acknowledged yet. Rows leave it only on the
// server's acknowledgement; the events themselves are never deleted.
import type { HadirDb } from './database';
import type { OutboxRow, ScanEvent } from './types';

/** How many scan events wait to be pushed ("everything synced" when 0). */
export async function unsyncedCount(db: HadirDb): Promise<number> {
  return db.outbox.count();
}

/** The longest-waiting outbox row (by device time), or null when all is synced. */
export async function oldestUnsynced(db: HadirDb): Promise<OutboxRow | null> {
  return (await db.outbox.orderBy('createdAt').first()) ?? null;
}

/** The next events to push, in the order they were recorded (ids are time-ordered). */
export async function outboxBatch(
  db: HadirDb,
  options: { limit?: number } = {},
): Promise<ScanEvent[]> {
  return db.transaction('r', db.outbox, db.scanEvents, async () => {
    const ids = await db.outbox
      .orderBy('eventId')
      .limit(options.limit ?? 100)
      .primaryKeys();
    const events = await db.scanEvents.bulkGet(ids);
    return events.filter((e): e is ScanEvent => e !== undefined);
  });
}

/** Drops the outbox rows of events the server acknowledged; replaying an ack is harmless. */
export async function ackOutbox(db: HadirDb, eventIds: readonly string[]): Promise<void> {
  await db.outbox.bulkDelete([...eventIds]);
}
