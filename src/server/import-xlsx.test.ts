// Roster import from an Excel workbook (.xlsx), made here with exceljs the way an office saves
// one: phones and NIK typed as numbers (Excel drops the leading 0), a date column, a formula, a
// header row in Indonesian, and more than one sheet. Same preview and all-or-nothing commit as a CSV.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportProgressLine } from '../shared/api/schemas.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

async function workbook(sheets: { name: string; rows: ExcelJS.CellValue[][] }[]) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ROSTER = {
  name: 'Peserta',
  rows: [
    ['No', 'Nama Lengkap', 'No. HP / WhatsApp', 'Nama Usaha', 'NIK', 'Tanggal Daftar'],
    [
      1,
      'Siti Aminah',
      8123456789,
      'Keripik Tempe',
      3674011234560001,
      new Date(Date.UTC(2026, 10, 3)),
    ],
    [
      2,
      'Budi Santoso',
      '0813-1111-2222',
      { formula: 'CONCAT("Kopi ","Pamulang")', result: 'Kopi Pamulang' },
      null,
      null,
    ],
    [3, 'Rina Wati', 6285733334444, 'Batik Ciputat', null, null],
  ] as ExcelJS.CellValue[][],
};

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`roster import from .xlsx on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let eventId: string;
    let waveId: string;
    const preview = (file: Uint8Array, query = '') =>
      a.call(`/api/events/${eventId}/import/preview?wave=${waveId}${query}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        body: file,
      });

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      eventId = (await json(await a.call('/api/events', { json: { name: 'Impor Excel' } }))).id;
      waveId = (await json(await a.call(`/api/events/${eventId}/waves`, { json: WAVE_1 }))).id;
    });
    afterAll(async () => t?.dispose());

    it('reads numbers as the office typed them, previews, and commits all rows', async () => {
      const res = await preview(await workbook([ROSTER]));
      expect(res.status).toBe(200);
      const p: ImportPreview = await json(res);
      expect(p.errors).toEqual([]);
      expect(p.creates.map((c) => [c.name, c.phone, c.business])).toEqual([
        ['Siti Aminah', '+628123456789', 'Keripik Tempe'],
        ['Budi Santoso', '+6281311112222', 'Kopi Pamulang'],
        ['Rina Wati', '+6285733334444', 'Batik Ciputat'],
      ]);
      const done = (
        await (
          await a.call(`/api/events/${eventId}/import/commit`, { json: { draftId: p.draftId } })
        ).text()
      )
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as ImportProgressLine)
        .at(-1);
      expect(done).toMatchObject({ type: 'done', result: { created: 3 } });
      const list = await json(await a.call(`/api/events/${eventId}/participants?q=Siti`));
      expect(list.participants[0]).toMatchObject({
        name: 'Siti Aminah',
        phone: '+628123456789',
        nik: '3674011234560001',
      });
    });

    it('asks which sheet when several hold data, and reads the one chosen', async () => {
      const file = await workbook([
        { name: 'Catatan', rows: [['Dibuat oleh panitia'], ['Versi 2']] },
        { ...ROSTER, name: 'Gelombang 1' },
      ]);
      const res = await preview(file);
      expect(res.status).toBe(400);
      const body = await json(res);
      expect(body.error.code).toBe('xlsx-choose-sheet');
      expect(body.error.messages.id).toContain('Pilih lembar');
      expect(body.error.details.sheets).toEqual(['Catatan', 'Gelombang 1']);
      const chosen = await preview(file, `&sheet=${encodeURIComponent('Gelombang 1')}`);
      expect(chosen.status).toBe(200);
      // Already imported above: the same people are unchanged, not created twice.
      expect((await json(chosen)).unchanged).toBe(3);
      const wrong = await preview(file, '&sheet=Tidak%20Ada');
      expect((await json(wrong)).error.code).toBe('xlsx-no-sheet');
    });

    it('skips empty rows and names problems by the row number Excel shows', async () => {
      const file = await workbook([
        {
          name: 'Peserta',
          rows: [
            ['Nama', 'No HP'],
            ['Dewi Lestari', '0813 7777 0001'],
            [],
            ['Tono', 'bukan nomor'],
          ],
        },
      ]);
      const p: ImportPreview = await json(await preview(file));
      expect(p.creates.map((c) => c.name)).toEqual(['Dewi Lestari']);
      expect(p.errors.map((e) => e.line)).toEqual([4]);
    });

    it('refuses a damaged workbook in words', async () => {
      const broken = await workbook([ROSTER]);
      const res = await preview(broken.slice(0, 200));
      expect(res.status).toBe(400);
      const body = await json(res);
      expect(body.error.code).toBe('xlsx-unreadable');
      expect(body.error.messages.en).toContain('cannot be read');
    });

    it('hands out templates that import back as they are, Excel and CSV', async () => {
      for (const format of ['xlsx', 'csv'] as const) {
        const res = await a.call(`/api/events/${eventId}/import/template.${format}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toContain(`templat-peserta-hadir.${format}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (format === 'xlsx') {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(bytes.slice().buffer);
          const header = wb.worksheets[0]!.getRow(1).values as unknown[];
          expect(header.slice(1)).toEqual([
            'Nama Lengkap',
            'No. HP / WhatsApp',
            'Nama Usaha',
            'Email',
            'NIK',
            'Gelombang',
          ]);
          const nik = wb.worksheets[0]!.getRow(2).getCell(5);
          expect([nik.value, nik.type, nik.numFmt]).toEqual([
            '3674010101800001',
            ExcelJS.ValueType.String,
            '@',
          ]);
        } else {
          // A UTF-8 BOM and ';': what Excel in an Indonesian locale opens in columns.
          expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          expect(new TextDecoder().decode(bytes)).toMatch(/^Nama Lengkap;No\. HP/);
          // Kept as text by Excel: no leading 0 lost, no NIK rounded after 15 digits.
          expect(new TextDecoder().decode(bytes)).toContain(
            'Siti Aminah;0812-3456-7890;Keripik Tempe Bu Siti;siti.aminah@example.com;3674 0101 0180 0001;',
          );
        }
        const p: ImportPreview = await json(await preview(bytes));
        expect(p.errors).toEqual([]);
        expect(p.creates.map((c) => [c.name, c.phone, c.waveName])).toEqual([
          ['Siti Aminah', '+6281234567890', WAVE_1.name],
        ]);
      }
    });
  });
}
