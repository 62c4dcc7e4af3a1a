import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HadirDb } from './database';
import { saveManifest } from './manifest';
import { markRosterComplete, saveRosterChunk } from './roster';
import { recordScan, recordWalkIn } from './scans';
import { listSyncIssueScans, unsyncedExportEvents } from './sync-issues';
import { applyPushAnswers } from './sync-state';
import { device, freshDb, rosterEntry } from './test-helpers';

let db: HadirDb;
afterEach(() => db?.delete());

const checkIn = (participantId: string) => ({
  participantId,
  sessionId: 'S1',
  kind: 'check-in' as const,
  verdict: 'admitted' as const,
});

const REFUSED =
  'Sesi pindaian ini bukan milik gelombang yang diizinkan untuk perangkat ini / ' +
  'The scan’s session is not in a wave this device is allowed';

describe('scans the server refused', () => {
  it('stay on the tablet, are listed with whom and why, and go into the unsynced-scans export', async () => {
    db = freshDb('issues');
    await saveManifest(db, { device: device() });
    await saveRosterChunk(db, [rosterEntry(1)], 'P1');
    await markRosterComplete(db);
    const stored = await recordScan(db, checkIn('P0000001'));
    const refused = await recordWalkIn(db, {
      walkIn: { name: 'Tamu', business: '', phone: '0812' },
      sessionId: 'S9',
    });
    const conflict = await recordScan(db, checkIn('P0000002'));
    const waiting = await recordScan(db, checkIn('P0000003'));
    await applyPushAnswers(
      db,
      [
        { id: stored.id, status: 'stored' },
        { id: refused.id, status: 'rejected', code: 'session-not-allowed', message: REFUSED },
        { id: conflict.id, status: 'conflict', code: 'id-conflict', message: 'beda / differs' },
      ],
      1000,
    );
    expect(await db.scanEvents.get(refused.id)).toEqual(refused);
    const listed = await listSyncIssueScans(db);
    expect(listed.map((x) => [x.issue.code, x.person, x.event?.id])).toEqual([
      ['id-conflict', null, conflict.id],
      ['session-not-allowed', 'Tamu', refused.id],
    ]);
    expect(listed[1]!.issue.message).toBe(REFUSED);
    // The file carries what waits and what was refused, in recorded order; not what the server
    // holds (stored, or the conflict's copy it recorded).
    expect((await unsyncedExportEvents(db)).map((e) => e.id)).toEqual([refused.id, waiting.id]);
  });
});
