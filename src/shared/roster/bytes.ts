// Turning an uploaded file's bytes into CSV text, or saying plainly that it is not one. Pure code:
// TextDecoder is not in the shared runtime's lib, and we want strict UTF-8 checking anyway.
import type { Problem } from '../messages.js';
import { rosterProblems } from './problems.js';

/** The result of decoding an upload: the text and which encoding it turned out to be. */
export type DecodedCsv =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' }
  | { ok: false; problem: Problem };

type Sniffed = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' };

/** True when the bytes are not text: NUL bytes, undecodable bytes, or many control characters. */
export function detectBinary(bytes: Uint8Array): boolean {
  return sniff(bytes) === null;
}

/** Decodes an uploaded CSV; a leading BOM is removed. Codes: csv-binary, csv-empty. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (bytes.length === 0) return { ok: false, problem: rosterProblems.empty() };
  const sniffed = sniff(bytes);
  if (!sniffed) return { ok: false, problem: rosterProblems.binary() };
  const text = sniffed.text.charCodeAt(0) === 0xfeff ? sniffed.text.slice(1) : sniffed.text;
  if (text.trim() === '') return { ok: false, problem: rosterProblems.empty() };
  return { ok: true, text, encoding: sniffed.encoding };
}

function sniff(bytes: Uint8Array): Sniffed | null {
  // Excel's "Unicode Text" is UTF-16LE with a BOM (and tab-separated); it is full of NULs.
  if (bytes.length >= 2 && bytes.length % 2 === 0) {
    const le = bytes[0] === 0xff && bytes[1] === 0xfe;
    const be = bytes[0] === 0xfe && bytes[1] === 0xff;
    if (le || be) {
      const text = decodeUtf16(bytes, le);
      return text !== null && !mostlyControl(text)
        ? { text, encoding: le ? 'utf-16le' : 'utf-16be' }
        : null;
    }
  }
  if (bytes.includes(0)) return null;
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return mostlyControl(utf8) ? null : { text: utf8, encoding: 'utf-8' };
  // Excel's plain "CSV (Comma delimited)" on Windows writes the ANSI code page, not UTF-8.
  // Accept it only when it reads as text: mostly ASCII and no bytes that code page lacks.
  const text = decodeWindows1252(bytes);
  return text !== null && !mostlyControl(text) ? { text, encoding: 'windows-1252' } : null;
}

// More than 2% control characters (other than tab, CR, LF) is not a spreadsheet export.
function mostlyControl(text: string): boolean {
  let controls = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || (c >= 0x80 && c < 0xa0)) {
      controls++;
    }
  }
  return controls > 0 && controls / text.length > 0.02;
}

/** Strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF); null when invalid. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  const units = new Uint16Array(bytes.length);
  let u = 0;
  let i = 0;
  const n = bytes.length;
  const cont = (k: number, lo = 0x80, hi = 0xbf): number => {
    const b = k < n ? bytes[k]! : -1;
    return b >= lo && b <= hi ? b & 0x3f : -1;
  };
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units[u++] = b;
      i++;
    } else if (b >= 0xc2 && b <= 0xdf) {
      const c1 = cont(i + 1);
      if (c1 < 0) return null;
      units[u++] = ((b & 0x1f) << 6) | c1;
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const c1 = cont(i + 1, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf);
      const c2 = cont(i + 2);
      if (c1 < 0 || c2 < 0) return null;
      units[u++] = ((b & 0x0f) << 12) | (c1 << 6) | c2;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const c1 = cont(i + 1, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf);
      const c2 = cont(i + 2);
      const c3 = cont(i + 3);
      if (c1 < 0 || c2 < 0 || c3 < 0) return null;
      const cp = (((b & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3) - 0x10000;
      units[u++] = 0xd800 + (cp >> 10);
      units[u++] = 0xdc00 + (cp & 0x3ff);
      i += 4;
    } else {
      return null;
    }
  }
  return unitsToString(units, u);
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string | null {
  const units = new Uint16Array(bytes.length / 2);
  for (let k = 0; k < units.length; k++) {
    const a = bytes[2 * k]!;
    const b = bytes[2 * k + 1]!;
    units[k] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  return unitsToString(units, units.length);
}

// Windows-1252's 0x80–0x9F; 0 marks the five bytes it leaves undefined.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string | null {
  const units = new Uint16Array(bytes.length);
  let high = 0;
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes[k]!;
    if (b >= 0x80) high++;
    const mapped = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    if (mapped === 0 && b !== 0) return null;
    units[k] = mapped;
  }
  // Names and businesses are mostly ASCII; a file that is mostly high bytes is not text.
  return high / bytes.length > 0.3 ? null : unitsToString(units, bytes.length);
}

function unitsToString(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let k = 0; k < length; k += 8192) {
    parts.push(String.fromCharCode(...units.subarray(k, Math.min(length, k + 8192))));
  }
  return parts.join('');
}
