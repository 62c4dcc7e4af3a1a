import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './bytes.js';
import { decodeCsvBytes, detectBinary } from './csv.js';

// The shared runtime has no TextEncoder in its lib; a few lines of UTF-8 do for tests.
function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else {
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
    }
  }
  return Uint8Array.from(out);
}

function utf16le(s: string): Uint8Array {
  const out = [0xff, 0xfe];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 255, s.charCodeAt(i) >> 8);
  return Uint8Array.from(out);
}

describe('decodeUtf8', () => {
  it('decodes any well-formed text back to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(decodeUtf8(utf8(s))).toBe(s);
      }),
    );
  });

  it('rejects overlongs, surrogates, truncation and stray continuation bytes', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
      [0x80],
      [0xf5, 0x80, 0x80, 0x80],
    ]) {
      expect(decodeUtf8(Uint8Array.from(bad))).toBeNull();
    }
  });
});

describe('decodeCsvBytes', () => {
  it('decodes UTF-8 and drops the BOM', () => {
    const out = decodeCsvBytes(utf8('\uFEFFNama;No HP\r\nNur\u2019aini;0812\r\n'));
    expect(out).toEqual({
      ok: true,
      text: 'Nama;No HP\r\nNur\u2019aini;0812\r\n',
      encoding: 'utf-8',
    });
  });

  it('decodes Excel\'s UTF-16 "Unicode Text"', () => {
    expect(decodeCsvBytes(utf16le('Nama\tNo HP\r\nSiti\t0812\r\n'))).toEqual({
      ok: true,
      text: 'Nama\tNo HP\r\nSiti\t0812\r\n',
      encoding: 'utf-16le',
    });
  });

  it("decodes Excel's ANSI (Windows-1252) CSV instead of rejecting it", () => {
    // "José;Caf\xe9 \x93Maju\x94" in Windows-1252
    const bytes = Uint8Array.from([
      ...utf8('Nama;Usaha\r\nJos'),
      0xe9,
      ...utf8(';Caf'),
      0xe9,
      0x20,
      0x93,
      ...utf8('Maju'),
      0x94,
    ]);
    expect(decodeCsvBytes(bytes)).toEqual({
      ok: true,
      text: 'Nama;Usaha\r\nJos\u00e9;Caf\u00e9 \u201cMaju\u201d',
      encoding: 'windows-1252',
    });
  });

  it('rejects empty and whitespace-only files as csv-empty', () => {
    for (const bytes of [new Uint8Array(), utf8('\uFEFF'), utf8(' \r\n\r\n')]) {
      const out = decodeCsvBytes(bytes);
      expect(out.ok ? null : out.problem.code).toBe('csv-empty');
    }
  });

  it('rejects binary files as csv-binary, with words in both languages', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const noise = Uint8Array.from({ length: 64 }, (_, i) => 0x80 + ((i * 37) % 128));
    const controls = utf8('a\u0001b\u0002c\u0003d\u0004');
    for (const bytes of [xlsx, png, noise, controls]) {
      expect(detectBinary(bytes)).toBe(true);
      const out = decodeCsvBytes(bytes);
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expect(out.problem.code).toBe('csv-binary');
        expect(out.problem.message.id).toMatch(/CSV/);
        expect(out.problem.message.en).toMatch(/CSV/);
      }
    }
  });

  it('does not call ordinary text binary', () => {
    expect(detectBinary(utf8('Nama,No HP\nSiti,0812\n'))).toBe(false);
    expect(detectBinary(new Uint8Array())).toBe(false);
  });
});
