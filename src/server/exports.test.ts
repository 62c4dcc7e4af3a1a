// The office's downloads: tickets and attendance as .xlsx (phones and NIKs as text cells, a bold
// frozen header) and as CSV for Excel (';' unless ?sep=comma, a BOM, phones as 0812-…, NIKs in
// groups), read back the way Excel and our own import read them. SQLite and PostgreSQL.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { ImportPreview } from '../shared/api/schemas.js';
import { parseCsv } from '../shared/roster/csv.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

const FORMULA_NAME = '=HYPERLINK("http://evil","klik")';

async function download(a: TestApp, path: string) {
  const res = await a.call(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function readSheet(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb.worksheets[0]!;
}

/** The column of the header `name`, 1-based as exceljs counts. */
function column(ws: ExcelJS.Worksheet, name: string): number {
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  const i = headers.indexOf(name);
  expect(i, `header ${name} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

/** Rows of a CSV download as cells, header first, and the separator it was written with. */
function csvRows(bytes: Uint8Array) {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/);
  const parsed = parseCsv(text);
  return { delimiter: parsed.delimiter, rows: parsed.rows.map((r) => r.cells) };
}

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`tickets and attendance exports on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let tablet: PairResult;
    let base: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan UMKM 2026');
      base = `/api/events/${f.event.id}`;
      for (const [name, phone] of [
        [FORMULA_NAME, '0813-1111-2222'],
        ['Mei Ling', '+65 9123 4567'],
      ]) {
        const res = await a.call(`${base}/participants`, {
          json: { waveId: f.waves.a, name, business: '@Usaha', phone },
        });
        expect(res.status).toBe(201);
      }
      const session = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      tablet = await pairAtDoor(a, f.event.id, {
        name: 'Tablet 1',
        door: 'Pintu Utara',
        waveIds: [f.waves.a],
      });
      await push(a, tablet, [
        scan(tablet, session, f.participants.a[0]!.id),
        scan(tablet, session, null, {
          kind: 'walk-in',
          walkIn: { name: '+Tamu Dadakan', business: 'Kopi', phone: '+628120000001' },
        }),
      ]);
    });
    afterAll(async () => t?.dispose());

    it('tickets as .xlsx: phone and NIK are text cells, header bold and frozen', async () => {
      const { res, bytes } = await download(a, `${base}/tickets.xlsx`);
      expect(res.headers.get('content-type')).toContain('spreadsheetml.sheet');
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="tiket-pelatihan-umkm-2026.xlsx"',
      );
      const ws = await readSheet(bytes);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.getColumn(column(ws, 'tautan_tiket')).width).toBeGreaterThan(20);
      const byName = new Map<string, ExcelJS.Row>();
      ws.eachRow((row, n) => {
        if (n > 1) byName.set(String(row.getCell(column(ws, 'nama')).value), row);
      });
      expect(byName.size).toBe(23 + 9 + 6 + 2);
      const first = f.participants.a[0]!;
      const row = byName.get(first.name)!;
      for (const [header, expected] of [
        ['no_hp', '0812-9876-0000'],
        ['nik', '3674010101900000'],
      ] as const) {
        const cell = row.getCell(column(ws, header));
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(expected);
        expect(cell.numFmt).toBe('@');
      }
      // Kept exactly as typed, as a string: Excel shows it and never runs it.
      const formula = byName.get(FORMULA_NAME)!.getCell(column(ws, 'nama'));
      expect(formula.type).toBe(ExcelJS.ValueType.String);
      expect(byName.get('Mei Ling')!.getCell(column(ws, 'no_hp')).value).toBe('(+65) 91234567');
    });

    it("tickets as CSV: ';' unless ?sep=comma, phones as 0812-…, NIK in groups, formulas neutralised", async () => {
      const semi = csvRows((await download(a, `${base}/tickets.csv`)).bytes);
      expect(semi.delimiter).toBe(';');
      const comma = csvRows((await download(a, `${base}/tickets.csv?sep=comma`)).bytes);
      expect(comma.delimiter).toBe(',');
      expect(comma.rows).toEqual(semi.rows);
      const [header, ...rows] = semi.rows;
      const phone = header!.indexOf('no_hp');
      const nik = header!.indexOf('nik');
      const name = header!.indexOf('nama');
      for (const r of rows) {
        expect(r[phone]).not.toMatch(/^['+]/);
        expect(r[phone]).toMatch(/^(08\d{2}-\d{3,4}-\d{3,5}|\(\+\d{1,3}\) \d+)$/);
      }
      const first = rows.find((r) => r[name] === f.participants.a[0]!.name)!;
      expect(first[phone]).toBe('0812-9876-0000');
      expect(first[nik]).toBe('3674 0101 0190 0000');
      expect(rows.find((r) => r[name] === `'${FORMULA_NAME}`)?.[phone]).toBe('0813-1111-2222');
      expect(rows.some((r) => r.some((c) => /^[=+@-]/.test(c)))).toBe(false);
      const bad = await a.call(`${base}/tickets.csv?sep=tab`);
      expect(bad.status).toBe(400);
      expect((await json(bad)).error.code).toBe('validation');
    });

    it('tickets exports import back: nothing created, nothing rejected', async () => {
      for (const format of ['xlsx', 'csv', 'csv?sep=comma']) {
        const { bytes } = await download(a, `${base}/tickets.${format}`);
        const res = await a.call(`${base}/import/preview?wave=${f.waves.a}`, {
          method: 'POST',
          body: bytes,
        });
        expect(res.status, await res.clone().text()).toBe(200);
        const p: ImportPreview = await json(res);
        expect(p.errors, format).toEqual([]);
        expect(p.creates, format).toEqual([]);
        // The CSV's apostrophe before formula-looking text ("=HYPERLINK…", "@Usaha") is what
        // keeps the office safe; read back, those two rows differ.
        expect(p.updates.map((u) => u.name).sort(), format).toEqual(
          format === 'xlsx' ? [] : [`'${FORMULA_NAME}`, 'Mei Ling'],
        );
      }
    });

    it('attendance as .xlsx and CSV, with each attendee’s phone as text', async () => {
      const { res, bytes } = await download(a, `${base}/attendance.xlsx`);
      expect(res.headers.get('content-disposition')).toContain(
        'kehadiran-pelatihan-umkm-2026.xlsx',
      );
      const ws = await readSheet(bytes);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.rowCount).toBe(1 + 2);
      const phoneCol = column(ws, 'no_hp');
      const cells = [2, 3].map((r) => ws.getRow(r).getCell(phoneCol));
      const member = cells.find((c) => c.value === '0812-9876-0000')!;
      expect(member.type).toBe(ExcelJS.ValueType.String);
      expect(member.numFmt).toBe('@');
      // A walk-in's phone as the door took it down.
      expect(cells.map((c) => c.value).sort()).toEqual(['0812-000-0001', '0812-9876-0000']);
      const when = ws.getRow(2).getCell(column(ws, 'waktu_masuk_wib')).value;
      expect(when).toMatch(/^2026-12-08 \d{2}:\d{2}:\d{2}$/);

      const csv = csvRows((await download(a, `${base}/attendance.csv`)).bytes);
      expect(csv.delimiter).toBe(';');
      const header = csv.rows[0]!;
      expect(header.slice(0, 7)).toEqual([
        'sesi',
        'id_sesi',
        'id_peserta',
        'nama',
        'nama_usaha',
        'no_hp',
        'waktu_masuk_wib',
      ]);
      const phones = csv.rows.slice(1).map((r) => r[5]);
      expect(phones.sort()).toEqual(['0812-000-0001', '0812-9876-0000']);
      expect(csv.rows.some((r) => r[3] === "'+Tamu Dadakan")).toBe(true);
      const comma = csvRows((await download(a, `${base}/attendance.csv?sep=comma`)).bytes);
      expect(comma.delimiter).toBe(',');
      expect(comma.rows).toEqual(csv.rows);
    });
  });
}
