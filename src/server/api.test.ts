// The HTTP API end to end in-process (no port), against SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail, Participant, TicketLinks } from '../shared/api/schemas.js';
import { verifyTicket } from '../shared/ticket/crypto.js';
import { listPublicKeys } from './store/events.js';
import { listRevocations } from './store/participants.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`API on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let event: EventDetail;
    let waveId: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      event = await json(await a.call('/api/events', { json: { name: 'Pelatihan UMKM' } }));
      const wave = await json(await a.call(`/api/events/${event.id}/waves`, { json: WAVE_1 }));
      waveId = wave.id;
    });
    afterAll(async () => t?.dispose());

    it('refuses organizer endpoints without a session', async () => {
      const res = await a.app.request('/api/events');
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('unauthenticated');
    });

    it('closes first-run setup once the organizer exists', async () => {
      const status = await json(await a.app.request('/api/setup/status'));
      expect(status).toEqual({ needsSetup: false });
      const res = await a.app.request('/api/setup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: 'x', username: 'penyusup', password: 'passwordpanjang' }),
      });
      expect(res.status).toBe(409);
    });

    it('signs in with the password, sets a strict HttpOnly cookie, and rate-limits failures', async () => {
      const login = (password: string) =>
        a.app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'Panitia', password }),
        });
      const ok = await login('rahasia-panitia-1');
      expect(ok.status).toBe(200);
      const cookie = ok.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await login('salah')).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses[5]).toBe(429);
      // Even the right password waits out the window.
      expect((await login('rahasia-panitia-1')).status).toBe(429);
    });

    it('creates waves and sessions and rejects an end before the start', async () => {
      const s = await a.call(`/api/waves/${waveId}/sessions`, {
        json: {
          name: 'Hari 1 — Pagi',
          startsAt: '2026-12-08T08:00:00+07:00',
          endsAt: '2026-12-08T12:00:00+07:00',
        },
      });
      expect(s.status).toBe(201);
      const bad = await a.call(`/api/waves/${waveId}/sessions`, {
        json: {
          name: 'X',
          startsAt: '2026-12-08T12:00:00+07:00',
          endsAt: '2026-12-08T08:00:00+07:00',
        },
      });
      expect(bad.status).toBe(400);
      expect((await json(bad)).error.code).toBe('ends-before-start');
      const detail: EventDetail = await json(await a.call(`/api/events/${event.id}`));
      expect(detail.waves[0]!.sessions.map((x) => x.name)).toEqual(['Hari 1 — Pagi']);
    });

    it('creates, lists, updates and cancels participants; phones normalised; duplicates refused', async () => {
      const res = await a.call(`/api/events/${event.id}/participants`, {
        json: {
          name: "Hj. Siti Nur'aini",
          business: 'Keripik Tempe',
          phone: '0812-3456-7890',
          waveId,
        },
      });
      expect(res.status).toBe(201);
      const p: Participant = await json(res);
      expect(p.phone).toBe('+6281234567890');
      const dup = await a.call(`/api/events/${event.id}/participants`, {
        json: { name: 'Orang Lain', business: '', phone: '+62 812 3456 7890', waveId },
      });
      expect(dup.status).toBe(409);
      const list = await json(await a.call(`/api/events/${event.id}/participants?q=siti`));
      expect(list.total).toBe(1);
      const byDigits = await json(await a.call(`/api/events/${event.id}/participants?q=7890`));
      expect(byDigits.total).toBe(1);
      const upd = await a.call(`/api/participants/${p.id}`, {
        method: 'PATCH',
        json: { business: 'Keripik Tempe Bu Siti' },
      });
      expect((await json(upd)).business).toBe('Keripik Tempe Bu Siti');
      const cancel = await a.call(`/api/participants/${p.id}/cancel`, { method: 'POST' });
      expect((await json(cancel)).status).toBe('cancelled');
      const revoked = await listRevocations(t.store.db, event.id);
      expect(revoked).toContainEqual(
        expect.objectContaining({ participant_id: p.id, ticket_version: 1, reason: 'cancelled' }),
      );
      expect((await a.call(`/api/participants/${p.id}/ticket`)).status).toBe(409);
    });

    it('signs tickets with the event key and revokes the old one on re-issue', async () => {
      const p: Participant = await json(
        await a.call(`/api/events/${event.id}/participants`, {
          json: { name: 'Budi Santoso', business: 'Kopi Pamulang', phone: '6285712345678', waveId },
        }),
      );
      const links: TicketLinks = await json(await a.call(`/api/participants/${p.id}/ticket`));
      expect(links.link).toBe(`https://hadir.test/t#${links.token}`);
      expect(links.whatsappLink).toMatch(/^https:\/\/wa\.me\/6285712345678\?text=/);
      expect(decodeURIComponent(links.whatsappLink.split('text=')[1]!)).toContain(links.link);
      const keys = await listPublicKeys(t.store.db, event.id);
      const verified = await verifyTicket(links.token, keys);
      expect(verified).toMatchObject({
        ok: true,
        payload: { participantId: p.id, waveId, version: 1 },
      });
      const re: TicketLinks = await json(
        await a.call(`/api/participants/${p.id}/reissue`, { method: 'POST' }),
      );
      expect(re.token).not.toBe(links.token);
      expect(await verifyTicket(re.token, keys)).toMatchObject({
        ok: true,
        payload: { version: 2 },
      });
      const revoked = await listRevocations(t.store.db, event.id);
      expect(revoked).toContainEqual(
        expect.objectContaining({ participant_id: p.id, ticket_version: 1, reason: 'reissued' }),
      );
      // The ticket page, holding the old token, learns it is superseded (and nothing more).
      const info = await json(
        await a.app.request('/api/ticket-info', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: links.token }),
        }),
      );
      expect(info).toEqual({ participantId: p.id, version: 1, status: 'superseded' });
    });

    it('answers bad JSON with 400, oversized bodies with 413 and unknown API routes with 404, never 500', async () => {
      const bad = await a.call('/api/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name": ',
      });
      expect(bad.status).toBe(400);
      expect((await json(bad)).error.code).toBe('invalid-json');
      const wrongShape = await a.call('/api/events', { json: { name: 42 } });
      expect(wrongShape.status).toBe(400);
      expect((await json(wrongShape)).error.details.issues[0].path).toBe('name');
      const extra = await a.call('/api/events', { json: { name: 'x', admin: true } });
      expect(extra.status).toBe(400);
      const huge = await a.call('/api/events', { json: { name: 'x'.repeat(2 * 1024 * 1024) } });
      expect(huge.status).toBe(413);
      expect((await json(huge)).error.code).toBe('payload-too-large');
      const unknown = await a.call('/api/nope/nothing');
      expect(unknown.status).toBe(404);
      expect((await json(unknown)).error.code).toBe('not-found');
      const notJson = await a.call('/api/events', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'name=x',
      });
      expect(notJson.status).toBe(415);
    });

    it('stores HTML and SQL metacharacters verbatim', async () => {
      const nasty = `<script>alert('x')</script>'; DROP TABLE participants;-- "q" & =HYPERLINK("http://evil","klik")`;
      const res = await a.call(`/api/events/${event.id}/participants`, {
        json: { name: nasty, business: nasty.slice(0, 150), phone: '081311112222', waveId },
      });
      expect(res.status).toBe(201);
      const p: Participant = await json(res);
      const back: Participant = await json(await a.call(`/api/participants/${p.id}`));
      expect(back.name).toBe(nasty);
      expect(back.business).toBe(nasty.slice(0, 150));
      const wave = await json(
        await a.call(`/api/events/${event.id}/waves`, {
          json: { ...WAVE_1, name: nasty.slice(0, 120), venue: nasty, address: nasty },
        }),
      );
      expect([wave.name, wave.venue, wave.address]).toEqual([nasty.slice(0, 120), nasty, nasty]);
      const session = await json(
        await a.call(`/api/waves/${wave.id}/sessions`, {
          json: { name: nasty.slice(0, 120), startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
        }),
      );
      expect(session.name).toBe(nasty.slice(0, 120));
      const renamed = await a.call(`/api/events/${event.id}`, {
        method: 'PATCH',
        json: { name: nasty },
      });
      expect((await json(renamed)).name).toBe(nasty);
    });

    it('keeps the door sync endpoints closed without a device token', async () => {
      expect((await a.app.request('/api/sync/push', { method: 'POST' })).status).toBe(401);
      expect((await a.app.request('/api/sync/pull?cursor=0')).status).toBe(401);
    });
  });
}
