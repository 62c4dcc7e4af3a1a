// Housekeeping of the roster, on SQLite and PostgreSQL: a cancelled participant comes back with a
// new ticket version (the old ticket stays revoked, at the door too); phone search takes any
// written form; the demo loads once unless a second copy is asked for by name.
import type { AuditEntry } from '../shared/api/team.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncPullResult } from '../shared/api/sync.js';
import type { EventDetail, Participant, TicketLinks } from '../shared/api/schemas.js';
import { decideVerdict } from '../shared/door/verdict.js';
import type { SessionRef } from '../shared/door/types.js';
import { verifyTicket } from '../shared/ticket/crypto.js';
import { listPublicKeys } from './store/events.js';
import { listRevocations } from './store/participants.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import { asDevice } from './testing/devices.js';
import { pairAtDoor } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`roster housekeeping on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let event: EventDetail;
    let waveId: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      event = await json(await a.call('/api/events', { json: { name: 'Rapat Anggota' } }));
      waveId = (await json(await a.call(`/api/events/${event.id}/waves`, { json: WAVE_1 }))).id;
      await a.call(`/api/waves/${waveId}/sessions`, {
        json: { name: 'Hari 1', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
      });
    });
    afterAll(async () => t?.dispose());

    const add = async (name: string, phone: string): Promise<Participant> =>
      json(
        await a.call(`/api/events/${event.id}/participants`, {
          json: { name, business: `Usaha ${name}`, phone, waveId },
        }),
      );

    it('reactivates a cancelled participant with a new ticket; the old one stays revoked', async () => {
      const p = await add('Rina Wati', '081234500001');
      const first: TicketLinks = await json(await a.call(`/api/participants/${p.id}/ticket`));
      await a.call(`/api/participants/${p.id}/cancel`, { method: 'POST' });
      const res = await a.call(`/api/participants/${p.id}/reactivate`, { method: 'POST' });
      expect(res.status).toBe(200);
      const back: { participant: Participant; ticket: TicketLinks } = await json(res);
      expect(back.participant).toMatchObject({ status: 'active', ticketVersion: 2 });
      const log: { entries: AuditEntry[] } = await json(await a.call('/api/audit'));
      expect(log.entries[0]).toMatchObject({
        action: 'participant-reactivate',
        details: { participantId: p.id, name: 'Rina Wati', ticketVersion: 2 },
      });
      const keys = await listPublicKeys(t.store.db, event.id);
      expect(await verifyTicket(back.ticket.token, keys)).toMatchObject({
        ok: true,
        payload: { participantId: p.id, version: 2 },
      });
      expect(await listRevocations(t.store.db, event.id)).toContainEqual(
        expect.objectContaining({ participant_id: p.id, ticket_version: 1, reason: 'cancelled' }),
      );
      // The ticket page and the door both refuse the old ticket and take the new one.
      const info = async (token: string) =>
        json(
          await a.app.request('/api/ticket-info', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ token }),
          }),
        );
      expect((await info(first.token)).status).toBe('superseded');
      expect((await info(back.ticket.token)).status).toBe('valid');

      const tablet = await pairAtDoor(a, event.id, { name: 'T', door: 'Pintu', waveIds: [waveId] });
      const pulled: SyncPullResult = await json(
        await asDevice(a, tablet.token, '/api/sync/pull?limit=2000'),
      );
      const roster = new Map(pulled.roster.map((r) => [r.participantId, r]));
      expect(roster.get(p.id)).toMatchObject({ status: 'active', ticketVersion: 2 });
      const detail: EventDetail = await json(await a.call(`/api/events/${event.id}`));
      const s = detail.waves[0]!.sessions[0]!;
      const session: SessionRef = {
        id: s.id,
        waveId,
        name: s.name,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
      };
      const revoked = new Map<string, number>();
      for (const r of pulled.revocations) {
        revoked.set(r.participantId, Math.max(revoked.get(r.participantId) ?? 0, r.ticketVersion));
      }
      const verdict = (text: string) =>
        decideVerdict({
          text,
          keys,
          roster: (id) => roster.get(id),
          revocations: (id) => revoked.get(id),
          attendance: () => undefined,
          session,
          waves: () => undefined,
          allowedWaveIds: [waveId],
        });
      expect((await verdict(first.token)).kind).toBe('revoked');
      expect((await verdict(back.ticket.token)).kind).toBe('admitted');
    });

    it('refuses to reactivate someone active, and 404 for nobody', async () => {
      const p = await add('Aktif Terus', '081234500002');
      const res = await a.call(`/api/participants/${p.id}/reactivate`, { method: 'POST' });
      expect(res.status).toBe(409);
      expect((await json(res)).error.code).toBe('participant-active');
      expect((await a.call('/api/participants/NOPE/reactivate', { method: 'POST' })).status).toBe(
        404,
      );
    });

    it('finds a phone however it is written', async () => {
      const p = await add('Dodi Pratama', '0811-2233-4455');
      for (const q of [
        '08112233',
        '628112233',
        '+62 811-2233',
        '+62 0811 2233 4455',
        '811 2233',
        '4455',
      ]) {
        const list = await json(
          await a.call(`/api/events/${event.id}/participants?q=${encodeURIComponent(q)}`),
        );
        expect(
          list.participants.map((x: Participant) => x.id),
          q,
        ).toContain(p.id);
      }
      const none = await json(
        await a.call(`/api/events/${event.id}/participants?q=${encodeURIComponent('0822')}`),
      );
      expect(none.participants.map((x: Participant) => x.id)).not.toContain(p.id);
    });

    it('loads the demo once, and a second copy only when asked for by a new name', async () => {
      const first = await a.call('/api/demo', { method: 'POST' });
      expect(first.status).toBe(201);
      const demo: EventDetail = await json(first);
      const again = await a.call('/api/demo', { method: 'POST' });
      expect(again.status).toBe(409);
      const err = (await json(again)).error;
      expect(err.code).toBe('demo-exists');
      expect(err.details.eventId).toBe(demo.id);
      expect(err.messages.id).toContain('sudah dimuat');
      // Archived, it still counts: one demo, not a second by accident.
      await a.call(`/api/events/${demo.id}/archive`, { method: 'POST' });
      expect((await a.call('/api/demo', { method: 'POST' })).status).toBe(409);
      const copy = await a.call('/api/demo', { json: { name: 'Contoh untuk latihan relawan' } });
      expect(copy.status).toBe(201);
      expect((await json(copy)).participantCount).toBe(782);
      const sameName = await a.call('/api/demo', {
        json: { name: 'Contoh untuk latihan relawan' },
      });
      expect(sameName.status).toBe(409);
    });
  });
}
