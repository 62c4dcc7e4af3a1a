// Migration 0007 on SQLite and PostgreSQL: offsets stored as device minus server become server
// minus device under their new name, nulls stay null.
import { describe, expect, it } from 'vitest';
import { openRawDb } from '../testing/raw-db.js';
import { storeKinds } from '../testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`migration 0007 on ${kind.name}`, () => {
    it('flips each stored offset to server minus device and renames it', async () => {
      const { db, drop, migrator } = await openRawDb(kind.name);
      try {
        expect((await migrator.migrateTo('0006_scan_rejections')).error).toBeUndefined();
        await db
          .insertInto('events')
          .values({ id: 'E', name: 'x', created_at: 1, updated_at: 1 })
          .execute();
        const device = (id: string, offset: number | null) => ({
          id,
          event_id: 'E',
          name: id,
          door: 'd',
          wave_ids: '[]',
          token_hash: id,
          created_at: 1,
          clock_offset_ms: offset,
        });
        await db
          .insertInto('devices')
          .values([device('fast', 7000), device('never', null)])
          .execute();
        await db
          .insertInto('scan_events')
          .values({
            id: 'S1',
            event_id: 'E',
            device_id: 'fast',
            session_id: 's',
            kind: 'check-in',
            device_time: 10_000,
            received_at: 3000,
            clock_offset_ms: 7000,
            body: '[]',
          })
          .execute();
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        const devices = await db
          .selectFrom('devices')
          .select(['id', 'server_minus_device_ms'])
          .orderBy('id')
          .execute();
        expect(devices.map((d) => [d.id, d.server_minus_device_ms ?? null].map(String))).toEqual([
          ['fast', '-7000'],
          ['never', 'null'],
        ]);
        const scan = await db
          .selectFrom('scan_events')
          .select('server_minus_device_ms')
          .executeTakeFirstOrThrow();
        expect(Number(scan.server_minus_device_ms)).toBe(-7000);
      } finally {
        await drop();
      }
    });
  });
}
