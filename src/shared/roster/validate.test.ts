import { describe, expect, it } from 'vitest';
import type { ColumnMap } from './columns.js';
import { cleanText } from './text.js';
import { checkEmail, normalizeNik, validateRows } from './validate.js';
import { matchWave } from './waves.js';

const WAVES = [
  { id: 'w1', name: 'Gelombang 1' },
  { id: 'w2', name: 'Gelombang 2 (Balaikota)' },
];
// name, phone, business, email, nik, wave
const ALL: ColumnMap = { name: 0, phone: 1, business: 2, email: 3, nik: 4, wave: 5 };
const MIN: ColumnMap = { name: 0, phone: 1, business: null, email: null, nik: null, wave: null };

function one(cells: string[], columns: ColumnMap = ALL) {
  const out = validateRows([{ line: 2, cells }], columns, { waves: WAVES });
  return { row: out.valid[0], codes: out.errors.map((e) => `${e.field}:${e.problem.code}`) };
}

describe('validateRows', () => {
  it('accepts a minimal file and leaves the wave to the caller', () => {
    expect(one(['Siti', '0812 3456 7890'], MIN)).toEqual({
      row: {
        line: 2,
        name: 'Siti',
        business: '',
        phone: '+6281234567890',
        email: null,
        nik: null,
        wave: null,
        waveId: null,
      },
      codes: [],
    });
  });

  it('collects every problem in a row, each with its field', () => {
    expect(one(['', '', 'x'.repeat(161), 'bukan email', '123', 'Gelombang 9']).codes).toEqual([
      'name:name-required',
      'business:business-too-long',
      'phone:phone-required',
      'email:email-invalid',
      'nik:nik-invalid',
      'wave:unknown-wave',
    ]);
  });

  it('limits names to 120 characters, counted as people count them', () => {
    expect(one(['a'.repeat(120), '081234567890'], MIN).codes).toEqual([]);
    expect(one(['a'.repeat(121), '081234567890'], MIN).codes).toEqual(['name:name-too-long']);
    expect(one(['😀'.repeat(120), '081234567890'], MIN).codes).toEqual([]);
  });

  it('treats missing cells in a short row as blank', () => {
    expect(one(['Siti', '081234567890']).codes).toEqual([]);
  });

  it('treats a blank wave cell as "the default wave"', () => {
    expect(one(['Siti', '081234567890', '', '', '', '  ']).row?.waveId).toBeNull();
  });

  it('hints at Excel scientific notation for phones and NIKs', () => {
    const out = validateRows(
      [{ line: 5, cells: ['Siti', '6,28123E+12', '', '', '3,67401E+15'] }],
      ALL,
      {
        waves: WAVES,
      },
    );
    expect(out.errors.map((e) => e.problem.message.en).join(' ')).toMatch(
      /scientific notation.*scientific/,
    );
    expect(out.errors[0]!.problem.message.id).toMatch(/notasi ilmiah/);
  });
});

describe('cleanText', () => {
  it('keeps what people wrote and removes only invisible characters', () => {
    expect(cleanText('  Dr.  H.\u00a0Ahmad\r\nSyarifuddin,  S.E. ')).toBe(
      'Dr. H. Ahmad Syarifuddin, S.E.',
    );
    expect(cleanText("Ma'ruf")).toBe("Ma'ruf");
    expect(cleanText('Siti\u200b\u202e Aminah\u0000\u0085')).toBe('Siti Aminah');
    expect(cleanText('Jose\u0301')).toBe('Jos\u00e9');
  });
});

describe('checkEmail', () => {
  it('accepts ordinary addresses and rejects the rest', () => {
    for (const ok of [
      'siti@example.com',
      'siti.aminah+umkm@mail.example.co.id',
      ' SITI@EXAMPLE.COM ',
    ]) {
      expect(checkEmail(ok), ok).not.toBeNull();
    }
    for (const bad of [
      'siti',
      'siti@',
      '@example.com',
      'siti@example',
      'siti @example.com',
      'a@b..com',
      'a@b.com.',
      'a,b@c.com',
    ]) {
      expect(checkEmail(bad), bad).toBeNull();
    }
  });
});

describe('normalizeNik', () => {
  it('removes spaces, dots, dashes and the Excel apostrophe; needs exactly 16 digits', () => {
    expect(normalizeNik('3674 0101 0180 0001')).toBe('3674010101800001');
    expect(normalizeNik('3674.0101.0180.0001')).toBe('3674010101800001');
    expect(normalizeNik("'3674010101800001")).toBe('3674010101800001');
    expect(normalizeNik('367401010180000')).toBeNull();
    expect(normalizeNik('36740101018000011')).toBeNull();
    expect(normalizeNik('3674O10101800001')).toBeNull();
    expect(normalizeNik('3.67401E+15')).toBeNull();
  });
});

describe('matchWave', () => {
  const match = (raw: string) => matchWave(raw, WAVES)?.id ?? null;
  it('matches by whole name in any case', () => {
    expect(match('gelombang 1')).toBe('w1');
    expect(match('  GELOMBANG 2 (BALAIKOTA) ')).toBe('w2');
  });
  it('matches by number in the forms offices use', () => {
    for (const raw of [
      '1',
      '01',
      'Gelombang 1',
      'gel. 1',
      'Gel 1',
      'wave 1',
      'Batch 1',
      'I',
      'ke-1',
    ]) {
      expect(match(raw), raw).toBe('w1');
    }
    for (const raw of ['2', 'Gelombang 2', 'Wave 2', 'II', 'gelombang ii'])
      expect(match(raw), raw).toBe('w2');
  });
  it('refuses unknown or ambiguous waves', () => {
    for (const raw of ['3', 'Gelombang 3', 'Balaikota', 'satu', '', 'constructor'])
      expect(match(raw), raw).toBeNull();
    const twoOnes = [
      { id: 'a', name: 'Gelombang 1 Pagi' },
      { id: 'b', name: 'Gelombang 1 Sore' },
    ];
    expect(matchWave('1', twoOnes)).toBeNull();
    expect(matchWave('Gelombang 1 Sore', twoOnes)?.id).toBe('b');
  });
});
