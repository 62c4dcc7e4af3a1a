import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  KEY_ID_BYTES,
  PARTICIPANT_ID_BYTES,
  WAVE_ID_BYTES,
  decodeBase32,
  encodeBase32,
  newKeyId,
  newParticipantId,
  newWaveId,
  randomBytes,
  randomId,
} from './base32.js';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const base32Char = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');

describe('base32', () => {
  it('matches the RFC 4648 test vectors (without padding)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase32(ascii(plain))).toBe(encoded);
      expect(decodeBase32(encoded)).toEqual(ascii(plain));
    }
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = encodeBase32(bytes);
        expect(text).toMatch(/^[A-Z2-7]*$/);
        expect(text.length).toBe(Math.ceil((bytes.length * 8) / 5));
        expect(decodeBase32(text)).toEqual(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts exactly one spelling per byte string', () => {
    fc.assert(
      fc.property(fc.string({ unit: base32Char, maxLength: 40 }), (text) => {
        const bytes = decodeBase32(text);
        if (bytes !== null) expect(encodeBase32(bytes)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects foreign characters, padding, lowercase, bad lengths and stray trailing bits', () => {
    for (const bad of [
      'MY======',
      'my',
      'M0',
      'M1',
      'M8',
      'M9',
      'MZ XQ',
      'MZ', // "f" is MY; MZ sets a padding bit
      'MZXW6YR', // "foob" is MZXW6YQ
      'A',
      'AAA',
      'AAAAAA',
      'AAAAAAAAA',
    ]) {
      expect(decodeBase32(bad), bad).toBeNull();
    }
  });

  it('makes random ids of the documented widths', () => {
    expect([PARTICIPANT_ID_BYTES, WAVE_ID_BYTES, KEY_ID_BYTES]).toEqual([10, 5, 5]);
    expect(newParticipantId()).toMatch(/^[A-Z2-7]{16}$/);
    expect(newWaveId()).toMatch(/^[A-Z2-7]{8}$/);
    expect(newKeyId()).toMatch(/^[A-Z2-7]{8}$/);
    expect(randomId()).toMatch(/^[A-Z2-7]{16}$/);
    expect(decodeBase32(randomId(7))).toHaveLength(7);
    const ids = new Set(Array.from({ length: 1000 }, () => newParticipantId()));
    expect(ids.size).toBe(1000);
  });

  it('fills large random buffers in chunks', () => {
    const bytes = randomBytes(200_000);
    expect(bytes).toHaveLength(200_000);
    expect(bytes.subarray(150_000).some((b) => b !== 0)).toBe(true);
  });
});
