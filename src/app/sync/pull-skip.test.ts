// Which sync rounds pull. With the live stream up (it has said `ready`), a round asked for only by
// the tablet's own scan pushes and does not pull: the stream carries other doors' scans. A poke,
// a delivery that leaves a gap, the fallback poll, a failed round, a stream that is down or has
// just come up again: those rounds pull. Through the real engine, and through syncOnce over a
// real (fake-indexeddb) door database with the server's answers stubbed.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DoorManifest } from '../../shared/api/door';
import type { SyncPullResult, SyncPushResult } from '../../shared/api/sync';
import type { ScanEvent } from '../../shared/door/types';
import { ApiFailure } from '../lib/api';
import type { HadirDb } from '../db';
import { getManifestVersion, recordScan, saveManifest, startPullAt } from '../db';
import { device, freshDb } from '../db/test-helpers';
import { createSyncEngine } from './sync-engine';
import type { SyncReport } from './sync-once';
import { emptySyncReport, syncOnce } from './sync-once';

const ok = (): SyncReport => emptySyncReport();

/** An engine whose rounds record whether they pulled. */
function engineRecording(result: () => SyncReport = ok) {
  const pulls: boolean[] = [];
  const engine = createSyncEngine({
    round: async ({ pull }) => {
      pulls.push(pull);
      return result();
    },
    baseBackoffMs: 1,
    maxBackoffMs: 1,
    random: () => 0.5,
  });
  return { engine, pulls };
}

describe('the engine’s choice to pull', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('pushes only for the tablet’s own scans while the stream is up', async () => {
    const { engine, pulls } = engineRecording();
    await engine.request(); // app start
    engine.setLive(true); // back up after a round: pulls what it may have missed
    await vi.waitFor(() => expect(pulls).toHaveLength(2));
    await engine.request('own-scan');
    await engine.request('own-scan');
    expect(pulls).toEqual([true, true, false, false]);
  });

  it('pulls for the tablet’s own scans while the stream is down', async () => {
    const { engine, pulls } = engineRecording();
    await engine.request();
    await engine.request('own-scan');
    engine.setLive(true);
    await vi.waitFor(() => expect(pulls).toHaveLength(3));
    engine.setLive(false); // the stream dropped
    await engine.request('own-scan');
    expect(pulls).toEqual([true, true, true, true]);
  });

  it('pulls on a poke or a gap in the stream, also when a scan’s round takes it along', async () => {
    const { engine, pulls } = engineRecording();
    engine.setLive(true); // before any round: the app-start round pulls anyway
    await engine.request();
    expect(pulls).toEqual([true]);
    await engine.request('pull'); // a poke (or a delivery that left a gap)
    await engine.request('own-scan');
    // A poke while a push-only round runs: the round after it pulls.
    const running = engine.request('own-scan');
    const poked = engine.request('pull');
    const scanned = engine.request('own-scan');
    await Promise.all([running, poked, scanned]);
    expect(pulls).toEqual([true, true, false, false, true]);
  });

  it('pulls in the round after a failed one', async () => {
    const results = [ok(), { ...ok(), error: new ApiFailure(0, 'offline', { id: 'x', en: 'x' }) }];
    const { engine, pulls } = engineRecording(() => results.shift() ?? ok());
    engine.setLive(true);
    await engine.request();
    await engine.request('own-scan'); // fails: its retry pulls
    await vi.waitFor(() => expect(pulls).toHaveLength(3));
    expect(pulls).toEqual([true, false, true]);
  });

  it('keeps the fallback poll once a minute from the last pull, however often the door scans', async () => {
    vi.useFakeTimers();
    const events = { addEventListener: () => undefined, removeEventListener: () => undefined };
    vi.stubGlobal('window', events);
    vi.stubGlobal('document', { ...events, visibilityState: 'visible' });
    vi.stubGlobal('navigator', { onLine: true });
    const { engine, pulls } = engineRecording();
    engine.setLive(true);
    const stop = engine.start();
    // A scan every 4 s for five minutes: each pushes only, and the poll still pulls each minute.
    for (let s = 0; s < 75; s++) {
      void engine.request('own-scan');
      await vi.advanceTimersByTimeAsync(4000);
    }
    stop();
    const pulled = pulls.filter(Boolean).length;
    expect(pulls.length - pulled).toBeGreaterThanOrEqual(70);
    // The app-start round, then one poll per minute (a tick every 3 s): five or six, seven at most.
    expect(pulled).toBeGreaterThanOrEqual(5);
    expect(pulled).toBeLessThanOrEqual(7);
  });
});

let db: HadirDb;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

const MANIFEST: DoorManifest = {
  event: { id: 'EVT1', name: 'Pelatihan UMKM' },
  device: { id: 'DEV1', name: 'Tablet 1' },
  door: 'Pintu Selatan',
  waves: [],
  publicKeys: [],
  revocations: [],
  rosterCount: 0,
  serverTime: new Date().toISOString(),
  syncCursor: '0.0',
  version: 'v2',
};

/**
 * A server whose push answers carry `pushVersion` (and fail when `pushFails`); records the paths
 * asked.
 */
function server(opts: { pushVersion?: string; pushFails?: boolean }): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'https://hadir.test').pathname;
      asked.push(path);
      if (path === '/api/door/manifest') return Response.json(MANIFEST);
      if (path === '/api/sync/push') {
        if (opts.pushFails) return new Response('busy', { status: 503 });
        const body = JSON.parse(String(init?.body)) as { events: ScanEvent[] };
        const now = new Date().toISOString();
        const answer: SyncPushResult = {
          results: body.events.map((e) => ({ id: e.id, status: 'stored', httpStatus: 201 })),
          receivedAt: now,
          serverTime: now,
          serverMinusDeviceMs: null,
        };
        if (opts.pushVersion !== undefined) answer.manifestVersion = opts.pushVersion;
        return Response.json(answer);
      }
      const page: SyncPullResult = {
        events: [],
        roster: [],
        revocations: [],
        cursor: '5.1',
        more: false,
        serverTime: new Date().toISOString(),
        manifestVersion: 'v1',
      };
      return Response.json(page);
    }),
  );
  return asked;
}

/** A paired door at manifest version v1 holding one scan of its own to push. */
async function doorWithScan(): Promise<HadirDb> {
  db = freshDb('pull-skip');
  await saveManifest(db, { device: device() });
  await saveManifest(db, { waves: [], sessions: [], keys: [], revocations: [], version: 'v1' });
  await startPullAt(db, '4.1');
  await recordScan(db, {
    participantId: 'P1',
    sessionId: 'S1',
    kind: 'check-in',
    verdict: 'admitted',
  });
  return db;
}

describe('a push-only round', () => {
  it('pushes without pulling, and the cursor stays where the stream left it', async () => {
    await doorWithScan();
    const asked = server({ pushVersion: 'v1' });
    const report = await syncOnce({ db, pull: false });
    expect(report).toMatchObject({ error: null, pushed: 1, pulled: 0, manifest: false });
    expect(asked).toEqual(['/api/sync/push']);
    expect((await db.meta.get('pullCursor'))?.value).toBe('4.1');
  });

  it('follows a changed manifest version from the push answer', async () => {
    await doorWithScan();
    const asked = server({ pushVersion: 'v2' });
    const report = await syncOnce({ db, pull: false });
    expect(report).toMatchObject({ error: null, pushed: 1, manifest: true });
    expect(asked).toEqual(['/api/sync/push', '/api/door/manifest']);
    expect(await getManifestVersion(db)).toBe('v2');
  });

  it('pulls all the same when its push fails', async () => {
    await doorWithScan();
    const asked = server({ pushFails: true });
    const report = await syncOnce({ db, pull: false });
    expect(report.error).not.toBeNull();
    expect(asked).toEqual(['/api/sync/push', '/api/sync/pull']);
    expect((await db.meta.get('pullCursor'))?.value).toBe('5.1');
  });

  it('is a full round by default: push, then pull', async () => {
    await doorWithScan();
    const asked = server({ pushVersion: 'v1' });
    const report = await syncOnce({ db });
    expect(report.error).toBeNull();
    expect(asked).toEqual(['/api/sync/push', '/api/sync/pull']);
  });
});
