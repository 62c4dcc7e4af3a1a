import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('base64url', () => {
  it('matches the RFC 4648 test vectors (without padding)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64Url(ascii(plain))).toBe(encoded);
      expect(decodeBase64Url(encoded)).toEqual(ascii(plain));
    }
    expect(encodeBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects padding, the standard alphabet, bad lengths and stray bits', () => {
    for (const bad of ['Zg==', 'Zh', '+/8', 'Z', 'Zm9vY', 'Zm 9v']) {
      expect(decodeBase64Url(bad), bad).toBeNull();
    }
  });
});
