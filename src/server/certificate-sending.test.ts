// The sending queue for certificate links (kind 'sertifikat') on SQLite and PostgreSQL: only
// holders of a valid certificate are queued, marks per certificate version with who and when,
// undo, a re-issued certificate is "sertifikat baru belum dikirim", a revoked one leaves the
// queue, the per-event certificate message, and no mark while links would point at localhost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRecord, WaveIssueAnswer } from '../shared/api/certificates.js';
import type { SendingQueue, SendingSettings } from '../shared/api/sending.js';
import type { EventDetail, Participant } from '../shared/api/schemas.js';
import type { AuditEntry } from '../shared/api/team.js';
import { createApp } from './app.js';
import { createLogger } from './http/log.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`certificate sending queue on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let event: EventDetail;
    let waveId: string;
    const people: Participant[] = [];
    const certs = new Map<string, CertificateRecord>();

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      event = await json(await a.call('/api/events', { json: { name: 'Pelatihan UMKM 2026' } }));
      waveId = (await json(await a.call(`/api/events/${event.id}/waves`, { json: WAVE_1 }))).id;
      await a.call(`/api/waves/${waveId}/sessions`, {
        json: { name: 'Hari 1', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
      });
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
      // Nobody attended; an admin decides the first three earned it. Dewi gets none.
      for (const p of people.slice(0, 3)) {
        const res = await a.call(`/api/participants/${p.id}/eligibility-override`, {
          method: 'PUT',
          json: { eligible: true, reason: 'Hadir, absen kertas' },
        });
        expect(res.status).toBe(200);
      }
      const issued: WaveIssueAnswer = await json(
        await a.call(`/api/waves/${waveId}/certificates`, { method: 'POST' }),
      );
      expect(issued.issued).toBe(3);
      for (const c of issued.certificates) certs.set(c.participantId, c);
    });
    afterAll(async () => t?.dispose());

    const queue = async (k = 'sertifikat'): Promise<SendingQueue> =>
      json(await a.call(`/api/events/${event.id}/sending?wave=${waveId}&kind=${k}`));
    const cert = (i: number) => certs.get(people[i]!.id)!;
    const mark = (c: CertificateRecord, version = c.version) =>
      a.call(`/api/events/${event.id}/sending/marks`, {
        json: { kind: 'sertifikat', participantId: c.participantId, version, certificateId: c.id },
      });

    it('queues the holders of a valid certificate with their number and https /c# link', async () => {
      const q = await queue();
      expect(q.kind).toBe('sertifikat');
      expect(q.counts).toEqual({
        total: 3,
        sent: 0,
        unsent: 3,
        stale: 0,
        noPhone: 0,
        noCertificate: 1,
      });
      expect(q.rows.map((r) => r.name)).toEqual(['Ahmad Fauzi', 'Budi Santoso', 'Citra Lestari']);
      expect(q.rows[0]).toMatchObject({
        version: 1,
        certificateId: cert(0).id,
        number: cert(0).number,
        link: cert(0).certificateLink,
        state: 'unsent',
        lastSent: null,
      });
      expect(q.rows[0]!.link).toMatch(/^https:\/\/hadir\.test\/c#HS1\./);
      // The ticket queue of the same wave is its own: all four, nothing sent.
      expect((await queue('tiket')).counts).toMatchObject({
        total: 4,
        unsent: 4,
        noCertificate: 0,
      });
    });

    it('saves the certificate message apart from the ticket one, and requires {tautan}', async () => {
      const put = (body: object) =>
        a.call(`/api/events/${event.id}/sending/settings`, {
          method: 'PUT',
          json: { contact: '0812 9999 0000', template: '', instructions: [], ...body },
        });
      const bad = await put({ certificateTemplate: 'Selamat {nama}, nomor {nomor}' });
      expect(bad.status).toBe(400);
      const problem = await json(bad);
      expect(problem.error.code).toBe('template-without-link');
      expect(problem.error.messages.id).toMatch(/sertifikat/);
      expect(problem.error.messages.en).toMatch(/certificate/);
      const res = await put({ certificateTemplate: 'Selamat {nama}! {nomor} {tautan}' });
      expect(res.status).toBe(200);
      const saved: SendingSettings = await json(res);
      expect(saved).toMatchObject({
        template: null,
        certificateTemplate: 'Selamat {nama}! {nomor} {tautan}',
      });
      // A client that only knows the ticket message leaves the certificate one as it is.
      expect((await json(await put({}))).certificateTemplate).toBe(
        'Selamat {nama}! {nomor} {tautan}',
      );
      expect((await queue()).settings.certificateTemplate).toBe('Selamat {nama}! {nomor} {tautan}');
    });

    it('marks a certificate version sent with who and when; a second mark keeps the first', async () => {
      const first = await mark(cert(0));
      expect(first.status).toBe(201);
      const m = await json(first);
      expect(m).toMatchObject({ version: 1, certificateId: cert(0).id, by: 'panitia' });
      const again = await mark(cert(0));
      expect(again.status).toBe(200);
      expect((await json(again)).at).toBe(m.at);
      expect((await mark(cert(1))).status).toBe(201);
      const q = await queue();
      expect(q.counts).toMatchObject({ total: 3, sent: 2, unsent: 1, stale: 0 });
      expect(q.rows[0]).toMatchObject({ state: 'sent', lastSent: { version: 1, by: 'panitia' } });
      // Sending the certificate is not sending the ticket.
      expect((await queue('tiket')).counts.sent).toBe(0);
    });

    it('a re-issued certificate is "sertifikat baru belum dikirim" until its link is sent', async () => {
      const res = await a.call(`/api/certificates/${cert(1).id}/reissue`, { method: 'POST' });
      expect(res.status).toBe(201);
      const v2: CertificateRecord = await json(res);
      expect(v2).toMatchObject({ version: 2, number: cert(1).number });
      let q = await queue();
      expect(q.counts).toMatchObject({ sent: 1, unsent: 1, stale: 1 });
      const row = q.rows.find((r) => r.participantId === people[1]!.id)!;
      expect(row).toMatchObject({
        state: 'stale',
        version: 2,
        certificateId: v2.id,
        link: v2.certificateLink,
        lastSent: { version: 1 },
      });
      const old = await mark(cert(1));
      expect(old.status).toBe(409);
      expect((await json(old)).error.code).toBe('certificate-changed');
      expect((await mark(v2)).status).toBe(201);
      q = await queue();
      expect(q.counts).toMatchObject({ sent: 2, unsent: 1, stale: 0 });
      certs.set(v2.participantId, v2);
    });

    it('undoes a mistaken mark of one version and writes it in the audit log', async () => {
      const path = `/api/events/${event.id}/sending/marks/${people[1]!.id}/2?kind=sertifikat`;
      expect((await a.call(path, { method: 'DELETE' })).status).toBe(204);
      const row = (await queue()).rows.find((r) => r.participantId === people[1]!.id)!;
      // Back to "new certificate not sent": version 1's link had gone out.
      expect(row).toMatchObject({ state: 'stale', lastSent: { version: 1 } });
      expect((await a.call(path, { method: 'DELETE' })).status).toBe(404);
      const log: { entries: AuditEntry[] } = await json(await a.call('/api/audit'));
      expect(log.entries[0]).toMatchObject({
        action: 'certificate-send-undo',
        details: {
          participantId: people[1]!.id,
          name: 'Budi Santoso',
          certificateVersion: 2,
          sentBy: 'panitia',
        },
      });
    });

    it('leaves a revoked certificate out of the queue and refuses to mark it', async () => {
      const res = await a.call(`/api/certificates/${cert(2).id}/revoke`, {
        json: { reason: 'Data kehadiran keliru' },
      });
      expect(res.status).toBe(200);
      const q = await queue();
      expect(q.rows.map((r) => r.name)).not.toContain('Citra Lestari');
      expect(q.counts).toMatchObject({ total: 2, noCertificate: 2 });
      const refused = await mark(cert(2));
      expect(refused.status).toBe(409);
      const body = await json(refused);
      expect(body.error.code).toBe('no-certificate');
      expect(body.error.messages.id).toMatch(/sertifikat yang berlaku/);
    });

    it('refuses every certificate mark while links would point at localhost (no PUBLIC_URL)', async () => {
      const local = createApp({
        store: t.store,
        log: createLogger({ silent: true }),
      });
      const call = (path: string, init: RequestInit = {}) =>
        local.request(path, {
          ...init,
          headers: { cookie: a.cookie, 'content-type': 'application/json' },
        });
      const q: SendingQueue = await json(
        await call(`/api/events/${event.id}/sending?wave=${waveId}&kind=sertifikat`),
      );
      expect(q.linkOrigin.problem).toBe('local');
      expect(q.rows[0]!.link).toMatch(/^http:\/\/localhost\/c#/);
      const before = (await queue()).counts.sent;
      const row = q.rows.find((r) => r.state !== 'sent')!;
      const res = await call(`/api/events/${event.id}/sending/marks`, {
        method: 'POST',
        body: JSON.stringify({
          kind: 'sertifikat',
          participantId: row.participantId,
          version: row.version,
          certificateId: row.certificateId,
        }),
      });
      expect(res.status).toBe(409);
      const body = await json(res);
      expect(body.error.code).toBe('links-not-public');
      expect(body.error.messages.id).toMatch(/^Tautan sertifikat .*http:\/\/localhost.*PUBLIC_URL/);
      expect(body.error.messages.en).toMatch(/^Certificate links .*PUBLIC_URL/);
      expect((await queue()).counts.sent).toBe(before);
    });

    it('deletes the event with its certificate marks', async () => {
      const res = await a.call(`/api/events/${event.id}`, {
        method: 'DELETE',
        json: { confirmName: 'Pelatihan UMKM 2026' },
      });
      expect(res.status).toBe(204);
    });
  });
}
