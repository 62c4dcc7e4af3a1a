import { describe, expect, it } from 'vitest';
import { HEADER_SYNONYMS, classifyHeader, mapHeader, normaliseHeader } from './columns.js';
import type { RosterField } from './columns.js';

describe('normaliseHeader', () => {
  it('lowercases, drops punctuation and collapses spaces', () => {
    expect(normaliseHeader('  No. HP / WhatsApp ')).toBe('no hp whatsapp');
    expect(normaliseHeader('E-mail')).toBe('e mail');
    expect(normaliseHeader('NAMA\u00a0 LENGKAP')).toBe('nama lengkap');
  });
});

describe('classifyHeader', () => {
  it('knows every listed synonym, in any case and punctuation', () => {
    for (const [field, names] of Object.entries(HEADER_SYNONYMS)) {
      for (const name of names) {
        expect(classifyHeader(name.toUpperCase()), name).toBe(field);
        expect(classifyHeader(` ${name}: `), name).toBe(field);
      }
    }
    expect(classifyHeader('No. HP')).toBe('phone');
    expect(classifyHeader('E-mail')).toBe('email');
  });

  it('reads the headers real office sheets use', () => {
    const cases: [string, RosterField | null][] = [
      ['No. HP / WhatsApp', 'phone'],
      ['Nomor Telepon', 'phone'],
      ['No WA Aktif', 'phone'],
      ['Nama Lengkap (sesuai KTP)', 'name'],
      ['Nama Pemilik Usaha', 'name'],
      ['Nama Usaha/Koperasi', 'business'],
      ['Nama UMKM / Koperasi', 'business'],
      ['Usaha / Koperasi', 'business'],
      ['NIK (16 digit)', 'nik'],
      ['No. KTP', 'nik'],
      ['Alamat Email', 'email'],
      ['Gelombang (1/2)', 'wave'],
      ['No', null],
      ['No.', null],
      ['Jenis Usaha', null],
      ['Alamat Usaha', null],
      ['tautan_whatsapp', null],
      ['Link WA', null],
      ['Nama Produk', null],
      ['Nama Ibu', null],
      ['Tempat/Tanggal Lahir', null],
      ['Kecamatan', null],
      ['', null],
    ];
    for (const [header, field] of cases) expect(classifyHeader(header), header).toBe(field);
  });
});

describe('mapHeader', () => {
  it('maps columns in any order and lists what it ignores', () => {
    const out = mapHeader([
      'No',
      'NIK',
      'Nama Lengkap',
      'Gelombang',
      'Nama Usaha',
      'No. HP / WhatsApp',
      '',
      'Jenis Usaha',
    ]);
    expect(out).toEqual({
      ok: true,
      columns: { name: 2, phone: 5, business: 4, email: null, nik: 1, wave: 3 },
      ignored: ['No', 'Jenis Usaha'],
    });
  });

  it('names every missing required column in both languages', () => {
    const out = mapHeader(['Nama Usaha', 'Email']);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problem.code).toBe('csv-missing-columns');
    expect(out.problem.message.id).toContain('Nama, No. HP');
    expect(out.problem.message.en).toContain('Name, Phone');
    expect(out.problem.message.en).toContain('"Nama Usaha"');
  });

  it('names just the one that is missing', () => {
    const out = mapHeader(['Nama', 'Usaha']);
    expect(out.ok ? null : out.problem.message.en).toMatch(/missing: Phone\./);
  });

  it('rejects two columns that mean the same field', () => {
    const out = mapHeader(['Nama', 'No HP', 'No WA']);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problem.code).toBe('csv-duplicate-column');
    expect(out.problem.message.id).toContain('"No HP", "No WA"');
    expect(out.problem.message.en).toContain('Phone');
  });
});
