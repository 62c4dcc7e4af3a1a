// Erasing an event's personal data as one audited step, on demand (an admin) or on schedule
// (the server itself, on start and every hour: a single indexed read of the events table).
// Every process's fold of the event notices the new personal_data_erased_at and refolds
// (scans/fold-cache.ts), so no report keeps showing a walk-in's phone from memory.
import type { Logger } from '../http/log.js';
import { audit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import { erasePersonalData, eventsDueForErasure } from '../store/retention.js';

/** How often the schedule looks for events whose retention day has come. */
export const RETENTION_CHECK_MS = 3_600_000;

/** Erases one event's personal data and writes the audit line; the participants changed. */
export async function eraseEvent(
  store: Store,
  opts: { eventId: string; eventName: string; actorId: string | null; now?: number },
): Promise<number> {
  const now = opts.now ?? Date.now();
  const erased = await erasePersonalData(store.db, { ...opts, now });
  await audit(
    store.db,
    {
      actorId: opts.actorId,
      action: 'personal-data-erase',
      eventId: opts.eventId,
      details: { name: opts.eventName, participants: erased, scheduled: opts.actorId === null },
    },
    now,
  );
  return erased;
}

/** Erases every event whose retention day has begun and was not erased since; their ids. */
export async function eraseDueEvents(store: Store, now = Date.now()): Promise<string[]> {
  const due = await eventsDueForErasure(store.db, now);
  for (const eventId of due) {
    const event = await store.db
      .selectFrom('events')
      .select('name')
      .where('id', '=', eventId)
      .executeTakeFirst();
    if (event) await eraseEvent(store, { eventId, eventName: event.name, actorId: null, now });
  }
  return due;
}

/** Runs eraseDueEvents now and every RETENTION_CHECK_MS; returns a stop function. */
export function startRetentionSchedule(store: Store, log: Logger): () => void {
  let running: Promise<void> | null = null;
  const check = () => {
    // A slow erasure is never overlapped by the next tick.
    running ??= eraseDueEvents(store)
      .then((ids) => {
        if (ids.length) log('info', 'personal data erased on schedule', { events: ids });
      })
      .catch((err: unknown) => {
        log('error', 'scheduled erasure failed', { error: String(err) });
      })
      .finally(() => {
        running = null;
      });
  };
  check();
  const timer = setInterval(check, RETENTION_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
