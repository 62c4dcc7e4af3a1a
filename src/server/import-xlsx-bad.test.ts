// Bad Excel uploads (issue 11, acceptance 5): a zip of something else renamed to .xlsx, a
// password-protected workbook or an old .xls, a 50 MB upload and zip bombs. Each is refused with
// words in Indonesian and English, stores nothing (no import draft, no participants) and leaves
// the server answering the next request at once. SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';
import { deflatedPart, spacesBomb, workbookShell, zipOf } from './testing/zip.js';

const MB = 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A body of `total` bytes handed over 1 MB at a time, counting what the server pulled. */
function countedStream(total: number, head: Uint8Array) {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(MB);
  const body = new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (pulled.bytes >= total) return ctrl.close();
      const next =
        pulled.bytes === 0 ? Uint8Array.from({ length: MB }, (_, i) => head[i] ?? 0) : chunk;
      pulled.bytes += next.length;
      ctrl.enqueue(next);
    },
  });
  return { body, pulled };
}

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`bad Excel uploads on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let eventId: string;
    let waveId: string;

    const preview = (body: RequestInit['body'], init: RequestInit = {}) =>
      a.call(`/api/events/${eventId}/import/preview?wave=${waveId}`, {
        method: 'POST',
        body,
        ...init,
        headers: { 'content-type': XLSX_TYPE, ...(init.headers as Record<string, string>) },
      });

    /** The refusal's code and words; then: nothing stored, and the server answers at once. */
    async function refused(res: Response, status: number) {
      expect(res.status).toBe(status);
      const { error } = await json(res);
      expect(error.messages.id.length).toBeGreaterThan(20);
      expect(error.messages.en.length).toBeGreaterThan(20);
      expect(await t.store.db.selectFrom('import_drafts').selectAll().execute()).toEqual([]);
      const list = await json(await a.call(`/api/events/${eventId}/participants`));
      expect(list.total).toBe(0);
      const started = performance.now();
      expect((await a.call('/api/health')).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(500);
      return error as { code: string; messages: { id: string; en: string } };
    }

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      eventId = (await json(await a.call('/api/events', { json: { name: 'Impor Rusak' } }))).id;
      waveId = (await json(await a.call(`/api/events/${eventId}/waves`, { json: WAVE_1 }))).id;
    });
    afterAll(async () => t?.dispose());

    it('a zip of something else renamed to .xlsx: cannot be read', async () => {
      const renamed = zipOf([deflatedPart('catatan.txt', 'Nama;No HP\nSiti;0812-3456-7890\n')]);
      const error = await refused(await preview(renamed), 400);
      expect(error.code).toBe('xlsx-unreadable');
      expect(error.messages.id).toContain('Simpan ulang sebagai .xlsx');
      // A zip cut short is the same to the office.
      const cut = zipOf([...workbookShell()]).slice(0, 60);
      expect((await refused(await preview(cut), 400)).code).toBe('xlsx-unreadable');
    });

    it('a password-protected workbook or an old .xls (OLE compound file): says so', async () => {
      const ole = new Uint8Array(8 * 1024);
      ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      ole.set(new TextEncoder().encode('EncryptedPackage'), 1024);
      const error = await refused(await preview(ole), 400);
      expect(error.code).toBe('xlsx-protected');
      expect(error.messages.id).toBe(
        'Berkas Excel ini dilindungi kata sandi atau berformat .xls lama — buka di Excel, hapus kata sandinya / simpan sebagai .xlsx, lalu unggah lagi.',
      );
      expect(error.messages.en).toContain('password-protected');
      // A zip whose entries are encrypted is refused the same way.
      const locked = zipOf([...workbookShell()].map((p) => ({ ...p, flags: 1 })));
      expect((await refused(await preview(locked), 400)).code).toBe('xlsx-protected');
    });

    it('a 50 MB workbook: 413 naming the limit, without reading it all', async () => {
      const head = zipOf(workbookShell());
      // Declared up front: refused on the Content-Length, before a byte of the body is read.
      const declared = countedStream(50 * MB, head);
      const res = await preview(declared.body, {
        headers: { 'content-length': String(50 * MB) },
        duplex: 'half',
      } as RequestInit);
      const error = await refused(res, 413);
      expect(error.code).toBe('payload-too-large');
      expect(error.messages.id).toContain('maksimal 20 MB');
      expect(error.messages.en).toContain('at most 20 MB');
      expect(declared.pulled.bytes).toBeLessThanOrEqual(2 * MB);
      // Streamed without a length: cut off once past the limit.
      const streamed = countedStream(50 * MB, head);
      const res2 = await preview(streamed.body, { duplex: 'half' } as RequestInit);
      expect((await refused(res2, 413)).code).toBe('payload-too-large');
      expect(streamed.pulled.bytes).toBeLessThanOrEqual(23 * MB);
    });

    it('a zip bomb declaring 1 GB: refused by its declared size, fast', async () => {
      const started = performance.now();
      const bomb = spacesBomb(64);
      const file = zipOf([
        ...workbookShell(),
        { name: 'xl/worksheets/sheet1.xml', method: 8, crc: 0, ...bomb },
      ]);
      expect(file.length).toBeLessThan(2 * MB);
      const error = await refused(await preview(file), 400);
      expect(error.code).toBe('xlsx-too-large');
      expect(error.messages.id).toContain('100 MB');
      expect(performance.now() - started).toBeLessThan(5000);
    });

    it('a zip bomb lying about its size: stopped while inflating, fast', async () => {
      const started = performance.now();
      const bomb = spacesBomb(64);
      const file = zipOf([
        ...workbookShell(),
        { name: 'xl/worksheets/sheet1.xml', method: 8, crc: 0, data: bomb.data, size: 900_000 },
      ]);
      const before = process.memoryUsage().arrayBuffers;
      const error = await refused(await preview(file), 400);
      expect(error.code).toBe('xlsx-too-large');
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(200 * MB);
      expect(performance.now() - started).toBeLessThan(5000);
    });

    it('an entry that unpacks 1000:1 under the total cap: refused by its ratio', async () => {
      const bomb = spacesBomb(4); // 64 MB from ~64 KB
      const file = zipOf([
        ...workbookShell(),
        { name: 'xl/worksheets/sheet1.xml', method: 8, crc: 0, ...bomb },
      ]);
      expect((await refused(await preview(file), 400)).code).toBe('xlsx-too-large');
    });
  });
}
