import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HadirDb } from './database';
import { getDoorStatus } from './door-status';
import { saveManifest } from './manifest';
import { markRosterComplete, saveRosterChunk } from './roster';
import { recordScan } from './scans';
import { attendanceFor } from './scans';
import { searchRoster } from './search';
import { outboxBatch, unsyncedCount } from './outbox';
import {
  applyPushAnswers,
  getPullCursor,
  getSyncStatus,
  listSyncIssues,
  markRevoked,
  savePulledPage,
} from './sync-state';
import { device, freshDb, rosterEntry } from './test-helpers';

let db: HadirDb;
afterEach(() => db?.delete());

async function paired(): Promise<HadirDb> {
  db = freshDb('sync');
  await saveManifest(db, { device: device(), keys: [{ kid: 'K', publicKey: 'AAAA' }] });
  await saveRosterChunk(db, [rosterEntry(0)], 'P0');
  await markRosterComplete(db);
  return db;
}

const draft = (participantId: string) => ({
  participantId,
  sessionId: 'S1',
  kind: 'check-in' as const,
  verdict: 'admitted' as const,
});

describe('sync state on the tablet', () => {
  it('drops acknowledged events from the outbox and keeps conflicts and rejections for review', async () => {
    await paired();
    const a = await recordScan(db, draft('P1'));
    const b = await recordScan(db, draft('P2'));
    const c = await recordScan(db, draft('P3'));
    const d = await recordScan(db, draft('P4'));
    await applyPushAnswers(
      db,
      [
        { id: a.id, status: 'stored' },
        { id: b.id, status: 'duplicate' },
        { id: c.id, status: 'conflict', code: 'id-conflict', message: 'beda isi' },
      ],
      1000,
    );
    expect((await outboxBatch(db)).map((e) => e.id)).toEqual([d.id]);
    expect(await listSyncIssues(db)).toEqual([
      { eventId: c.id, status: 'conflict', code: 'id-conflict', message: 'beda isi', at: 1000 },
    ]);
    // Replaying the same answers changes nothing.
    await applyPushAnswers(db, [{ id: a.id, status: 'stored' }], 2000);
    expect(await unsyncedCount(db)).toBe(1);
    expect((await getSyncStatus(db)).issues).toBe(1);
  });

  it('adds pulled events once, keeps a local copy, applies roster changes and moves the cursor', async () => {
    await paired();
    const mine = await recordScan(db, draft('P1'));
    const other = {
      ...mine,
      id: '01ZZOTHERDOOR0000000000000',
      deviceId: 'DEV2',
      door: 'Pintu Timur',
      receivedAt: 5,
    };
    const fresh = await savePulledPage(db, {
      events: [{ ...mine, receivedAt: 9 }, other],
      roster: [{ ...rosterEntry(1), name: 'Nur Baru' }],
      revocations: [{ participantId: 'P9', ticketVersion: 1 }],
      cursor: '42',
    });
    expect(fresh).toBe(1);
    expect(await getPullCursor(db)).toBe('42');
    expect((await attendanceFor(db, 'P1', 'S1')).map((e) => e.door)).toEqual([
      'Pintu Utara',
      'Pintu Timur',
    ]);
    expect((await db.scanEvents.get(mine.id))?.receivedAt).toBeUndefined();
    expect((await searchRoster(db, 'nur baru')).map((e) => e.name)).toEqual(['Nur Baru']);
    // Pulled events are other doors' and are never pushed back.
    expect(await unsyncedCount(db)).toBe(1);
  });

  it('on revocation wipes the roster and keys but keeps every scan and the outbox', async () => {
    await paired();
    await recordScan(db, draft('P1'));
    await markRevoked(db, 1234);
    const status = await getDoorStatus(db);
    expect(status).toMatchObject({ ready: false, rosterSaved: 0 });
    expect(await unsyncedCount(db)).toBe(1);
    expect((await getSyncStatus(db)).revokedAt).toBe(1234);
    await saveManifest(db, { device: device({ deviceId: 'DEV9' }) });
    expect((await getSyncStatus(db)).revokedAt).toBeNull();
  });
});
