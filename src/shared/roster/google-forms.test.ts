// A Google Forms response export, as an office downloads it from the form's spreadsheet: a
// timestamp column first, the respondent's email, question-style headers ("Nomor WhatsApp
// (aktif)"), commas and quotes. It imports without edits; the timestamp is ignored.
import { describe, expect, it } from 'vitest';
import { readRosterCsv } from './read.js';

const WAVES = [{ id: 'w1', name: 'Gelombang 1' }];

const FORMS_ID = [
  'Cap waktu,Alamat email,Nama Lengkap (sesuai KTP),Nomor WhatsApp (aktif),Nama Usaha / Koperasi,NIK',
  '03/11/2026 9:15:22,siti@example.com,Siti Aminah,0812-3456-7001,"Keripik Tempe ""Bu Siti""",3674010101800001',
  '03/11/2026 9:17:05,budi@example.com,Budi Santoso,81311112222,Kopi Pamulang,',
].join('\n');

const FORMS_EN = [
  'Timestamp,Email Address,Full name,WhatsApp number,Business name',
  '2026/11/03 9:15:22 AM GMT+7,rina@example.com,Rina Wati,+62 857 3333 4444,Batik Ciputat',
].join('\n');

describe('a Google Forms export', () => {
  it('imports with Indonesian questions, the timestamp ignored', () => {
    const read = readRosterCsv(FORMS_ID, { waves: WAVES });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.file.errors).toEqual([]);
    expect(read.file.valid.map((r) => [r.name, r.phone, r.business, r.email])).toEqual([
      ['Siti Aminah', '+6281234567001', 'Keripik Tempe "Bu Siti"', 'siti@example.com'],
      ['Budi Santoso', '+6281311112222', 'Kopi Pamulang', 'budi@example.com'],
    ]);
    expect(read.file.ignored).toContain('Cap waktu');
  });

  it('imports with English questions', () => {
    const read = readRosterCsv(FORMS_EN, { waves: WAVES });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.file.errors).toEqual([]);
    expect(read.file.valid[0]).toMatchObject({ name: 'Rina Wati', phone: '+6285733334444' });
    expect(read.file.ignored).toContain('Timestamp');
  });
});
