import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nikForCsv, phoneForOffice } from './office-cells.js';
import { normalizePhone } from './phone.js';
import { normalizeNik } from './validate.js';

describe('phoneForOffice', () => {
  it('writes Indonesian mobiles in the national form, grouped with dashes', () => {
    expect(phoneForOffice('+6281234567890')).toBe('0812-3456-7890');
    expect(phoneForOffice('+628123456789')).toBe('0812-345-6789');
    expect(phoneForOffice('+62811123456')).toBe('0811-123-456');
    expect(phoneForOffice('+62812345678901')).toBe('0812-3456-78901');
  });

  it('writes other countries with the code in brackets, never a leading +', () => {
    expect(phoneForOffice('+6591234567')).toBe('(+65) 91234567');
    expect(phoneForOffice('+14155550100')).toBe('(+1) 4155550100');
    expect(phoneForOffice('+60123456789')).toBe('(+60) 123456789');
    expect(phoneForOffice('+670771234567')).toBe('(+670) 771234567');
  });

  it('leaves what is not a stored phone alone', () => {
    expect(phoneForOffice('')).toBe('');
    expect(phoneForOffice('0812')).toBe('0812');
  });

  it('never starts with + or a digit run Excel would read as a number, and imports back', () => {
    const stored = fc.oneof(
      fc.stringMatching(/^8\d{8,11}$/).map((n) => `+62${n}`),
      fc.stringMatching(/^[1-9]\d{7,14}$/).map((n) => `+${n}`),
    );
    fc.assert(
      fc.property(stored, (e164) => {
        const normal = normalizePhone(e164);
        if (normal === null) return;
        const written = phoneForOffice(normal);
        expect(written).not.toMatch(/^[+=\-@']/);
        expect(written).not.toMatch(/^\d+$/);
        expect(normalizePhone(written)).toBe(normal);
      }),
    );
  });
});

describe('nikForCsv', () => {
  it('groups a NIK in fours, which the import reads back as 16 digits', () => {
    expect(nikForCsv('3674011234560001')).toBe('3674 0112 3456 0001');
    expect(normalizeNik(nikForCsv('3674011234560001'))).toBe('3674011234560001');
    expect(nikForCsv('')).toBe('');
    expect(nikForCsv('12345')).toBe('12345');
  });
});
