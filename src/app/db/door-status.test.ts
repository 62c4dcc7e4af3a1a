import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HadirDb } from './database';
import { getDoorStatus } from './door-status';

let db: HadirDb | undefined;
afterEach(async () => db?.delete());

describe('door status', () => {
  it('moves the offset kept under its old name to serverMinusDeviceMs, sign unchanged', async () => {
    const name = `clock-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(2).stores({ meta: 'key' });
    await old.table('meta').put({ key: 'clockOffsetMs', value: 1234 });
    old.close();
    db = new HadirDb(name);
    expect((await getDoorStatus(db)).serverMinusDeviceMs).toBe(1234);
    expect(await db.meta.get('clockOffsetMs')).toBeUndefined();
  });
});
