// Archiving and deleting events, on SQLite and PostgreSQL: an archived event is read-only (every
// write answers 409 with words in both languages) and hidden from the list until un-archived;
// deleting needs the name typed again and waits for tablets that still hold unsent scans.
import type { AuditEntry } from '../shared/api/team.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { EventSummary } from '../shared/api/schemas.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`event archive and delete on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let other: DoorFixture;
    let tablet: PairResult;
    let sessionA: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan Lama 2025');
      other = await seedDoorEvent(a, t, 'Acara Lain');
      sessionA = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      tablet = await pairAtDoor(a, f.event.id, {
        name: 'Aula',
        door: 'Pintu Aula',
        waveIds: [f.waves.a],
      });
    });
    afterAll(async () => t?.dispose());

    const listed = async (archived = false): Promise<EventSummary[]> =>
      (await json(await a.call(`/api/events${archived ? '?archived=1' : ''}`))).events;

    it('archives: hidden from the list unless asked for, still readable', async () => {
      const res = await a.call(`/api/events/${f.event.id}/archive`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect((await json(res)).archivedAt).toMatch(/^\d{4}-/);
      expect((await listed()).map((e) => e.id)).not.toContain(f.event.id);
      const all = await listed(true);
      expect(all.find((e) => e.id === f.event.id)?.archivedAt).toMatch(/^\d{4}-/);
      expect((await a.call(`/api/events/${f.event.id}`)).status).toBe(200);
      expect((await a.call(`/api/events/${f.event.id}/attendance`)).status).toBe(200);
      expect((await a.call(`/api/events/${f.event.id}/participants`)).status).toBe(200);
    });

    it('refuses every write to an archived event with 409 in both languages', async () => {
      const p = f.participants.a[0]!;
      const session = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!;
      const writes: [string, RequestInit & { json?: unknown }][] = [
        [`/api/events/${f.event.id}`, { method: 'PATCH', json: { name: 'Baru' } }],
        [`/api/events/${f.event.id}/waves`, { json: { ...WAVE_1, name: 'Gelombang Baru' } }],
        [`/api/waves/${f.waves.a}`, { method: 'PATCH', json: { ...WAVE_1, name: 'Ubah' } }],
        [
          `/api/waves/${f.waves.a}/sessions`,
          { json: { name: 'S', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt } },
        ],
        [
          `/api/sessions/${session.id}`,
          {
            method: 'PATCH',
            json: { name: 'S2', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
          },
        ],
        [`/api/sessions/${session.id}`, { method: 'DELETE' }],
        [
          `/api/events/${f.event.id}/participants`,
          { json: { waveId: f.waves.a, name: 'X', business: 'Y', phone: '081299990000' } },
        ],
        [`/api/participants/${p.id}`, { method: 'PATCH', json: { name: 'Ganti' } }],
        [`/api/participants/${p.id}/cancel`, { method: 'POST' }],
        [`/api/participants/${p.id}/reissue`, { method: 'POST' }],
        [`/api/participants/${p.id}/reactivate`, { method: 'POST' }],
        [
          `/api/events/${f.event.id}/import/preview`,
          { method: 'POST', body: 'nama\nA', headers: { 'content-type': 'text/csv' } },
        ],
        [
          `/api/events/${f.event.id}/devices/pairings`,
          { json: { name: 'T', door: 'D', waveIds: [f.waves.a] } },
        ],
        [`/api/events/${f.event.id}/review/marks`, { json: { key: 'x' } }],
        [
          `/api/events/${f.event.id}/scans/import`,
          { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
        ],
      ];
      for (const [path, init] of writes) {
        const res = await a.call(path, init);
        expect(res.status, `${init.method ?? 'POST'} ${path}`).toBe(409);
        const err = (await json(res)).error;
        expect(err.code).toBe('event-archived');
        expect(err.messages.id).toMatch(/diarsipkan/);
        expect(err.messages.en).toMatch(/archived/);
      }
      // A tablet's push too: it keeps its scans.
      const pushed = await asDevice(a, tablet.token, '/api/sync/push', {
        json: { events: [scan(tablet, sessionA, p.id)] },
      });
      expect(pushed.status).toBe(409);
      expect((await a.call(`/api/participants/${p.id}`)).status).toBe(200);
      expect((await json(await a.call(`/api/participants/${p.id}`))).name).toBe(p.name);
    });

    it('leaves other events writable', async () => {
      const res = await a.call(`/api/events/${other.event.id}`, {
        method: 'PATCH',
        json: { name: 'Acara Lain (ubah)' },
      });
      expect(res.status).toBe(200);
    });

    it('un-archives: listed and writable again', async () => {
      const res = await a.call(`/api/events/${f.event.id}/unarchive`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect((await json(res)).archivedAt).toBeNull();
      expect((await listed()).map((e) => e.id)).toContain(f.event.id);
      const pushed = await asDevice(a, tablet.token, '/api/sync/push', {
        json: { events: [scan(tablet, sessionA, f.participants.a[1]!.id)] },
      });
      expect(pushed.status).toBe(200);
    });

    it('deletes only with the name typed again', async () => {
      const res = await a.call(`/api/events/${f.event.id}`, {
        method: 'DELETE',
        json: { confirmName: 'Pelatihan' },
      });
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('confirm-name-mismatch');
      // No body at all: asked to send the confirmation as JSON.
      const none = await a.call(`/api/events/${f.event.id}`, { method: 'DELETE' });
      expect(none.status).toBe(415);
      expect(
        (await a.call('/api/events/NOPE', { method: 'DELETE', json: { confirmName: 'x' } })).status,
      ).toBe(404);
    });

    it('refuses to delete while a paired tablet holds unsent scans, naming it', async () => {
      await asDevice(
        a,
        tablet.token,
        `/api/sync/pull?report=${encodeURIComponent(JSON.stringify({ unsynced: 3 }))}`,
      );
      const res = await a.call(`/api/events/${f.event.id}`, {
        method: 'DELETE',
        json: { confirmName: 'pelatihan lama  2025 ' },
      });
      expect(res.status).toBe(409);
      const err = (await json(res)).error;
      expect(err.code).toBe('devices-hold-unsynced-scans');
      expect(err.messages.id).toContain('Aula (Pintu Aula): 3');
      expect(err.messages.en).toContain('Aula (Pintu Aula): 3');
      expect((await a.call(`/api/events/${f.event.id}`)).status).toBe(200);
    });

    it('deletes the event and everything in it once the tablets have sent their scans', async () => {
      await asDevice(
        a,
        tablet.token,
        `/api/sync/pull?report=${encodeURIComponent(JSON.stringify({ unsynced: 0 }))}`,
      );
      await a.call(`/api/events/${f.event.id}/review/marks`, { json: { key: 'scan:x' } });
      const res = await a.call(`/api/events/${f.event.id}`, {
        method: 'DELETE',
        json: { confirmName: 'Pelatihan Lama 2025' },
      });
      expect(res.status).toBe(204);
      expect((await a.call(`/api/events/${f.event.id}`)).status).toBe(404);
      expect((await listed(true)).map((e) => e.id)).not.toContain(f.event.id);
      const { db } = t.store;
      for (const table of [
        'participants',
        'waves',
        'devices',
        'scan_events',
        'event_keys',
        'revocations',
      ] as const) {
        const left = await db
          .selectFrom(table)
          .select('event_id')
          .where('event_id', '=', f.event.id)
          .execute();
        expect(left, table).toEqual([]);
      }
      // The tablet's token is gone with its event.
      expect((await asDevice(a, tablet.token, '/api/sync/pull')).status).toBe(401);
      // The other event is untouched.
      const kept = await json(await a.call(`/api/events/${other.event.id}`));
      expect(kept.participantCount).toBe(38);
      // The audit log outlives the event: who archived, brought back and deleted it.
      const log: { entries: AuditEntry[] } = await json(await a.call('/api/audit'));
      const mine = log.entries.filter((e) => e.eventId === f.event.id).map((e) => e.action);
      expect(mine.slice(0, 3)).toEqual(['event-delete', 'event-unarchive', 'event-archive']);
      expect(log.entries[0]).toMatchObject({
        actor: expect.any(String),
        details: { name: 'Pelatihan Lama 2025' },
      });
    });
  });
}
