// Certificates on SQLite and PostgreSQL (issue 12, acceptance 2, 3 and 6): public keys, status
// and view; the template with its signatures; issuing to a wave's eligible active participants
// or one, idempotent and numbered 001, 002 … never reused; revoking and re-issuing under the
// same number; and the edge cases (cancelled after attending, a re-issued ticket, a wave with
// no sessions, an unknown certificate, a template edited after issuing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CertificateRecord,
  CertificateStatusAnswer,
  CertificateView,
  WaveIssueAnswer,
} from '../shared/api/certificates.js';
import { verifyCertificate } from '../shared/certificate/token.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
]);
const YEAR = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`certificates on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    /** Without a session: what a participant's phone or a stranger can call. */
    const anyone = (path: string, init?: RequestInit) => Promise.resolve(a.app.request(path, init));
    const pA = (i: number) => f.participants.a[i]!;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan UMKM 2026');
      const s1 = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      const tablet = await pairAtDoor(a, f.event.id, {
        name: 'Tablet',
        door: 'Pintu',
        waveIds: [f.waves.a],
      });
      // p0…p9 attended the wave's only session, and so did p10, who is cancelled afterwards.
      await push(
        a,
        tablet,
        [...Array(11).keys()].map((i) => scan(tablet, s1, pA(i).id)),
      );
      const cancel = await a.call(`/api/participants/${pA(10).id}/cancel`, { method: 'POST' });
      expect(cancel.status).toBe(200);
    });
    afterAll(async () => t?.dispose());

    const issueWave = async (waveId: string): Promise<WaveIssueAnswer> => {
      const res = await a.call(`/api/waves/${waveId}/certificates`, { method: 'POST' });
      expect(res.status).toBe(200);
      return json(res);
    };
    const list = async (wave?: string): Promise<CertificateRecord[]> =>
      (
        await json(
          await a.call(`/api/events/${f.event.id}/certificates${wave ? `?wave=${wave}` : ''}`),
        )
      ).certificates;
    const validOf = async (participantId: string) =>
      (await list()).filter((c) => c.participantId === participantId && c.status === 'valid');
    const status = async (id: string): Promise<CertificateStatusAnswer> =>
      json(await anyone(`/api/certificate-status/${id}`));
    const view = async (id: string): Promise<CertificateView> =>
      json(await anyone(`/api/certificate-view/${id}`));
    const putTemplate = (body: unknown) =>
      a.call(`/api/events/${f.event.id}/certificate-template`, { method: 'PUT', json: body });
    const signature = (index: number, body: Uint8Array, method = 'PUT') =>
      a.call(`/api/events/${f.event.id}/certificate-signers/${index}/signature`, {
        method,
        body: method === 'PUT' ? Buffer.from(body) : null,
        headers: { 'content-type': 'image/png' },
      });

    it('serves every event key publicly, cacheable for five minutes', async () => {
      const res = await anyone('/api/certificate-keys');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      const { keys } = await json(res);
      expect(keys).toContainEqual(
        expect.objectContaining({ eventName: 'Pelatihan UMKM 2026', kid: expect.any(String) }),
      );
    });

    it('has an Indonesian default template and refuses a number pattern without {no}', async () => {
      const res = await a.call(`/api/events/${f.event.id}/certificate-template`);
      const defaults = await json(res);
      expect(defaults).toEqual({
        title: 'SERTIFIKAT',
        body: expect.stringContaining('Diberikan kepada {nama} ({usaha})'),
        numberPattern: '{no}/PLT-UMKM/DISKOP/{tahun}',
        place: 'Tangerang Selatan',
        date: null,
        signers: [],
        logoUrl: null,
      });
      const template = { ...defaults, numberPattern: 'PLT/{tahun}' };
      const bad = await putTemplate(template);
      expect(bad.status).toBe(400);
      const body = await json(bad);
      expect(body.error.code).toBe('number-pattern-without-no');
      expect(body.error.messages.id).toMatch(/harus memuat \{no\}/);
      const four = Array(4).fill({ name: 'A', position: 'B' });
      expect(
        (await putTemplate({ ...template, numberPattern: '{no}', signers: four })).status,
      ).toBe(400);
      expect((await putTemplate({ title: '' })).status).toBe(400);
    });

    it('saves signers and their signatures: PNG/JPEG only, at most 256 KB, served publicly', async () => {
      const base = await json(await a.call(`/api/events/${f.event.id}/certificate-template`));
      const saved = await putTemplate({
        ...base,
        signers: [
          { name: 'Drs. Budi Santoso', position: 'Kepala Dinas Koperasi dan UKM' },
          { name: 'Siti Aminah', position: 'Ketua Panitia' },
        ],
      });
      expect(saved.status).toBe(200);
      expect((await signature(5, PNG)).status).toBe(404);
      const notImage = await signature(0, new TextEncoder().encode('bukan gambar'));
      expect(notImage.status).toBe(400);
      expect((await json(notImage)).error.code).toBe('signature-not-image');
      const big = new Uint8Array(256 * 1024 + 1);
      big.set(PNG);
      const tooBig = await signature(0, big);
      expect(tooBig.status).toBe(413);
      expect((await json(tooBig)).error.messages.id).toMatch(/maksimal 256 KB/);
      const ok = await signature(0, PNG);
      expect(ok.status).toBe(200);
      const tpl = await json(ok);
      expect(tpl.signers[0].signatureUrl).toMatch(/^\/api\/certificate-images\//);
      expect(tpl.signers[1].signatureUrl).toBeNull();
      const served = await anyone(tpl.signers[0].signatureUrl);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      const current = await anyone(`/api/events/${f.event.id}/certificate-signers/0/signature`);
      expect(current.status).toBe(200);
      expect(new Uint8Array(await current.arrayBuffer())).toEqual(PNG);
      expect((await signature(1, PNG, 'DELETE')).status).toBe(200);
      // Re-saving the template keeps the signature with its signer.
      const again = await json(await putTemplate({ ...tpl, title: 'SERTIFIKAT PELATIHAN' }));
      expect(again.signers[0].signatureUrl).toBe(tpl.signers[0].signatureUrl);
    });

    it('issues to every eligible active participant of the wave, numbered 001 … in order', async () => {
      const started = performance.now();
      const answer = await issueWave(f.waves.a);
      const ms = performance.now() - started;
      expect(answer.issued).toBe(10);
      expect(answer.alreadyIssued).toBe(0);
      expect(answer.notEligible).toBe(13);
      expect(answer.message.id).toMatch(/^10 sertifikat baru diterbitkan/);
      const numbers = answer.certificates.map((c) => c.number).sort();
      expect(numbers).toEqual(
        [...Array(10).keys()].map(
          (i) => `${String(i + 1).padStart(3, '0')}/PLT-UMKM/DISKOP/${YEAR}`,
        ),
      );
      const keys = (await json(await anyone('/api/certificate-keys'))).keys;
      for (const c of answer.certificates) {
        expect(c).toMatchObject({ version: 1, status: 'valid', issuedBy: 'panitia' });
        expect(c.certificateLink).toBe(`https://hadir.test/c#${c.token}`);
        expect(c.verifyLink).toBe(`https://hadir.test/v#${c.token}`);
        const check = await verifyCertificate(c.token, keys);
        expect(check.ok).toBe(true);
      }
      const p0 = answer.certificates.find((c) => c.participantId === pA(0).id)!;
      const v = await view(p0.id);
      expect(v.payload).toMatchObject({
        id: p0.id,
        number: p0.number,
        name: pA(0).name,
        business: pA(0).business,
        programme: 'Pelatihan UMKM 2026',
        wave: 'Gelombang A',
        venue: 'Aula Blandongan, Puspemkot Tangsel',
        from: '2026-12-08',
        to: '2026-12-08',
        version: 1,
      });
      expect(v.template.title).toBe('SERTIFIKAT PELATIHAN');
      expect(v.template.signers[0]!.signatureUrl).toMatch(/^\/api\/certificate-images\//);
      expect(ms).toBeLessThan(5000);
    });

    it('never makes a second number: the wave and one participant answered again', async () => {
      const again = await issueWave(f.waves.a);
      expect(again).toMatchObject({ issued: 0, alreadyIssued: 10, certificates: [] });
      const before = await validOf(pA(0).id);
      const one = await a.call(`/api/participants/${pA(0).id}/certificate`, { method: 'POST' });
      expect(one.status).toBe(200);
      expect((await json(one)).id).toBe(before[0]!.id);
      expect(await validOf(pA(0).id)).toHaveLength(1);
      expect(await list(f.waves.a)).toHaveLength(10);
    });

    it('refuses a participant cancelled after attending, and one who did not attend (409)', async () => {
      const cancelled = await a.call(`/api/participants/${pA(10).id}/certificate`, {
        method: 'POST',
      });
      expect(cancelled.status).toBe(409);
      const body = await json(cancelled);
      expect(body.error.code).toBe('not-eligible');
      expect(body.error.messages.id).toMatch(/peserta dibatalkan/);
      expect(body.error.details.reasons).toContainEqual({
        id: 'peserta dibatalkan',
        en: 'participant cancelled',
      });
      const absent = await a.call(`/api/participants/${pA(11).id}/certificate`, {
        method: 'POST',
      });
      expect(absent.status).toBe(409);
      expect((await json(absent)).error.messages.id).toMatch(/tidak hadir: Hari 1/);
      expect(await validOf(pA(10).id)).toEqual([]);
    });

    it('issues one participant made eligible by an admin decision', async () => {
      const decide = await a.call(`/api/participants/${pA(11).id}/eligibility-override`, {
        method: 'PUT',
        json: { eligible: true, reason: 'Sakit, surat dokter' },
      });
      expect(decide.status).toBe(200);
      const res = await a.call(`/api/participants/${pA(11).id}/certificate`, { method: 'POST' });
      expect(res.status).toBe(201);
      expect((await json(res)).number).toBe(`011/PLT-UMKM/DISKOP/${YEAR}`);
    });

    it('issues nobody in a wave with no sessions, and says why in words', async () => {
      const answer = await issueWave(f.waves.b);
      expect(answer).toMatchObject({ issued: 0, alreadyIssued: 0, notEligible: 9 });
      expect(answer.reasons).toEqual([
        { id: 'gelombang ini belum punya sesi', en: 'this wave has no sessions yet' },
      ]);
      expect(answer.message.id).toMatch(/0 sertifikat baru diterbitkan.*belum punya sesi/);
    });

    it('is not touched by re-issuing the participant’s ticket', async () => {
      const [before] = await validOf(pA(1).id);
      const res = await a.call(`/api/participants/${pA(1).id}/reissue`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(await validOf(pA(1).id)).toEqual([before]);
      expect((await status(before!.id)).status).toBe('valid');
    });

    it('keeps an issued certificate as issued when the template is edited later', async () => {
      const [issued] = await validOf(pA(0).id);
      const before = await view(issued!.id);
      const tpl = await json(await a.call(`/api/events/${f.event.id}/certificate-template`));
      await putTemplate({ ...tpl, title: 'PIAGAM', body: 'Teks baru {nama}', signers: [] });
      expect(await view(issued!.id)).toEqual(before);
      expect(before.template.title).toBe('SERTIFIKAT PELATIHAN');
    });

    it('revokes with a reason (audited); unknown → 404, twice → 409; the number is never reused', async () => {
      const unknown = await a.call('/api/certificates/TIDAKADA/revoke', {
        json: { reason: 'salah orang' },
      });
      expect(unknown.status).toBe(404);
      expect((await json(unknown)).error.messages.id).toBe('Sertifikat tidak ditemukan');
      expect((await anyone('/api/certificate-status/TIDAKADA')).status).toBe(404);
      const [c2] = await validOf(pA(2).id);
      const short = await a.call(`/api/certificates/${c2!.id}/revoke`, { json: { reason: 'x' } });
      expect(short.status).toBe(400);
      const res = await a.call(`/api/certificates/${c2!.id}/revoke`, {
        json: { reason: 'Data kehadiran keliru' },
      });
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({
        status: 'revoked',
        revokedBy: 'panitia',
        revokeReason: 'Data kehadiran keliru',
      });
      expect(await status(c2!.id)).toMatchObject({
        status: 'revoked',
        version: 1,
        newestVersion: 1,
        revokeReason: 'Data kehadiran keliru',
        revokedAt: expect.any(String),
      });
      const twice = await a.call(`/api/certificates/${c2!.id}/revoke`, {
        json: { reason: 'Data kehadiran keliru' },
      });
      expect(twice.status).toBe(409);
      expect((await json(twice)).error.code).toBe('certificate-revoked');
      // Issuing again gives p2 a new number; the revoked one stays theirs, never anyone else's.
      const again = await issueWave(f.waves.a);
      expect(again.issued).toBe(1);
      expect(again.certificates[0]!.number).toBe(`012/PLT-UMKM/DISKOP/${YEAR}`);
      const all = await list();
      expect(all.filter((c) => c.number === c2!.number)).toHaveLength(1);
      const audit = await json(await a.call('/api/audit'));
      const actions = audit.entries.map((e: { action: string }) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'certificate-revoke',
          'certificate-issue',
          'certificate-template',
          'certificate-signature',
        ]),
      );
      const revoke = audit.entries.find(
        (e: { action: string }) => e.action === 'certificate-revoke',
      );
      expect(revoke.details).toMatchObject({ reason: 'Data kehadiran keliru', number: c2!.number });
    });

    it('re-issues a new version under the same number with the current name; the old one superseded', async () => {
      const [old] = await validOf(pA(3).id);
      await t.store.db
        .updateTable('participants')
        .set({ name: 'Rina Kusuma (dibetulkan)' })
        .where('id', '=', pA(3).id)
        .execute();
      const res = await a.call(`/api/certificates/${old!.id}/reissue`, { method: 'POST' });
      expect(res.status).toBe(201);
      const next: CertificateRecord = await json(res);
      expect(next).toMatchObject({ number: old!.number, version: 2, status: 'valid' });
      expect(next.token).not.toBe(old!.token);
      expect((await view(next.id)).payload).toMatchObject({
        name: 'Rina Kusuma (dibetulkan)',
        version: 2,
      });
      expect((await view(next.id)).template.title).toBe('PIAGAM');
      expect(await status(old!.id)).toMatchObject({
        status: 'superseded',
        version: 1,
        newestVersion: 2,
        revokeReason: null,
      });
      const stale = await a.call(`/api/certificates/${old!.id}/reissue`, { method: 'POST' });
      expect(stale.status).toBe(409);
      expect((await json(stale)).error.code).toBe('certificate-superseded');
      // A participant cancelled after issuing: revoke, not reissue.
      const [c4] = await validOf(pA(4).id);
      await a.call(`/api/participants/${pA(4).id}/cancel`, { method: 'POST' });
      const cancelled = await a.call(`/api/certificates/${c4!.id}/reissue`, { method: 'POST' });
      expect(cancelled.status).toBe(409);
      expect((await json(cancelled)).error.code).toBe('participant-cancelled');
      const versions = (await list()).filter((c) => c.participantId === pA(3).id);
      expect(versions.map((c) => [c.version, c.status])).toEqual([
        [2, 'valid'],
        [1, 'superseded'],
      ]);
    });

    it('deletes certificates with their event', async () => {
      await a.call(`/api/events/${f.event.id}/archive`, { method: 'POST' });
      const archived = await a.call(`/api/waves/${f.waves.a}/certificates`, { method: 'POST' });
      expect(archived.status).toBe(409);
      const gone = await a.call(`/api/events/${f.event.id}`, {
        method: 'DELETE',
        json: { confirmName: 'Pelatihan UMKM 2026' },
      });
      expect(gone.status).toBeLessThan(300);
      const left = await t.store.db.selectFrom('certificates').select('id').execute();
      expect(left).toEqual([]);
    });
  });
}
