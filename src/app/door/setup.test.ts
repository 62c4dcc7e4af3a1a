import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DoorManifest, DoorParticipant, DoorRosterPage } from '../../shared/api/door';
import type { HadirDb } from '../db';
import { getDoorStatus, getRosterProgress, saveManifest } from '../db';
import { device, freshDb, rosterEntry } from '../db/test-helpers';
import { downloadRoster, pairTablet, refreshManifest } from './setup';
import { recordScan, unsyncedCount } from '../db';

let db: HadirDb;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

const ROSTER: DoorParticipant[] = Array.from({ length: 2500 }, (_, i) => ({
  ...rosterEntry(i),
  participantId: `P${String(i).padStart(6, '0')}`,
}));

function manifest(serverTime: string): DoorManifest {
  return {
    event: { id: 'EVT1', name: 'Pelatihan' },
    device: { id: 'DEV1', name: 'Tablet 1' },
    door: 'Pintu Utara',
    waves: [],
    publicKeys: [{ kid: 'K1', publicKey: 'AAAA' }],
    revocations: [{ participantId: 'P000007', ticketVersion: 1 }],
    rosterCount: ROSTER.length,
    serverTime,
  };
}

/** A door API in memory: id-ordered pages like the server's, failing the listed calls. */
function fakeServer(opts: { failCalls?: number[]; serverTime?: string } = {}) {
  const rosterCalls: URLSearchParams[] = [];
  let call = 0;
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'https://hadir.test');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer token-1');
    if (url.pathname === '/api/door/manifest') {
      return Response.json(manifest(opts.serverTime ?? new Date().toISOString()));
    }
    call += 1;
    rosterCalls.push(url.searchParams);
    if (opts.failCalls?.includes(call)) throw new TypeError('Failed to fetch');
    const after = url.searchParams.get('after');
    const limit = Number(url.searchParams.get('limit'));
    const start = after === null ? 0 : ROSTER.findIndex((p) => p.participantId === after) + 1;
    const participants = ROSTER.slice(start, start + limit);
    const page: DoorRosterPage = {
      participants,
      nextAfter: participants.length === limit ? participants[limit - 1]!.participantId : null,
    };
    return Response.json(page);
  });
  vi.stubGlobal('fetch', fetch);
  return { rosterCalls };
}

describe('roster download', () => {
  it('resumes after an interruption from the last page saved whole, then scans may start', async () => {
    db = freshDb('download');
    await saveManifest(db, { device: device() });
    const server = fakeServer({ failCalls: [2] });
    const seen: number[] = [];
    await expect(
      downloadRoster(db, {
        token: 'token-1',
        pageSize: 1000,
        onProgress: (p) => seen.push(p.saved),
      }),
    ).rejects.toMatchObject({ code: 'offline' });
    expect((await getRosterProgress(db)).saved).toBe(1000);
    expect((await getDoorStatus(db)).ready).toBe(false);

    const total = await downloadRoster(db, {
      token: 'token-1',
      pageSize: 1000,
      onProgress: (p) => seen.push(p.saved),
    });
    expect(total).toBe(2500);
    // The retry asked for what came after the saved page, never the first page again.
    expect(server.rosterCalls.map((q) => q.get('after'))).toEqual([
      null,
      'P000999',
      'P000999',
      'P001999',
    ]);
    expect(seen).toEqual([0, 1000, 1000, 2000, 2500]);
    const status = await getDoorStatus(db);
    expect(status).toMatchObject({
      ready: true,
      rosterSaved: 2500,
      rosterTotal: 2500,
      rosterComplete: true,
    });
  });

  it('keeps the revocations and keys and estimates the clock offset from the round trip', async () => {
    db = freshDb('manifest');
    await saveManifest(db, { device: device() });
    const ahead = new Date(Date.now() + 5 * 60 * 1000).toISOString();
    fakeServer({ serverTime: ahead });
    await refreshManifest(db, 'token-1');
    const status = await getDoorStatus(db);
    expect(status.serverMinusDeviceMs).toBeGreaterThan(4.9 * 60 * 1000);
    expect(status.serverMinusDeviceMs).toBeLessThan(5.1 * 60 * 1000);
    expect(await db.revocations.count()).toBe(1);
    expect(await db.keys.count()).toBe(1);
  });
});

describe('pairing again', () => {
  it('is refused while scans of the current pairing wait to be synced, before any request', async () => {
    db = freshDb('repair');
    await saveManifest(db, { device: device() });
    await recordScan(db, {
      participantId: 'P1',
      sessionId: 'S1',
      kind: 'check-in',
      verdict: 'admitted',
    });
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await expect(pairTablet(db, 'ABCD-EFGH')).rejects.toMatchObject({
      status: 409,
      code: 'unsynced-scans',
    });
    expect(fetch).not.toHaveBeenCalled();
    expect(await unsyncedCount(db)).toBe(1);
    expect((await getDoorStatus(db)).device?.deviceId).toBe('DEV1');
  });
});
