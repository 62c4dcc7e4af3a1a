// The queries behind the useLive* hooks re-run when what they read changes (Dexie liveQuery).
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { HadirDb } from './database';
import { saveManifest } from './manifest';
import { ackOutbox, unsyncedCount } from './outbox';
import { rosterCount, saveRosterChunk } from './roster';
import { recordScan } from './scans';
import { device, freshDb, rosterRange } from './test-helpers';

let db: HadirDb;
afterEach(() => db?.delete());

/** Subscribes, runs the steps, and returns every value the live query emitted. */
async function emitted<T>(
  query: () => Promise<T>,
  steps: (() => Promise<unknown>)[],
): Promise<T[]> {
  const values: T[] = [];
  let wake = () => {};
  const subscription = liveQuery(query).subscribe((value) => {
    values.push(value);
    wake();
  });
  const nextValue = (count: number) =>
    new Promise<void>((resolve) => {
      wake = () => values.length >= count && resolve();
      wake();
    });
  await nextValue(1);
  for (const [i, step] of steps.entries()) {
    await step();
    await nextValue(i + 2);
  }
  subscription.unsubscribe();
  return values;
}

describe('live queries', () => {
  it('the unsynced count follows scans and acks', async () => {
    db = freshDb('live');
    await saveManifest(db, { device: device() });
    let id = '';
    const values = await emitted(
      () => unsyncedCount(db),
      [
        async () => {
          id = (
            await recordScan(db, {
              participantId: 'P1',
              sessionId: 'S1',
              kind: 'check-in',
              verdict: 'admitted',
            })
          ).id;
        },
        () => ackOutbox(db, [id]),
      ],
    );
    expect(values).toEqual([0, 1, 0]);
  });

  it('the roster count follows saved chunks', async () => {
    db = freshDb('live');
    const values = await emitted(
      () => rosterCount(db),
      [
        () => saveRosterChunk(db, rosterRange(0, 5), '5'),
        () => saveRosterChunk(db, rosterRange(5, 8), '8'),
      ],
    );
    expect(values).toEqual([0, 5, 8]);
  });
});
