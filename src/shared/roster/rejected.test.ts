import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { rejectedRowsCsv } from './rejected.js';

describe('rejectedRowsCsv', () => {
  it('keeps the header and the skipped rows with their reasons, and reads back as CSV', () => {
    const text = 'nama,no hp\nSiti,0812 3456 7890\nBudi,bukan nomor\n"Rina; Wati",12345\n';
    const csv = rejectedRowsCsv(text, [
      { line: 3, message: { id: 'Nomor HP tidak valid', en: 'Invalid phone' } },
      { line: 4, message: { id: 'Nomor HP tidak valid', en: 'Invalid phone' } },
      { line: 4, message: { id: 'Nama bertanda titik koma', en: 'Name has a semicolon' } },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv).rows.map((r) => r.cells);
    expect(rows).toEqual([
      ['Baris / Line', 'nama', 'no hp', 'Alasan / Reason'],
      ['3', 'Budi', 'bukan nomor', 'Nomor HP tidak valid / Invalid phone'],
      [
        '4',
        'Rina; Wati',
        '12345',
        'Nomor HP tidak valid / Invalid phone · Nama bertanda titik koma / Name has a semicolon',
      ],
    ]);
  });
});
