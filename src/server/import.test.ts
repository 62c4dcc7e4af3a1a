// Roster import through the HTTP API: preview writes nothing, commit is all-or-nothing and
// streams progress, re-import updates in place, bad files get clear errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportProgressLine } from '../shared/api/schemas.js';
import { parseCsv } from '../shared/roster/csv.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

const MESSY =
  '\uFEFFNo;Nama Lengkap;No. HP / WhatsApp;Nama Usaha;NIK;Gelombang\r\n' +
  '1;Dr. H. Ahmad Syarifuddin, S.E.;0812-3456-7890;"Koperasi Serpong; Jaya";3674011234560001;Gelombang 1\r\n' +
  "2;Siti Nur'aini;+62 813 1111 2222;Keripik Tempe Bu Siti;;1\r\n" +
  '\r\n' +
  '3;"=HYPERLINK(""http://evil"",""klik"")";62857 3333 4444;Batik Ciputat;;Gelombang 1\r\n' +
  '4;Budi Santoso;bukan nomor;Kopi Pamulang;;1\r\n' +
  '5;Siti Duplikat;0813-1111-2222;Laundry;;1\r\n' +
  '6;Rina;0877 5555 6666;Catering;;Gelombang 9\r\n';

async function commit(a: TestApp, eventId: string, draftId: string) {
  const res = await a.call(`/api/events/${eventId}/import/commit`, { json: { draftId } });
  expect(res.headers.get('content-type')).toContain('application/x-ndjson');
  const lines = (await res.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ImportProgressLine);
  return lines;
}

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`roster import on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let eventId: string;
    let waveId: string;
    const preview = async (csv: string | Uint8Array, wave = waveId) =>
      a.call(`/api/events/${eventId}/import/preview?wave=${wave}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: csv,
      });

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      eventId = (await json(await a.call('/api/events', { json: { name: 'Impor' } }))).id;
      waveId = (await json(await a.call(`/api/events/${eventId}/waves`, { json: WAVE_1 }))).id;
    });
    afterAll(async () => t?.dispose());

    it('previews a messy office CSV without writing, then commits it in one go', async () => {
      const res = await preview(MESSY);
      expect(res.status).toBe(200);
      const p: ImportPreview = await json(res);
      expect(p.creates.map((c) => c.name)).toEqual([
        'Dr. H. Ahmad Syarifuddin, S.E.',
        "Siti Nur'aini",
        '=HYPERLINK("http://evil","klik")',
      ]);
      expect(p.creates[0]!.phone).toBe('+6281234567890');
      const codes = p.errors.map((e) => [e.line, e.code]);
      expect(codes).toContainEqual([6, expect.stringMatching(/phone/)]);
      expect(codes).toContainEqual([7, 'duplicate-in-file']);
      expect(codes).toContainEqual([8, 'unknown-wave']);
      expect(p.errors.every((e) => e.message.id && e.message.en)).toBe(true);
      // Nothing written yet.
      expect((await json(await a.call(`/api/events/${eventId}/participants`))).total).toBe(0);

      const lines = await commit(a, eventId, p.draftId);
      const done = lines.at(-1) as Extract<ImportProgressLine, { type: 'done' }>;
      expect(done).toMatchObject({
        type: 'done',
        result: { created: 3, updated: 0, unchanged: 0, skipped: 3 },
      });
      // The skipped rows come back to fix: the original cells and the reason, by line.
      const rejected = parseCsv(done.result.rejectedCsv ?? '').rows.map((r) => r.cells);
      expect(rejected.map((r) => r[0])).toEqual(['Baris / Line', '6', '7', '8']);
      expect(rejected[1]).toContain('bukan nomor');
      expect(rejected[3]!.at(-1)).toMatch(/Gelombang/);
      const list = await json(await a.call(`/api/events/${eventId}/participants`));
      expect(list.total).toBe(3);
      // The draft is spent.
      const again = await a.call(`/api/events/${eventId}/import/commit`, {
        json: { draftId: p.draftId },
      });
      expect(again.status).toBe(404);
    });

    it('re-importing an updated file updates people in place and never duplicates them', async () => {
      const updated =
        'nama,no hp,nama usaha\n' +
        "Siti Nur'aini,0813 1111 2222,Keripik Tempe Bu Siti (baru)\n" +
        'Dr. H. Ahmad Syarifuddin,+6281234567890,Koperasi Serpong; Jaya\n' +
        'Orang Baru,0896 7777 8888,Warung\n';
      const p: ImportPreview = await json(await preview(updated));
      expect(p.creates.map((c) => c.name)).toEqual(['Orang Baru']);
      expect(p.updates.map((u) => u.name).sort()).toEqual([
        'Dr. H. Ahmad Syarifuddin',
        "Siti Nur'aini",
      ]);
      const lines = await commit(a, eventId, p.draftId);
      expect(lines.at(-1)).toMatchObject({ type: 'done', result: { created: 1, updated: 2 } });
      const all = await json(await a.call(`/api/events/${eventId}/participants?limit=100`));
      expect(all.total).toBe(4);
      const siti = all.participants.find((x: { phone: string }) => x.phone === '+6281311112222');
      expect(siti.business).toBe('Keripik Tempe Bu Siti (baru)');
    });

    it('exports formula-looking names as text in the tickets CSV', async () => {
      const res = await a.call(`/api/events/${eventId}/tickets.csv`);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text).toContain(`'=HYPERLINK(""http://evil"",""klik"")`);
      expect(text).not.toMatch(/(^|[;\n])=HYPERLINK/);
      expect(text).toContain('https://hadir.test/t#H1.');
    });

    it('rejects a binary file, missing columns and a 50 MB upload with clear errors', async () => {
      const png = new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48,
      ]);
      const bin = await preview(png);
      expect(bin.status).toBe(400);
      expect((await json(bin)).error.code).toBe('csv-binary');
      const cols = await preview('alamat,kota\nJl. Merdeka,Tangsel\n');
      expect(cols.status).toBe(400);
      const err = (await json(cols)).error;
      expect(err.code).toBe('csv-missing-columns');
      expect(err.messages.id).toMatch(/nama/i);
      const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
      const huge = await preview(big);
      expect(huge.status).toBe(413);
      expect((await json(huge)).error.code).toBe('payload-too-large');
    });

    it('imports 10,000 rows in one transaction with progress lines', async () => {
      const rows = ['nama;nama usaha;whatsapp'];
      for (let i = 0; i < 10_000; i++)
        rows.push(`Peserta ${i};Usaha ${i};0812${String(10_000_000 + i)}`);
      const p: ImportPreview = await json(await preview(rows.join('\n')));
      expect(p.errors).toEqual([]);
      expect(p.creates.length).toBe(10_000);
      const lines = await commit(a, eventId, p.draftId);
      const progress = lines.filter((l) => l.type === 'progress');
      expect(progress.length).toBeGreaterThan(10);
      expect(progress.at(-1)).toEqual({ type: 'progress', done: 10_000, total: 10_000 });
      expect(lines.at(-1)).toMatchObject({ type: 'done', result: { created: 10_000 } });
      const list = await json(await a.call(`/api/events/${eventId}/participants?limit=1`));
      expect(list.total).toBe(10_004);
    }, 120_000);
  });
}
