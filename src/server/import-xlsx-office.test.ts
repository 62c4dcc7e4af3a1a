// An office's workbook as Excel writes it — a merged title above the header, a date row, phones
// and NIK typed as numbers, a date column, a second sheet of notes — imports to exactly the same
// participants as the same roster saved as CSV (issue 11, acceptance 5).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportProgressLine, Participant } from '../shared/api/schemas.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

const HEADER = ['No', 'Nama Peserta', 'Nomor WhatsApp', 'Nama Usaha', 'NIK', 'Email', 'Tgl Lahir'];
const PEOPLE: [string, number | string, string, number | null, string | null, Date][] = [
  [
    'Siti Aminah',
    8123456789,
    'Keripik Tempe Bu Siti',
    3674011234560001,
    null,
    new Date(Date.UTC(1980, 4, 17)),
  ],
  [
    'Budi Santoso, S.E.',
    6281311112222,
    'Kopi Pamulang',
    null,
    'budi@contoh.id',
    new Date(Date.UTC(1975, 0, 2)),
  ],
  [
    'Rina Wati',
    '0857-3333-4444',
    'Batik Ciputat',
    3674025505850002,
    null,
    new Date(Date.UTC(1985, 4, 15)),
  ],
];

async function officeWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Gelombang 1');
  ws.addRow(['DAFTAR PESERTA PELATIHAN UMKM DAN KOPERASI KOTA TANGERANG SELATAN']);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(['Aula Blandongan, Puspemkot Tangsel']);
  ws.mergeCells(2, 1, 2, HEADER.length);
  ws.addRow([]);
  ws.addRow(HEADER);
  PEOPLE.forEach(([name, phone, business, nik, email, born], i) => {
    const row = ws.addRow([i + 1, name, phone, business, nik, email, born]);
    row.getCell(7).numFmt = 'dd/mm/yyyy';
  });
  const notes = wb.addWorksheet('Catatan');
  notes.addRow(['Disusun oleh Dinas Koperasi dan UKM']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same roster as the office would save it from Excel as CSV (';', phones as text). */
function officeCsv(): string {
  const lines = [
    'DAFTAR PESERTA PELATIHAN UMKM DAN KOPERASI KOTA TANGERANG SELATAN;;;;;;',
    'Aula Blandongan, Puspemkot Tangsel;;;;;;',
    ';;;;;;',
    HEADER.join(';'),
    '1;Siti Aminah;08123456789;Keripik Tempe Bu Siti;3674011234560001;;17/05/1980',
    '2;"Budi Santoso, S.E.";+62 813-1111-2222;Kopi Pamulang;;budi@contoh.id;02/01/1975',
    '3;Rina Wati;0857-3333-4444;Batik Ciputat;3674025505850002;;15/05/1985',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`an office workbook and its CSV on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
    });
    afterAll(async () => t?.dispose());

    /** Imports a file into a new event; its participants as the office would compare them. */
    const importInto = async (
      name: string,
      body: Uint8Array | string,
      type: string,
      sheet = '',
    ) => {
      const eventId = (await json(await a.call('/api/events', { json: { name } }))).id;
      const waveId = (await json(await a.call(`/api/events/${eventId}/waves`, { json: WAVE_1 })))
        .id;
      const res = await a.call(
        `/api/events/${eventId}/import/preview?wave=${waveId}${sheet && `&sheet=${encodeURIComponent(sheet)}`}`,
        { method: 'POST', headers: { 'content-type': type }, body },
      );
      expect(res.status).toBe(200);
      const p: ImportPreview = await json(res);
      expect(p.errors).toEqual([]);
      const lines = (
        await (
          await a.call(`/api/events/${eventId}/import/commit`, { json: { draftId: p.draftId } })
        ).text()
      )
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as ImportProgressLine);
      expect(lines.at(-1)).toMatchObject({ type: 'done', result: { created: PEOPLE.length } });
      const list: { participants: Participant[] } = await json(
        await a.call(`/api/events/${eventId}/participants`),
      );
      return list.participants
        .map((p) => ({
          name: p.name,
          business: p.business,
          phone: p.phone,
          nik: p.nik,
          email: p.email,
        }))
        .sort((x, y) => x.name.localeCompare(y.name));
    };

    it('imports the same participants from the workbook and from the CSV', async () => {
      const fromExcel = await importInto(
        'Dari Excel',
        await officeWorkbook(),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Gelombang 1',
      );
      const fromCsv = await importInto('Dari CSV', officeCsv(), 'text/csv');
      expect(fromExcel).toEqual(fromCsv);
      expect(fromExcel).toEqual([
        {
          name: 'Budi Santoso, S.E.',
          business: 'Kopi Pamulang',
          phone: '+6281311112222',
          nik: null,
          email: 'budi@contoh.id',
        },
        {
          name: 'Rina Wati',
          business: 'Batik Ciputat',
          phone: '+6285733334444',
          nik: '3674025505850002',
          email: null,
        },
        {
          name: 'Siti Aminah',
          business: 'Keripik Tempe Bu Siti',
          phone: '+628123456789',
          nik: '3674011234560001',
          email: null,
        },
      ]);
    });
  });
}
