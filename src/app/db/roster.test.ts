import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HadirDb } from './database';
import type { RosterEntry } from './types';
import {
  getRevokedVersion,
  getSessions,
  getKeys,
  getDevice,
  getWave,
  isRevoked,
  saveManifest,
  setVolunteer,
} from './manifest';
import {
  getRosterCursor,
  getRosterEntry,
  getRosterProgress,
  markRosterComplete,
  rosterCount,
  saveRosterChunk,
  wipeRoster,
} from './roster';
import { recordScan } from './scans';
import { unsyncedCount } from './outbox';
import { device, freshDb, rosterEntry, rosterRange } from './test-helpers';

let db: HadirDb;
afterEach(() => db?.delete());

const CHUNK = 250;
const TOTAL = 1000;

/** A download loop like the sync module's: resumes from the saved cursor, chunk by chunk. */
async function download(
  target: HadirDb,
  fetchChunk: (from: number) => RosterEntry[],
): Promise<number> {
  let chunks = 0;
  let from = Number((await getRosterCursor(target)) ?? '0');
  while (from < TOTAL) {
    const entries = fetchChunk(from);
    from += CHUNK;
    await saveRosterChunk(target, entries, String(from));
    chunks += 1;
  }
  await markRosterComplete(target);
  return chunks;
}

describe('roster download', () => {
  it('saves chunks with their cursor and reports progress', async () => {
    db = freshDb();
    await saveManifest(db, { rosterTotal: TOTAL });
    expect(await getRosterProgress(db)).toEqual({
      saved: 0,
      total: TOTAL,
      complete: false,
      cursor: null,
    });
    expect(await download(db, (from) => rosterRange(from, from + CHUNK))).toBe(4);
    expect(await getRosterProgress(db)).toEqual({
      saved: TOTAL,
      total: TOTAL,
      complete: true,
      cursor: String(TOTAL),
    });
    expect(await getRosterEntry(db, 'P0000007')).toEqual(rosterEntry(7));
    expect(await getRosterEntry(db, 'nobody')).toBeNull();
  });

  it('a chunk that fails mid-way keeps none of it; the download resumes after the last whole chunk', async () => {
    db = freshDb();
    // The third chunk carries a row IndexedDB refuses (no primary key) after 100 good rows.
    const broken = (from: number): RosterEntry[] => {
      const entries = rosterRange(from, from + CHUNK);
      if (from === 2 * CHUNK) {
        entries.splice(100, 0, {
          ...rosterEntry(0),
          participantId: undefined as unknown as string,
        });
      }
      return entries;
    };
    await expect(download(db, broken)).rejects.toThrow();
    expect(await rosterCount(db)).toBe(2 * CHUNK);
    expect(await getRosterCursor(db)).toBe(String(2 * CHUNK));
    expect(await getRosterEntry(db, `P${String(2 * CHUNK).padStart(7, '0')}`)).toBeNull();
    expect((await getRosterProgress(db)).complete).toBe(false);

    // Resume: only the two missing chunks are fetched again.
    const fetched: number[] = [];
    const chunks = await download(db, (from) => {
      fetched.push(from);
      return rosterRange(from, from + CHUNK);
    });
    expect(chunks).toBe(2);
    expect(fetched).toEqual([2 * CHUNK, 3 * CHUNK]);
    expect(await rosterCount(db)).toBe(TOTAL);
    expect((await getRosterProgress(db)).complete).toBe(true);
  });

  it('a chunk whose cursor write fails after its rows were written keeps none of its rows', async () => {
    db = freshDb();
    // Fail the meta write of the second chunk's cursor: its 250 roster rows are already put.
    db.use({
      stack: 'dbcore',
      name: 'fail-cursor',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) => {
              const value: unknown = req.type === 'put' ? req.values[0] : undefined;
              if (name === 'meta' && (value as { value?: unknown })?.value === String(2 * CHUNK)) {
                return Promise.reject(new Error('simulated crash'));
              }
              return table.mutate(req);
            },
          };
        },
      }),
    });
    await expect(download(db, (from) => rosterRange(from, from + CHUNK))).rejects.toThrow(
      'simulated crash',
    );
    expect(await rosterCount(db)).toBe(CHUNK);
    expect(await getRosterCursor(db)).toBe(String(CHUNK));
  });

  it('survives closing and reopening the database (a reload)', async () => {
    db = freshDb();
    await saveRosterChunk(db, rosterRange(0, 10), '10');
    const name = db.name;
    db.close();
    const { HadirDb: Db } = await import('./database');
    db = new Db(name);
    expect(await rosterCount(db)).toBe(10);
    expect(await getRosterCursor(db)).toBe('10');
  });

  it('a re-sent entry replaces the old one (status and version changes)', async () => {
    db = freshDb();
    await saveRosterChunk(db, [rosterEntry(1)], 'a');
    await saveRosterChunk(db, [{ ...rosterEntry(1), status: 'cancelled', ticketVersion: 2 }], 'b');
    expect(await rosterCount(db)).toBe(1);
    expect(await getRosterEntry(db, 'P0000001')).toMatchObject({
      status: 'cancelled',
      ticketVersion: 2,
    });
  });
});

describe('manifest', () => {
  it('stores device, sessions, keys and revocations; replaces them on the next manifest', async () => {
    db = freshDb();
    await saveManifest(db, {
      device: device(),
      waves: [
        {
          id: 'WAVE1',
          name: 'Gelombang 1',
          venue: 'Aula Blandongan',
          address: 'Puspemkot Tangsel',
          startsAt: '2026-12-08T08:00:00+07:00',
          endsAt: '2026-12-08T16:00:00+07:00',
        },
      ],
      sessions: [
        {
          id: 'S2',
          waveId: 'WAVE1',
          name: 'Siang',
          startsAt: '2026-12-08T13:00:00+07:00',
          endsAt: '2026-12-08T16:00:00+07:00',
        },
        {
          id: 'S1',
          waveId: 'WAVE1',
          name: 'Pagi',
          startsAt: '2026-12-08T08:00:00+07:00',
          endsAt: '2026-12-08T12:00:00+07:00',
        },
        {
          id: 'S3',
          waveId: 'WAVE2',
          name: 'Pagi',
          startsAt: '2026-12-09T08:00:00+07:00',
          endsAt: '2026-12-09T12:00:00+07:00',
        },
      ],
      keys: [{ kid: 'KID1', publicKey: 'pk1' }],
      revocations: [
        { participantId: 'P0000001', ticketVersion: 1 },
        { participantId: 'P0000001', ticketVersion: 2 },
        { participantId: 'P0000002', ticketVersion: 1 },
      ],
    });
    expect((await getSessions(db, 'WAVE1')).map((s) => s.id)).toEqual(['S1', 'S2']);
    expect(await getRevokedVersion(db, 'P0000001')).toBe(2);
    expect(await getRevokedVersion(db, 'P0000003')).toBeNull();
    expect(await isRevoked(db, 'P0000002', 1)).toBe(true);
    expect(await isRevoked(db, 'P0000002', 2)).toBe(false);
    expect(await isRevoked(db, 'P0000001', 1)).toBe(true); // every version up to the highest
    expect(await isRevoked(db, 'P0000001', 3)).toBe(false);
    expect((await getWave(db, 'WAVE1'))?.venue).toBe('Aula Blandongan');
    expect(await getWave(db, 'WAVE9')).toBeNull();

    await setVolunteer(db, 'Dimas');
    expect((await getDevice(db))?.volunteer).toBe('Dimas');

    await saveManifest(db, { keys: [{ kid: 'KID2', publicKey: 'pk2' }], revocations: [] });
    expect(await getKeys(db)).toEqual([{ kid: 'KID2', publicKey: 'pk2' }]);
    expect(await getRevokedVersion(db, 'P0000001')).toBeNull();
    expect((await getSessions(db)).length).toBe(3); // parts not in the manifest stay
  });
});

describe('wipeRoster', () => {
  it('forgets roster, keys, waves, sessions and revocations but keeps scans and the outbox', async () => {
    db = freshDb();
    await saveManifest(db, {
      device: device(),
      keys: [{ kid: 'KID1', publicKey: 'pk1' }],
      sessions: [{ id: 'S1', waveId: 'WAVE1', name: 'Pagi', startsAt: 'a', endsAt: 'b' }],
      revocations: [{ participantId: 'P0000001', ticketVersion: 1 }],
      rosterTotal: 10,
    });
    await saveRosterChunk(db, rosterRange(0, 10), '10');
    await markRosterComplete(db);
    await recordScan(db, {
      participantId: 'P0000001',
      sessionId: 'S1',
      kind: 'check-in',
      verdict: 'admitted',
    });

    await wipeRoster(db);

    expect(await rosterCount(db)).toBe(0);
    expect(await getKeys(db)).toEqual([]);
    expect(await getSessions(db)).toEqual([]);
    expect(await getRevokedVersion(db, 'P0000001')).toBeNull();
    expect(await getRosterProgress(db)).toEqual({
      saved: 0,
      total: null,
      complete: false,
      cursor: null,
    });
    expect(await db.scanEvents.count()).toBe(1);
    expect(await unsyncedCount(db)).toBe(1);
    expect(await getDevice(db)).not.toBeNull();
  });
});
