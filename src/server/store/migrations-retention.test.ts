// Migration 0021 on SQLite and PostgreSQL, over rows written before it: participants, the rows
// that reference them and the roster-change triggers survive (SQLite rebuilds the table); two
// erased phones ('') may share an event, two real ones still may not.
import { describe, expect, it } from 'vitest';
import { openRawDb } from '../testing/raw-db.js';
import { storeKinds } from '../testing/stores.js';

const person = (id: string, phone: string) => ({
  id,
  event_id: 'E',
  wave_id: 'W',
  name: `Peserta ${id}`,
  business: 'Usaha',
  phone,
  email: null,
  nik: null,
  status: 'active',
  ticket_version: 1,
  created_at: 1,
  updated_at: 1,
});

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`migration 0021 on ${kind.name}`, () => {
    it('keeps participants, their references and triggers; one phone per event unless erased', async () => {
      const { db, drop, migrator } = await openRawDb(kind.name);
      try {
        expect((await migrator.migrateTo('0019_rate_limits')).error).toBeUndefined();
        await db
          .insertInto('events')
          .values({ id: 'E', name: 'Acara', created_at: 1, updated_at: 1 })
          .execute();
        await db
          .insertInto('waves')
          .values({
            id: 'W',
            event_id: 'E',
            name: 'G1',
            venue: 'Aula',
            address: 'Jl.',
            map_url: null,
            starts_at: '2026-12-08T08:00:00+07:00',
            ends_at: '2026-12-08T16:00:00+07:00',
            created_at: 1,
          })
          .execute();
        await db
          .insertInto('participants')
          .values([person('P1', '0811'), person('P2', '0812')])
          .execute();
        await db
          .insertInto('eligibility_overrides')
          .values({
            participant_id: 'P1',
            event_id: 'E',
            eligible: 1,
            reason: 'Sakit',
            decided_by: 'O',
            decided_at: 1,
          })
          .execute();
        const { error } = await migrator.migrateToLatest();
        expect(error).toBeUndefined();

        const rows = await db.selectFrom('participants').selectAll().orderBy('id').execute();
        expect(rows.map((r) => [r.id, r.phone, r.name])).toEqual([
          ['P1', '0811', 'Peserta P1'],
          ['P2', '0812', 'Peserta P2'],
        ]);
        expect(
          await db.selectFrom('eligibility_overrides').select('participant_id').execute(),
        ).toEqual([{ participant_id: 'P1' }]);
        const changes = async () =>
          (await db.selectFrom('roster_changes').select('seq').execute()).length;
        const before = await changes();
        await db.updateTable('participants').set({ phone: '' }).execute();
        expect(await changes()).toBe(before + 2);
        await db.insertInto('participants').values(person('P3', '0813')).execute();
        await expect(
          db.insertInto('participants').values(person('P4', '0813')).execute(),
        ).rejects.toThrow();
      } finally {
        await drop();
      }
    });
  });
}
