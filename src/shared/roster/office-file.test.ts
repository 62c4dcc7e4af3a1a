// A roster as it really arrives from an office: Excel in an Indonesian locale, a BOM, ';',
// columns in their own order, quotes, a blank line, a pasted-twice row, typos.
import { describe, expect, it } from 'vitest';
import { mapHeader } from './columns.js';
import { parseCsv } from './csv.js';
import { ROSTER_PROBLEM_CODES } from './problems.js';
import { readRosterCsv } from './read.js';
import { validateRows } from './validate.js';

const WAVES = [
  { id: 'w1', name: 'Gelombang 1' },
  { id: 'w2', name: 'Gelombang 2' },
];

const FILE = [
  '\uFEFFNo;NIK;Nama Lengkap;Gelombang;No. HP / WhatsApp;Nama Usaha',
  '1;3674 0101 0180 0001;Dr. H. Ahmad Syarifuddin, S.E.;Gelombang 1;0812-3456-7001;"Koperasi Simpan Pinjam ""Serpong Jaya""; Unit 2"',
  "2;;Siti Nur'aini;1;'081234567002;Keripik Tempe Bu Siti",
  '',
  "3;3674.0202.0290.0002;Muhammad Ma'ruf;Gelombang 2;+62 813 1111 2222;Kopi Pamulang",
  '4;;"=HYPERLINK(""http://evil"",""klik"")";1;0857 1234 5678;Batik Ciputat',
  '5;;Budi Santoso;1;0812.3456.7001;Laundry Kiloan Pondok Aren',
  '6;;Rina Marlina;1;12345;Catering Bu Rina',
  '7;367401010180 0001;Ahmad S.;1;0813 9999 8888;',
  '8;;"Hj. Euis',
  'Kurniasih";wave 2;(0878) 1234 5678;Penjahit Setu',
  '9;;Tan Hock Seng;Gelombang 3;0878-1234-0009;Toko Kue Ciater',
  '10;;   ;1;0878-1234-0010;',
  "11;3674.0202.0290.0002;Muhammad Ma'ruf;Gelombang 2;+62 813 1111 2222;Kopi Pamulang",
  '12;;<script>alert(1)</script>;2;0896 1234 0012;"\'; DROP TABLE participants; --"',
  '13;;Dewi\u0007  Lestari\t;II;0821 1234 0013;Laundry',
].join('\r\n');

describe('a messy office roster', () => {
  const parsed = parseCsv(FILE);
  const [header, ...body] = parsed.rows;
  const mapped = mapHeader(header!.cells);
  if (!mapped.ok) throw new Error(mapped.problem.message.en);
  const { valid, errors } = validateRows(body, mapped.columns, { waves: WAVES });
  const errorsAt = (line: number) =>
    errors.filter((e) => e.line === line).map((e) => e.problem.code);

  it('reads the header in its own order', () => {
    expect(parsed.delimiter).toBe(';');
    expect(mapped.columns).toEqual({
      name: 2,
      phone: 4,
      business: 5,
      email: null,
      nik: 1,
      wave: 3,
    });
    expect(mapped.ignored).toEqual(['No']);
  });

  it('keeps titles, commas and apostrophes in names exactly', () => {
    expect(valid.find((r) => r.line === 2)).toEqual({
      line: 2,
      name: 'Dr. H. Ahmad Syarifuddin, S.E.',
      business: 'Koperasi Simpan Pinjam "Serpong Jaya"; Unit 2',
      phone: '+6281234567001',
      email: null,
      nik: '3674010101800001',
      wave: 'Gelombang 1',
      waveId: 'w1',
    });
    expect(valid.find((r) => r.line === 3)?.name).toBe("Siti Nur'aini");
    expect(valid.find((r) => r.line === 5)?.name).toBe("Muhammad Ma'ruf");
  });

  it('keeps formula-looking and markup-looking text verbatim', () => {
    expect(valid.find((r) => r.line === 6)?.name).toBe('=HYPERLINK("http://evil","klik")');
    const line15 = valid.find((r) => r.line === 15);
    expect(line15?.name).toBe('<script>alert(1)</script>');
    expect(line15?.business).toBe("'; DROP TABLE participants; --");
  });

  it('joins a name broken over two lines and names the row by its first line', () => {
    expect(valid.find((r) => r.line === 10)).toMatchObject({
      name: 'Hj. Euis Kurniasih',
      phone: '+6287812345678',
      waveId: 'w2',
    });
  });

  it('removes control characters and collapses spaces; reads roman wave numbers', () => {
    expect(valid.find((r) => r.line === 16)).toMatchObject({ name: 'Dewi Lestari', waveId: 'w2' });
  });

  it('reports each bad row on its spreadsheet line, with a code and both languages', () => {
    expect(valid.map((r) => r.line)).toEqual([2, 3, 5, 6, 10, 15, 16]);
    expect(errorsAt(7)).toEqual(['duplicate-in-file']);
    expect(errorsAt(8)).toEqual(['phone-invalid']);
    expect(errorsAt(9)).toEqual(['duplicate-in-file']);
    expect(errorsAt(12)).toEqual(['unknown-wave']);
    expect(errorsAt(13)).toEqual(['name-required']);
    expect(errorsAt(14)).toEqual(['duplicate-in-file', 'duplicate-in-file']);
    const at = (line: number) => errors.find((e) => e.line === line)!;
    expect(at(7)).toMatchObject({ field: 'phone' });
    expect(at(7).problem.message.id).toContain('baris 2');
    expect(at(7).problem.message.en).toContain('line 2');
    expect(at(9)).toMatchObject({ field: 'nik' });
    expect(at(8).problem.message.en).toContain('"12345"');
    expect(at(12).problem.message.id).toContain('Gelombang 1, Gelombang 2');
    for (const e of errors) {
      expect(ROSTER_PROBLEM_CODES).toContain(e.problem.code);
      expect(e.problem.message.id.length).toBeGreaterThan(5);
      expect(e.problem.message.en.length).toBeGreaterThan(5);
    }
  });

  it('gives the same answer through readRosterCsv in one call', () => {
    const out = readRosterCsv(FILE, { waves: WAVES });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.file.totalRows).toBe(13);
    expect(out.file.valid).toEqual(valid);
    expect(out.file.errors).toEqual(errors);
  });
});

describe('readRosterCsv', () => {
  it('rejects a file without rows, or without the required columns', () => {
    const code = (text: string) => {
      const out = readRosterCsv(text, { waves: WAVES });
      return out.ok ? 'ok' : out.problem.code;
    };
    expect(code('')).toBe('csv-empty');
    expect(code('\n\n')).toBe('csv-empty');
    expect(code('Nama;No HP\r\n')).toBe('csv-no-rows');
    expect(code('Nama;Usaha\r\nSiti;Kopi\r\n')).toBe('csv-missing-columns');
    expect(code('Nama;Telepon;HP\r\nSiti;1;2\r\n')).toBe('csv-duplicate-column');
  });

  it('turns a quote that never closes into an error on its line, and drops that row', () => {
    const out = readRosterCsv(
      'Nama,HP\nSiti,0812 3456 7001\n"Budi,0812 3456 7002\nAni,0812 3456 7003\n',
      {
        waves: WAVES,
      },
    );
    if (!out.ok) throw new Error(out.problem.code);
    expect(out.file.valid.map((r) => r.line)).toEqual([2]);
    expect(out.file.errors.map((e) => [e.line, e.problem.code])).toContainEqual([
      3,
      'csv-unclosed-quote',
    ]);
  });
});
