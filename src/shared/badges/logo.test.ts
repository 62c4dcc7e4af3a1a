import { describe, expect, it } from 'vitest';
import { logoPath, logoTypeOf } from './logo.js';

const png = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0,
]);

const ascii = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

describe('logo type from magic bytes', () => {
  it('knows PNG and JPEG', () => {
    expect(logoTypeOf(png)).toBe('image/png');
    expect(logoTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
  });
  it('refuses text, truncated headers, GIF and SVG', () => {
    expect(logoTypeOf(ascii('nama,usaha\nSiti,Warung'))).toBeNull();
    expect(logoTypeOf(png.subarray(0, 10))).toBeNull();
    expect(logoTypeOf(Uint8Array.from([0xff, 0xd8]))).toBeNull();
    expect(logoTypeOf(ascii('GIF89a......'))).toBeNull();
    expect(logoTypeOf(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(logoTypeOf(new Uint8Array())).toBeNull();
  });
  it('puts the version in the path', () => {
    expect(logoPath('E 1', 'ab12')).toBe('/api/events/E%201/logo?v=ab12');
  });
});
