import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, neutraliseCell, parseCsv, writeCsv } from './csv.js';

const cells = (text: string) => parseCsv(text).rows.map((r) => r.cells);

describe('parseCsv', () => {
  it('reads plain comma CSV with LF', () => {
    const out = parseCsv('a,b,c\n1,2,3\n');
    expect(out.delimiter).toBe(',');
    expect(out.rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '2', '3'] },
    ]);
    expect(out.unclosedQuoteLine).toBeNull();
  });

  it('strips a BOM and detects the semicolon Excel writes in an Indonesian locale', () => {
    const out = parseCsv('\uFEFFNama;No HP\r\nSiti;0812\r\n');
    expect(out.delimiter).toBe(';');
    expect(out.rows[0]!.cells).toEqual(['Nama', 'No HP']);
  });

  it('detects tabs', () => {
    expect(parseCsv('Nama\tNo HP\nSiti\t0812').delimiter).toBe('\t');
  });

  it('detects from the header only, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('"a,b,c";d\n1,2,3,4,5,6')).toBe(';');
    expect(detectDelimiter('\n\n;;;\nNama,HP\n')).toBe(',');
    expect(detectDelimiter('Nama')).toBe(',');
  });

  it('honours quotes: delimiters, doubled quotes and newlines inside', () => {
    expect(cells('x;y\n"Toko ""Maju""; Jaya";"baris 1\nbaris 2"\n')).toEqual([
      ['x', 'y'],
      ['Toko "Maju"; Jaya', 'baris 1\nbaris 2'],
    ]);
  });

  it('numbers records by the physical line they start on, across CRLF, CR and quoted breaks', () => {
    const text = 'h1,h2\r\n"a\r\nb",c\r\n\r\nd,e\rf,g\n';
    expect(parseCsv(text).rows.map((r) => r.line)).toEqual([1, 2, 5, 6]);
  });

  it('skips wholly blank lines and delimiter-only rows, but keeps quoted empty cells', () => {
    expect(cells('a;b\n\n   \n;;\n"";\n1;2\n')).toEqual([
      ['a', 'b'],
      ['', ''],
      ['1', '2'],
    ]);
  });

  it('keeps empty cells and trailing empties', () => {
    expect(cells('a,b,c\n1,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
  });

  it('treats text after a closing quote as part of the cell, like Excel', () => {
    expect(cells('a,b\n"x"y,z\n')).toEqual([
      ['a', 'b'],
      ['xy', 'z'],
    ]);
  });

  it('keeps a quote in the middle of an unquoted cell literally', () => {
    expect(cells('a,b\nJl. "Melati",2\n')[1]).toEqual(['Jl. "Melati"', '2']);
  });

  it('reports a quote that never closes, with its line', () => {
    const out = parseCsv('a,b\n1,2\n"oops,3\n4,5\n');
    expect(out.unclosedQuoteLine).toBe(3);
    expect(out.rows[2]).toEqual({ line: 3, cells: ['oops,3\n4,5\n'] });
  });

  it('handles empty input', () => {
    expect(parseCsv('')).toEqual({ delimiter: ',', rows: [], unclosedQuoteLine: null });
    expect(parseCsv('\uFEFF').rows).toEqual([]);
  });

  it('parses 10,000 rows in one linear pass', () => {
    const line = 'Siti Aminah;"Keripik; Tempe";081234567890;3674012345678901;Gelombang 1\r\n';
    const out = parseCsv(`Nama;Usaha;HP;NIK;Gelombang\r\n${line.repeat(10_000)}`);
    expect(out.rows).toHaveLength(10_001);
    expect(out.rows[10_000]).toEqual({
      line: 10_001,
      cells: ['Siti Aminah', 'Keripik; Tempe', '081234567890', '3674012345678901', 'Gelombang 1'],
    });
  });
});

describe('neutraliseCell', () => {
  it('prefixes an apostrophe to formula-looking cells', () => {
    expect(neutraliseCell('=HYPERLINK("http://evil","klik")')).toBe(
      `'=HYPERLINK("http://evil","klik")`,
    );
    for (const s of ['+6281234567890', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseCell(s)).toBe(`'${s}`);
    }
  });

  it('leaves everything else alone', () => {
    for (const s of ['', 'Siti', "Ma'ruf", ' =1', '081234567890', "'already"]) {
      expect(neutraliseCell(s)).toBe(s);
    }
  });
});

describe('writeCsv', () => {
  it('writes a BOM, CRLF, quotes where needed and neutralises formulas', () => {
    const out = writeCsv([
      ['nama', 'catatan'],
      ['=1+1', 'a,b'],
      ['Toko "Maju"', 'x\ny'],
    ]);
    expect(out).toBe('\uFEFFnama,catatan\r\n\'=1+1,"a,b"\r\n"Toko ""Maju""","x\ny"\r\n');
  });

  it('uses the delimiter asked for', () => {
    expect(writeCsv([['a', 'b;c']], { delimiter: ';' })).toBe('\uFEFFa;"b;c"\r\n');
  });

  it('keeps an all-blank row by quoting it', () => {
    expect(
      cells(
        writeCsv([
          ['h1', 'h2'],
          ['', ' '],
          ['1', '2'],
        ]),
      ),
    ).toEqual([
      ['h1', 'h2'],
      ['', ' '],
      ['1', '2'],
    ]);
  });

  it('round-trips any cells (neutralised ones come back with the apostrophe)', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 });
    const anyCell = fc.oneof(cell, fc.stringMatching(/^[=+\-@\t\r";,\n ]{0,4}[a-z]{0,3}$/));
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t'),
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.array(anyCell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (delimiter, width, rows) => {
          // A real export has a header of two or more columns; that is what reveals the delimiter.
          const header = Array.from({ length: width }, (_, i) => `kolom ${i}`);
          const all = [header, ...rows];
          const parsed = parseCsv(writeCsv(all, { delimiter }));
          expect(parsed.delimiter).toBe(delimiter);
          expect(parsed.unclosedQuoteLine).toBeNull();
          expect(parsed.rows.map((r) => r.cells)).toEqual(all.map((r) => r.map(neutraliseCell)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips with the default comma and no header at all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 4 }), {
          maxLength: 6,
        }),
        (rows) => {
          const parsed = parseCsv(writeCsv(rows));
          expect(parsed.rows.map((r) => r.cells)).toEqual(rows.map((r) => r.map(neutraliseCell)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
