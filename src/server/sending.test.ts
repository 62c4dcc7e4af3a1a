// The ticket sending queue on SQLite and PostgreSQL: message settings, marks per ticket version
// (who, when), undo, counts and states (a reissue makes "tiket baru belum dikirim"), cancelled
// participants left out, and no mark at all while links would point at this machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendingQueue, SendingSettings } from '../shared/api/sending.js';
import type { EventDetail, Participant, TicketInfo, TicketLinks } from '../shared/api/schemas.js';
import type { AuditEntry } from '../shared/api/team.js';
import { createApp } from './app.js';
import { createLogger } from './http/log.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';
import { inviteMember } from './testing/team.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`ticket sending queue on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let event: EventDetail;
    let waveId: string;
    const people: Participant[] = [];

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      event = await json(await a.call('/api/events', { json: { name: 'Pelatihan UMKM 2026' } }));
      waveId = (await json(await a.call(`/api/events/${event.id}/waves`, { json: WAVE_1 }))).id;
      for (const [name, phone] of [
        ['Ahmad Fauzi', '081234500001'],
        ['Budi Santoso', '081234500002'],
        ['Citra Lestari', '081234500003'],
        ['Dewi Sartika', '081234500004'],
      ] as const) {
        const res = await a.call(`/api/events/${event.id}/participants`, {
          json: { name, business: `Usaha ${name}`, phone, waveId },
        });
        people.push(await json(res));
      }
    });
    afterAll(async () => t?.dispose());

    const queue = async (): Promise<SendingQueue> =>
      json(await a.call(`/api/events/${event.id}/sending?wave=${waveId}`));
    const mark = (p: Participant, version = p.ticketVersion, app = a) =>
      app.call(`/api/events/${event.id}/sending/marks`, {
        json: { participantId: p.id, version },
      });

    it('starts with everyone unsent, default settings and a sendable https origin', async () => {
      const q = await queue();
      expect(q.counts).toEqual({
        total: 4,
        sent: 0,
        unsent: 4,
        stale: 0,
        noPhone: 0,
        noCertificate: 0,
      });
      expect(q.rows.map((r) => r.name)).toEqual([
        'Ahmad Fauzi',
        'Budi Santoso',
        'Citra Lestari',
        'Dewi Sartika',
      ]);
      expect(q.rows[0]!.link).toMatch(/^https:\/\/hadir\.test\/t#H1\./);
      expect(q.settings).toEqual({
        contact: null,
        template: null,
        certificateTemplate: null,
        instructions: null,
      });
      expect(q.linkOrigin).toEqual({
        origin: 'https://hadir.test',
        problem: null,
        fromPublicUrl: true,
      });
    });

    it('saves the contact (normalised), template and instructions; the ticket page and dialog use them', async () => {
      const res = await a.call(`/api/events/${event.id}/sending/settings`, {
        method: 'PUT',
        json: {
          contact: '0812 9999 0000',
          template: 'Halo {nama}, tiket {gelombang}: {tautan} — tanya {kontak}',
          instructions: ['Bawa KTP dan NPWP', '', 'Datang pukul 07.30'],
        },
      });
      expect(res.status).toBe(200);
      const saved: SendingSettings = await json(res);
      expect(saved).toEqual({
        contact: '+6281299990000',
        template: 'Halo {nama}, tiket {gelombang}: {tautan} — tanya {kontak}',
        certificateTemplate: null,
        instructions: ['Bawa KTP dan NPWP', 'Datang pukul 07.30'],
      });
      const links: TicketLinks = await json(
        await a.call(`/api/participants/${people[0]!.id}/ticket`),
      );
      expect(decodeURIComponent(links.whatsappLink.split('text=')[1]!)).toBe(
        `Halo Ahmad Fauzi, tiket Gelombang 1: ${links.link} — tanya 0812-9999-0000`,
      );
      const info: TicketInfo = await json(
        await a.app.request('/api/ticket-info', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: links.token }),
        }),
      );
      expect(info).toMatchObject({
        contact: '+6281299990000',
        instructions: ['Bawa KTP dan NPWP', 'Datang pukul 07.30'],
      });
    });

    it('refuses a message without the ticket link', async () => {
      const res = await a.call(`/api/events/${event.id}/sending/settings`, {
        method: 'PUT',
        json: { contact: '', template: 'Halo {nama}', instructions: [] },
      });
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('template-without-link');
    });

    it('refuses a contact number WhatsApp cannot take, in words', async () => {
      const res = await a.call(`/api/events/${event.id}/sending/settings`, {
        method: 'PUT',
        json: { contact: '12345', template: '', instructions: [] },
      });
      expect(res.status).toBe(400);
      const body = await json(res);
      expect(body.error.code).toBe('invalid-phone');
      expect(body.error.messages.id).toMatch(/Nomor WhatsApp panitia/);
    });

    it('marks a ticket sent with who and when; a second mark keeps the first', async () => {
      const first = await mark(people[0]!);
      expect(first.status).toBe(201);
      const m = await json(first);
      expect(m).toMatchObject({ version: 1, by: 'panitia' });
      expect(Date.parse(m.at)).toBeGreaterThan(Date.now() - 60_000);
      const again = await mark(people[0]!);
      expect(again.status).toBe(200);
      expect((await json(again)).at).toBe(m.at);
      await mark(people[1]!);
      const q = await queue();
      expect(q.counts).toMatchObject({ total: 4, sent: 2, unsent: 2, stale: 0 });
      expect(q.rows[0]).toMatchObject({ state: 'sent', lastSent: { version: 1, by: 'panitia' } });
    });

    it('a reissued ticket is "tiket baru belum dikirim" until the new one is sent', async () => {
      const res = await a.call(`/api/participants/${people[1]!.id}/reissue`, { method: 'POST' });
      expect(res.status).toBe(200);
      let q = await queue();
      expect(q.counts).toMatchObject({ sent: 1, unsent: 2, stale: 1 });
      const row = q.rows.find((r) => r.participantId === people[1]!.id)!;
      expect(row).toMatchObject({ state: 'stale', version: 2, lastSent: { version: 1 } });
      // Marking the old version now is refused: the queue must send the new ticket.
      const old = await mark(people[1]!, 1);
      expect(old.status).toBe(409);
      expect((await json(old)).error.code).toBe('ticket-changed');
      expect((await mark(people[1]!, 2)).status).toBe(201);
      q = await queue();
      expect(q.counts).toMatchObject({ sent: 2, unsent: 2, stale: 0 });
    });

    it('undoes a mistaken mark and writes it in the audit log', async () => {
      const res = await a.call(`/api/events/${event.id}/sending/marks/${people[0]!.id}/1`, {
        method: 'DELETE',
      });
      expect(res.status).toBe(204);
      const q = await queue();
      expect(q.rows[0]).toMatchObject({ state: 'unsent', lastSent: null });
      const gone = await a.call(`/api/events/${event.id}/sending/marks/${people[0]!.id}/1`, {
        method: 'DELETE',
      });
      expect(gone.status).toBe(404);
      const log: { entries: AuditEntry[] } = await json(await a.call('/api/audit'));
      expect(log.entries[0]).toMatchObject({
        action: 'ticket-send-undo',
        details: {
          participantId: people[0]!.id,
          name: 'Ahmad Fauzi',
          ticketVersion: 1,
          sentBy: 'panitia',
        },
      });
      expect(log.entries.map((e) => e.action)).toContain('sending-settings');
    });

    it('leaves cancelled participants out of the queue and refuses to mark them', async () => {
      await a.call(`/api/participants/${people[3]!.id}/cancel`, { method: 'POST' });
      const q = await queue();
      expect(q.rows.map((r) => r.name)).not.toContain('Dewi Sartika');
      expect(q.counts.total).toBe(3);
      const res = await mark(people[3]!);
      expect(res.status).toBe(409);
      expect((await json(res)).error.code).toBe('participant-cancelled');
    });

    it('lets a staf member send, and a pemantau not', async () => {
      const staf = await inviteMember(a, 'rina', 'staf');
      const res = await staf.call(`/api/events/${event.id}/sending/marks`, {
        json: { participantId: people[2]!.id, version: 1 },
      });
      expect(res.status).toBe(201);
      expect((await json(res)).by).toBe('rina');
      const pemantau = await inviteMember(a, 'pengamat', 'pemantau');
      expect((await pemantau.call(`/api/events/${event.id}/sending?wave=${waveId}`)).status).toBe(
        403,
      );
      // Everyone may see where links point (the warning shows on every export page).
      expect((await pemantau.call('/api/link-origin')).status).toBe(200);
    });

    it('refuses every mark while links would point at localhost (no PUBLIC_URL)', async () => {
      // The same store served without PUBLIC_URL, browsed from http://localhost.
      const local = createApp({
        store: t.store,
        log: createLogger({ silent: true }),
      });
      const call = (path: string, init: RequestInit = {}) =>
        local.request(path, {
          ...init,
          headers: { cookie: a.cookie, 'content-type': 'application/json' },
        });
      const origin = await json(await call('/api/link-origin'));
      expect(origin).toEqual({
        origin: 'http://localhost',
        problem: 'local',
        fromPublicUrl: false,
      });
      const q: SendingQueue = await json(
        await call(`/api/events/${event.id}/sending?wave=${waveId}`),
      );
      expect(q.linkOrigin.problem).toBe('local');
      const before = q.counts.sent;
      const res = await call(`/api/events/${event.id}/sending/marks`, {
        method: 'POST',
        body: JSON.stringify({ participantId: people[0]!.id, version: 1 }),
      });
      expect(res.status).toBe(409);
      const body = await json(res);
      expect(body.error.code).toBe('links-not-public');
      expect(body.error.messages.id).toMatch(/http:\/\/localhost.*PUBLIC_URL/);
      expect(body.error.messages.en).toMatch(/PUBLIC_URL/);
      expect((await queue()).counts.sent).toBe(before);
    });

    it('deletes the event with its send marks', async () => {
      const res = await a.call(`/api/events/${event.id}`, {
        method: 'DELETE',
        json: { confirmName: 'Pelatihan UMKM 2026' },
      });
      expect(res.status).toBe(204);
    });
  });
}
