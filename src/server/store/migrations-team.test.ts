// Migration 0008 on SQLite and PostgreSQL: the account made before roles existed (the office's
// one shared account) becomes admin, so nobody is locked out of the team page after upgrading.
import { describe, expect, it } from 'vitest';
import { openRawDb } from '../testing/raw-db.js';
import { storeKinds } from '../testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`migration 0008 on ${kind.name}`, () => {
    it('makes the existing organizer account admin, not removed', async () => {
      const { db, drop, migrator } = await openRawDb(kind.name);
      try {
        expect((await migrator.migrateTo('0007_server_minus_device')).error).toBeUndefined();
        await db
          .insertInto('organizers')
          .values({ id: 'O1', username: 'panitia', password_hash: 'h', created_at: 1 })
          .execute();
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        const row = await db.selectFrom('organizers').selectAll().executeTakeFirstOrThrow();
        expect(row).toMatchObject({ id: 'O1', role: 'admin', removed_at: null });
      } finally {
        await drop();
      }
    });
  });
}
