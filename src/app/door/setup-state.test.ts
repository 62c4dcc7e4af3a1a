// The door engine's setup stages over a real (fake-indexeddb) database and an in-memory door API:
// a new tablet walks pair → roster → volunteer → scan; a failed download says why and resumes; a
// revoked tablet and one whose data was evicted each land on their own screen.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  DoorManifest,
  DoorParticipant,
  DoorRosterPage,
  PairResult,
} from '../../shared/api/door';
import type { HadirDb } from '../db';
import { markRevoked, recordScan } from '../db';
import { freshDb, rosterEntry } from '../db/test-helpers';
import type { DoorEngine } from './door-engine';
import { createDoorEngine } from './door-engine';
import { PAIRED_MARKER } from './setup';

let db: HadirDb;
const stops: (() => void)[] = [];
afterEach(async () => {
  stops.splice(0).forEach((stop) => stop());
  vi.unstubAllGlobals();
  await db?.delete();
});

const ROSTER: DoorParticipant[] = Array.from({ length: 1500 }, (_, i) => rosterEntry(i));
const WAVE = {
  id: 'WAVE1',
  name: 'Gelombang 1',
  venue: 'Aula Blandongan',
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-08T16:00:00+07:00',
  sessions: [
    {
      id: 'S1',
      name: 'Hari 1',
      startsAt: '2026-12-08T08:00:00+07:00',
      endsAt: '2026-12-08T16:00:00+07:00',
    },
  ],
};

/** The door API in memory; roster pages fail while `down` is true. */
function fakeServer() {
  const state = { down: false };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'https://hadir.test');
      if (url.pathname === '/api/devices/pair') {
        const result: PairResult = {
          deviceId: 'DEV1',
          token: 'token-1',
          event: { id: 'EVT1', name: 'Pelatihan UMKM' },
          name: 'Tablet 1',
          door: 'Pintu Utara',
          waves: [WAVE] as unknown as PairResult['waves'],
          publicKeys: [{ kid: 'K1', publicKey: 'AAAA' }],
        };
        return Response.json(result);
      }
      if (url.pathname === '/api/door/manifest') {
        const manifest: DoorManifest = {
          event: { id: 'EVT1', name: 'Pelatihan UMKM' },
          device: { id: 'DEV1', name: 'Tablet 1' },
          door: 'Pintu Utara',
          waves: [WAVE] as unknown as DoorManifest['waves'],
          publicKeys: [{ kid: 'K1', publicKey: 'AAAA' }],
          revocations: [],
          rosterCount: ROSTER.length,
          serverTime: new Date().toISOString(),
        };
        return Response.json(manifest);
      }
      const after = url.searchParams.get('after');
      const limit = Number(url.searchParams.get('limit'));
      const start = after === null ? 0 : ROSTER.findIndex((p) => p.participantId === after) + 1;
      const participants = ROSTER.slice(start, start + limit);
      const page: DoorRosterPage = {
        participants,
        nextAfter: participants.length === limit ? participants[limit - 1]!.participantId : null,
      };
      // The first page lands; the next fails while the server is down.
      if (start > 0 && state.down) throw new TypeError('Failed to fetch');
      return Response.json(page);
    }),
  );
  return state;
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

async function engineOver(storage = memoryStorage()): Promise<DoorEngine> {
  const engine = createDoorEngine({ db, storage, afterScan: () => undefined });
  stops.push(engine.start());
  await vi.waitFor(() => expect(engine.stage.value).not.toBe('loading'));
  return engine;
}

describe('the door engine setup', () => {
  it('walks a new tablet from pairing to scanning', async () => {
    db = freshDb('setup-walk');
    const server = fakeServer();
    const door = await engineOver();
    expect(door.stage.value).toBe('pair');

    await door.pair('ABCD-EFGH');
    expect(door.stage.value).toBe('roster');
    expect(door.device.value?.door).toBe('Pintu Utara');

    server.down = true;
    expect(await door.downloadRoster()).toBeNull();
    expect(door.download.value.running).toBe(false);
    expect(door.download.value.error?.id).toMatch(/\S/);
    expect(door.stage.value).toBe('roster');
    expect(door.standing.value?.rosterSaved).toBe(1000);

    server.down = false;
    const seen: number[] = [];
    const unsubscribe = door.download.subscribe((d) => seen.push(d.saved));
    expect(await door.downloadRoster()).toBe(ROSTER.length);
    unsubscribe();
    // Resumed after the page already saved: the bar never goes back to zero.
    expect(Math.min(...seen)).toBe(1000);
    expect(seen.at(-1)).toBe(ROSTER.length);
    expect(door.download.value.error).toBeNull();
    expect(door.standing.value?.ready).toBe(true);
    expect(door.stage.value).toBe('volunteer');

    await door.setVolunteer('  Rina ');
    expect(door.device.value?.volunteer).toBe('Rina');
    expect(door.stage.value).toBe('scan');

    // Handing over the shift asks for the next volunteer's name again.
    await door.setVolunteer('');
    expect(door.stage.value).toBe('volunteer');
  });

  it('tells an evicted tablet from a new one, and forgets on request', async () => {
    db = freshDb('setup-evicted');
    const storage = memoryStorage();
    storage.setItem(PAIRED_MARKER, 'DEV1');
    const door = await engineOver(storage);
    expect(door.stage.value).toBe('evicted');
    door.forgetPairing();
    expect(door.stage.value).toBe('pair');
    expect(storage.getItem(PAIRED_MARKER)).toBeNull();
  });

  it('shows a revoked tablet as revoked and still hands over its unsynced scans', async () => {
    db = freshDb('setup-revoked');
    fakeServer();
    const door = await engineOver();
    await door.pair('ABCD-EFGH');
    await door.downloadRoster();
    await door.setVolunteer('Rina');
    await recordScan(db, {
      participantId: ROSTER[0]!.participantId,
      sessionId: 'S1',
      kind: 'check-in',
      verdict: 'admitted',
    });
    await markRevoked(db, Date.now());
    await door.reload();
    expect(door.stage.value).toBe('revoked');
    expect(door.health.value?.unsynced).toBe(1);
    const file = await door.unsyncedFile();
    expect(file?.deviceId).toBe('DEV1');
    expect(file?.events).toMatchObject([{ participantId: ROSTER[0]!.participantId }]);
  });
});
