// A paired tablet follows the organizer's edits: a pull whose manifest version differs from the
// saved one makes the sync round fetch the manifest and save it (a new session, a renamed door);
// an unchanged version, or an older server that sends none, costs no request and no write.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DoorManifest } from '../../shared/api/door';
import type { SyncPullResult } from '../../shared/api/sync';
import type { HadirDb } from '../db';
import { getDevice, getManifestVersion, getSessions, saveManifest } from '../db';
import { device, freshDb, recordWrites } from '../db/test-helpers';
import { followManifest } from './manifest-refresh';
import { syncOnce } from './sync-once';

let db: HadirDb;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

const WAVE = {
  id: 'WAVE1',
  eventId: 'EVT1',
  name: 'Gelombang 1',
  venue: 'Aula Blandongan, Puspemkot Tangsel',
  address: 'Jl. Maruga No. 1',
  mapUrl: null,
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-08T16:00:00+07:00',
  participantCount: 382,
};
const DAY_1 = {
  id: 'S1',
  waveId: 'WAVE1',
  name: 'Hari 1',
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-08T12:00:00+07:00',
};
const DAY_1_AFTERNOON = {
  id: 'S2',
  waveId: 'WAVE1',
  name: 'Hari 1 siang',
  startsAt: '2026-12-08T13:00:00+07:00',
  endsAt: '2026-12-08T16:00:00+07:00',
};
const KEY = { kid: 'K1', publicKey: 'cHVibGljLWtleQ' };

/** A tablet paired with one session, holding manifest version v1. */
async function paired(): Promise<HadirDb> {
  db = freshDb('manifest');
  await saveManifest(db, { device: device() });
  await saveManifest(db, {
    waves: [{ ...WAVE }],
    sessions: [DAY_1],
    keys: [KEY],
    revocations: [],
    version: 'v1',
  });
  return db;
}

/** What the server answers after the organizer added an afternoon session and renamed the door. */
const edited: DoorManifest = {
  event: { id: 'EVT1', name: 'Pelatihan dan Sertifikasi UMKM 2026' },
  device: { id: 'DEV1', name: 'Tablet 1' },
  door: 'Pintu Selatan',
  waves: [{ ...WAVE, sessions: [DAY_1, DAY_1_AFTERNOON] }],
  publicKeys: [KEY],
  revocations: [{ participantId: 'P9', ticketVersion: 1 }],
  rosterCount: 382,
  serverTime: new Date().toISOString(),
  syncCursor: '0.0',
  version: 'v2',
};

/** A server whose pulls carry `version` (none: an older server); records the paths asked. */
function server(version: string | undefined): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'https://hadir.test').pathname;
      asked.push(path);
      if (path === '/api/door/manifest') return Response.json(edited);
      const page: SyncPullResult = {
        events: [],
        roster: [],
        revocations: [],
        cursor: '3.4',
        more: false,
        serverTime: new Date().toISOString(),
      };
      if (version !== undefined) page.manifestVersion = version;
      return Response.json(page);
    }),
  );
  return asked;
}

const MANIFEST_WRITES = [
  'device',
  'waves',
  'sessions',
  'keys',
  'revocations',
  'meta:manifestVersion',
];

describe('following the manifest', () => {
  it('fetches and saves a changed manifest: the new session appears, the door is renamed', async () => {
    await paired();
    const asked = server('v2');
    const log = await recordWrites(db);
    const report = await syncOnce({ db });
    expect(report.error).toBeNull();
    expect(report.manifest).toBe(true);
    expect(asked).toEqual(['/api/sync/pull', '/api/door/manifest']);
    // Everything the manifest replaces, in one transaction.
    expect(log.touched).toEqual(expect.arrayContaining(MANIFEST_WRITES));
    expect(new Set(MANIFEST_WRITES.map((w) => log.transactions.get(w))).size).toBe(1);
    expect((await getSessions(db, 'WAVE1')).map((s) => s.id)).toEqual(['S1', 'S2']);
    expect(await getManifestVersion(db)).toBe('v2');
    const standing = await getDevice(db);
    expect(standing).toMatchObject({ door: 'Pintu Selatan', token: 'token-1', volunteer: 'Rina' });
    expect(await db.revocations.count()).toBe(1);
    // The manifest's cursor is for a fresh roster: the pull's own cursor stays.
    expect((await db.meta.get('pullCursor'))?.value).toBe('3.4');
  });

  it('asks nothing and writes nothing of the manifest when the version is unchanged', async () => {
    await paired();
    const asked = server('v1');
    const log = await recordWrites(db);
    const report = await syncOnce({ db });
    expect(report.error).toBeNull();
    expect(report.manifest).toBe(false);
    expect(asked).toEqual(['/api/sync/pull']);
    expect(log.touched.length).toBeGreaterThan(0); // the round's own bookkeeping is seen
    expect(log.touched.filter((w) => MANIFEST_WRITES.includes(w))).toEqual([]);
    expect((await getSessions(db)).map((s) => s.id)).toEqual(['S1']);

    // followManifest alone, unchanged: not one IndexedDB write.
    log.touched.length = 0;
    expect(await followManifest({ db, token: 'token-1', version: 'v1' })).toBe(false);
    expect(log.touched).toEqual([]);
    expect(asked).toEqual(['/api/sync/pull']);
  });

  it('takes an older server’s pull without a version as "no change"', async () => {
    await paired();
    const asked = server(undefined);
    const report = await syncOnce({ db });
    expect(report.error).toBeNull();
    expect(report.manifest).toBe(false);
    expect(asked).toEqual(['/api/sync/pull']);
  });

  it('fetches once after a new pairing, whose old version no longer counts', async () => {
    await paired();
    await saveManifest(db, { device: device({ deviceId: 'DEV2' }) });
    expect(await getManifestVersion(db)).toBeNull();
    const asked = server('v1');
    await syncOnce({ db });
    expect(asked).toEqual(['/api/sync/pull', '/api/door/manifest']);
    expect(await getManifestVersion(db)).toBe('v2'); // the manifest's own version is saved
  });
});
