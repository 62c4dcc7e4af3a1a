// The tablet's report of itself rides on its sync requests: on the push (before sending) and on
// the first pull of the round (what is left after the push).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_VERSION } from '../../shared/app-version';
import type { DeviceReport } from '../../shared/api/device-report';
import type { SyncPullResult, SyncPushResult } from '../../shared/api/sync';
import type { ScanEvent } from '../../shared/door/types';
import type { HadirDb } from '../db';
import { recordScan, saveManifest, setServerMinusDevice } from '../db';
import { setMeta } from '../db/meta';
import { device, freshDb } from '../db/test-helpers';
import { gatherDeviceReport } from './device-report';
import { syncOnce } from './sync-once';

let db: HadirDb;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

const BASE = Date.UTC(2026, 11, 8, 1, 0, 0);

describe('device report', () => {
  it('counts waiting scans, the oldest one, and says how the tablet stands', async () => {
    db = freshDb('report');
    await saveManifest(db, { device: device() });
    await setServerMinusDevice(db, 185_000);
    await setMeta(db, 'persistence', { persisted: true, supported: true });
    for (const [i, t] of [BASE + 5000, BASE, BASE + 9000].entries()) {
      await recordScan(db, {
        participantId: `P${i}`,
        sessionId: 'S1',
        kind: 'check-in',
        verdict: 'admitted',
        deviceTime: t,
      });
    }
    expect(await gatherDeviceReport(db)).toMatchObject({
      unsynced: 3,
      oldestUnsyncedAt: BASE,
      appVersion: APP_VERSION,
      serverMinusDeviceMs: 185_000,
      storagePersisted: true,
    });
  });

  it('sends it with the push and, after the push, with the pull', async () => {
    db = freshDb('report-sync');
    await saveManifest(db, { device: device() });
    await recordScan(db, {
      participantId: 'P1',
      sessionId: 'S1',
      kind: 'check-in',
      verdict: 'admitted',
    });
    const sent: { push?: DeviceReport; pull?: DeviceReport } = {};
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(String(input), 'https://hadir.test');
        if (url.pathname === '/api/sync/push') {
          const body = JSON.parse(String(init?.body)) as {
            events: ScanEvent[];
            report: DeviceReport;
          };
          sent.push = body.report;
          const answer: SyncPushResult = {
            results: body.events.map((e) => ({ id: e.id, status: 'stored', httpStatus: 201 })),
            receivedAt: new Date().toISOString(),
            serverTime: new Date().toISOString(),
            serverMinusDeviceMs: 0,
          };
          return Response.json(answer);
        }
        const report = url.searchParams.get('report');
        if (report) sent.pull = JSON.parse(report) as DeviceReport;
        const page: SyncPullResult = {
          events: [],
          roster: [],
          revocations: [],
          cursor: '1.0',
          more: false,
          serverTime: new Date().toISOString(),
        };
        return Response.json(page);
      }),
    );
    expect((await syncOnce({ db })).error).toBeNull();
    expect(sent.push?.unsynced).toBe(1);
    expect(sent.pull).toMatchObject({
      unsynced: 0,
      oldestUnsyncedAt: null,
      appVersion: APP_VERSION,
    });
  });

  it('still pulls and reports what it holds when only the push fails (a weak link)', async () => {
    db = freshDb('report-weak');
    await saveManifest(db, { device: device() });
    for (const p of ['P1', 'P2']) {
      await recordScan(db, {
        participantId: p,
        sessionId: 'S1',
        kind: 'check-in',
        verdict: 'admitted',
      });
    }
    let pulledReport: DeviceReport | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input), 'https://hadir.test');
        if (url.pathname === '/api/sync/push') throw new TypeError('Failed to fetch');
        const report = url.searchParams.get('report');
        if (report) pulledReport = JSON.parse(report) as DeviceReport;
        const page: SyncPullResult = {
          events: [],
          roster: [],
          revocations: [],
          cursor: '1.0',
          more: false,
          serverTime: new Date().toISOString(),
        };
        return Response.json(page);
      }),
    );
    const round = await syncOnce({ db });
    // The round still failed (the scans wait), but the console heard how many.
    expect(round.error).not.toBeNull();
    expect(round.pushed).toBe(0);
    expect(pulledReport?.unsynced).toBe(2);
  });
});
