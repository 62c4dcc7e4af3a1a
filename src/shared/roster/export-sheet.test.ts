import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import type { ExportSheet } from './export-sheet.js';
import { officeRows, sheetCsv } from './export-sheet.js';

const sheet: ExportSheet = {
  name: 'Tiket',
  columns: [{ header: 'nama' }, { header: 'no_hp', kind: 'phone' }, { header: 'nik', kind: 'nik' }],
  rows: [
    ['Siti Aminah', '+6281234567890', '3674011234560001'],
    ['=HYPERLINK("http://x")', '+6591234567', ''],
  ],
};

describe('sheetCsv', () => {
  it("writes ';' by default, with a BOM and CRLF, phones and NIKs in their office form", () => {
    const csv = sheetCsv(sheet);
    expect(csv).toBe(
      '\uFEFFnama;no_hp;nik\r\n' +
        'Siti Aminah;0812-3456-7890;3674 0112 3456 0001\r\n' +
        `"'=HYPERLINK(""http://x"")";(+65) 91234567;\r\n`,
    );
    expect(parseCsv(csv).delimiter).toBe(';');
  });

  it("writes ',' when asked, and no phone cell starts with an apostrophe or +", () => {
    const parsed = parseCsv(sheetCsv(sheet, ','));
    expect(parsed.delimiter).toBe(',');
    const phones = parsed.rows.slice(1).map((r) => r.cells[1]!);
    expect(phones).toEqual(['0812-3456-7890', '(+65) 91234567']);
    expect(parsed.rows[2]!.cells[0]).toBe(`'=HYPERLINK("http://x")`);
  });
});

describe('officeRows', () => {
  it('keeps the 16 digits of a NIK in a workbook, where the cell is text', () => {
    expect(officeRows(sheet, 'xlsx')[1]).toEqual([
      'Siti Aminah',
      '0812-3456-7890',
      '3674011234560001',
    ]);
  });
});
