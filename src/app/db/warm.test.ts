// The early connection from the app's entry: it never creates the door's database, and it never
// stands in the way of Dexie opening or upgrading it.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HadirDb } from './database';
import { DB_NAME, warmDatabase } from './warm';

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
});
