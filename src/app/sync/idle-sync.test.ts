// An idle sync round — nothing to push, nothing new to pull — writes nothing to the tablet:
// a door left on all day must not wear its storage or wake every live query once a minute.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncPullResult } from '../../shared/api/sync';
import type { HadirDb } from '../db';
import { getSyncStatus, saveManifest, startPullAt } from '../db';
import { device, freshDb, recordWrites } from '../db/test-helpers';
import { syncOnce } from './sync-once';

let db: HadirDb;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

function serveEmptyPulls(cursor: string) {
  const answer: SyncPullResult = {
    events: [],
    roster: [],
    revocations: [],
    cursor,
    more: false,
    serverTime: new Date().toISOString(),
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(answer), { status: 200 })),
  );
}

describe('an idle sync round', () => {
  it('writes nothing when there is nothing to push and the pull brings nothing new', async () => {
    db = freshDb('idle');
    await saveManifest(db, { device: device() });
    await startPullAt(db, 's1.r1');
    serveEmptyPulls('s1.r1');
    // The first round records that sync works; the ten after it have nothing to say.
    await syncOnce({ db });
    const status = await getSyncStatus(db);
    const log = await recordWrites(db);
    for (let i = 0; i < 10; i++) {
      const report = await syncOnce({ db });
      expect(report.error).toBeNull();
    }
    expect(log.touched).toEqual([]);
    expect(await getSyncStatus(db)).toEqual(status);
  });

  it('still writes the new cursor, and an error once it appears', async () => {
    db = freshDb('idle');
    await saveManifest(db, { device: device() });
    await startPullAt(db, 's1.r1');
    serveEmptyPulls('s2.r1');
    const log = await recordWrites(db);
    await syncOnce({ db });
    expect(log.touched).toContain('meta:pullCursor');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    await syncOnce({ db });
    expect((await getSyncStatus(db)).lastSyncError).not.toBeNull();
  });
});
