// The early connection from the app's entry: it never creates the door's database, and it never
// stands in the way of Dexie opening or upgrading it.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { entry, publicOf, wave1 } from '../../shared/door/test-fixtures';
import { generateEventKey } from '../../shared/ticket/crypto';
import { HadirDb } from './database';
import { doorStartOf, readDoorStart } from './door-status';
import { saveManifest } from './manifest';
import { markRosterComplete, saveRosterChunk } from './roster';
import { device } from './test-helpers';
import { DB_NAME, DB_VERSION, takeEarlyStart, warmDatabase } from './warm';

const settle = () => new Promise((r) => setTimeout(r, 50));
const names = async () => (await indexedDB.databases()).map((d) => d.name);

afterEach(async () => {
  await Dexie.delete(DB_NAME);
});

describe('the door database opened early', () => {
  it('creates nothing on a tablet that has no database yet', async () => {
    warmDatabase(indexedDB);
    await settle();
    expect(await names()).not.toContain(DB_NAME);
  });

  it('lets the door upgrade an older database at once (the early connection steps aside)', async () => {
    const old = new Dexie(DB_NAME);
    old.version(1).stores({ device: 'deviceId', meta: 'key' });
    await old.open();
    await old.table('meta').put({ key: 'rosterComplete', value: true });
    old.close();

    warmDatabase(indexedDB);
    await settle(); // the early connection is open now
    const db = new HadirDb();
    let blocked = false;
    db.on('blocked', () => void (blocked = true));
    await db.open();
    expect(blocked).toBe(false);
    expect(db.verno).toBe(3);
    expect(await db.meta.get('rosterComplete')).toEqual({ key: 'rosterComplete', value: true });
    db.close();
  });

  it('reads the door’s first rows raw, as the door would read them through Dexie', async () => {
    const db = new HadirDb();
    expect(db.verno * 10).toBe(DB_VERSION);
    const roster = [entry(), entry()];
    await saveManifest(db, {
      device: device({ waveIds: [wave1.id] }),
      waves: [wave1],
      sessions: [
        {
          id: 'S2',
          waveId: wave1.id,
          name: 'Siang',
          startsAt: '2026-12-08T06:00:00.000Z',
          endsAt: '2026-12-08T08:00:00.000Z',
        },
        {
          id: 'S1',
          waveId: wave1.id,
          name: 'Pagi',
          startsAt: '2026-12-08T02:00:00.000Z',
          endsAt: '2026-12-08T04:00:00.000Z',
        },
      ],
      keys: [publicOf(await generateEventKey())],
      revocations: [],
    });
    await saveRosterChunk(db, roster, roster[1]!.participantId);
    await markRosterComplete(db);
    await db.meta.put({ key: 'serverMinusDeviceMs', value: -420 });

    warmDatabase(indexedDB, { readStart: true });
    const rows = await takeEarlyStart();
    expect(rows).not.toBeNull();
    const early = doorStartOf(rows!);
    expect(early).toEqual(await readDoorStart(db));
    expect(early.sessions.map((s) => s.id)).toEqual(['S1', 'S2']);
    expect(early.standing).toMatchObject({
      ready: true,
      rosterSaved: 2,
      serverMinusDeviceMs: -420,
    });
    expect(takeEarlyStart()).toBeNull(); // taken once
    db.close();
  });

  it('reads nothing early from a database that has no door yet, or one Dexie must upgrade first', async () => {
    warmDatabase(indexedDB, { readStart: true });
    expect(await takeEarlyStart()).toBeNull();

    const old = new Dexie(DB_NAME);
    old.version(2).stores({ device: 'deviceId', meta: 'key' });
    await old.open();
    old.close();
    warmDatabase(indexedDB, { readStart: true });
    expect(await takeEarlyStart()).toBeNull();
  });
});
