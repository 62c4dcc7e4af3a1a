import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isNormalizedPhone,
  lastDigits,
  normalizePhone,
  phoneSearchForms,
  phoneText,
} from './phone.js';

describe('normalizePhone', () => {
  it('reads Indonesian mobiles in every form offices write them', () => {
    for (const input of [
      '0812-3456-7890',
      '+62 812 3456 7890',
      '6281234567890',
      '81234567890',
      '(0812) 3456 7890',
      '0812.3456.7890',
      ' 0812 3456 7890 ',
      '+62 (812) 3456-7890',
      '+62 0812 3456 7890',
      "'081234567890",
      '0812\u00a03456\u00a07890',
      '0812\u20133456\u20137890',
    ]) {
      expect(normalizePhone(input), input).toBe('+6281234567890');
    }
  });

  it('accepts the lengths of the numbering plan: 9 to 12 digits after +62', () => {
    expect(normalizePhone('0811 123 456')).toBe('+62811123456');
    expect(normalizePhone('0812 3456 7890 1')).toBe('+62812345678901');
    expect(normalizePhone('0811 12345')).toBeNull();
    expect(normalizePhone('0812 3456 7890 12')).toBeNull();
  });

  it('accepts other countries only in international form', () => {
    expect(normalizePhone('+65 9123 4567')).toBe('+6591234567');
    expect(normalizePhone('+1 (415) 555-0100')).toBe('+14155550100');
    expect(normalizePhone('+60 12-345 6789')).toBe('+60123456789');
    expect(normalizePhone('(+65) 91234567')).toBe('+6591234567');
    expect(normalizePhone('( +1 ) 415 555 0100')).toBe('+14155550100');
    expect(normalizePhone('(+62) 812-3456-7890')).toBe('+6281234567890');
    expect(normalizePhone('(+62 812) 3456 7890')).toBeNull();
    expect(normalizePhone('+1234567')).toBeNull();
    expect(normalizePhone('+1234567890123456')).toBeNull();
    expect(normalizePhone('+0812345678')).toBeNull();
  });

  it('returns null for junk, landlines and what Excel does to long numbers', () => {
    for (const input of [
      '',
      '   ',
      '-',
      'tidak ada',
      '0812-3456-789O',
      '021 7456 789',
      '+62 21 7456 7890',
      '6,28123E+12',
      '6.28123E+12',
      '0812/3456/7890',
      '++6281234567890',
      '0062 812 3456 7890',
      '1'.repeat(60),
    ]) {
      expect(normalizePhone(input), input).toBeNull();
    }
  });

  it('is idempotent on its own output', () => {
    const typed = fc
      .tuple(
        fc.constantFrom('0', '62', '+62', '+62 0', '', '+65', '+1', '+44 '),
        fc.stringMatching(/^8[0-9 .\-()]{6,16}$/),
      )
      .map(([prefix, rest]) => prefix + rest);
    fc.assert(
      fc.property(fc.oneof(typed, fc.string({ maxLength: 20 })), (input) => {
        const once = normalizePhone(input);
        if (once === null) return;
        expect(normalizePhone(once)).toBe(once);
        expect(isNormalizedPhone(once)).toBe(true);
        expect(once).toMatch(/^\+[1-9]\d{7,14}$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('lastDigits', () => {
  it('gives the last digits only', () => {
    expect(lastDigits('+6281234567890')).toBe('7890');
    expect(lastDigits('+6281234567890', 6)).toBe('567890');
    expect(lastDigits('+6281234567890', 0)).toBe('');
    expect(lastDigits('+62812', 10)).toBe('62812');
  });
});

describe('phone search forms', () => {
  it('turns every written start of an Indonesian number into the stored one', () => {
    expect(phoneSearchForms('0811')).toEqual(['0811', '62811']);
    expect(phoneSearchForms('62811')).toEqual(['62811']);
    expect(phoneSearchForms('+62 811-23')).toEqual(['6281123']);
    expect(phoneSearchForms('+62 0811')).toEqual(['620811', '62811']);
    expect(phoneSearchForms('0811 2345-6789')).toEqual(['081123456789', '6281123456789']);
  });

  it('keeps what was typed (a middle or an end of the number) and ignores words', () => {
    expect(phoneSearchForms('811')).toEqual(['811']);
    expect(phoneSearchForms('0001')).toEqual(['0001', '62001']);
    expect(phoneSearchForms('12')).toEqual([]);
    expect(phoneSearchForms('Budi 0811')).toEqual([]);
  });
});

describe('phoneText', () => {
  it('writes Indonesian numbers the local way and leaves others in E.164', () => {
    expect(phoneText('+628123456789')).toBe('0812-3456-789');
    expect(phoneText('+6281234567890')).toBe('0812-3456-7890');
    expect(phoneText('+6591234567')).toBe('+6591234567');
  });
});
