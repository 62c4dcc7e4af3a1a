// RFC 4648 base32 (A–Z2–7, uppercase, no padding) and random ids. Strict decoding: every byte
// string has exactly one accepted spelling, so a changed character never decodes to the same bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Byte widths of Hadir's ids; every id is the base32 of this many random bytes. */
export const PARTICIPANT_ID_BYTES = 10; // 16 characters
export const WAVE_ID_BYTES = 5; // 8 characters
export const KEY_ID_BYTES = 5; // 8 characters

/** Uppercase, unpadded base32: the spelling that fits QR alphanumeric mode. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // keep at most 12 bits: enough for 8 + 4 pending
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Strict decode: null on a foreign character, an impossible length or non-zero trailing bits. */
export function decodeBase32(text: string): Uint8Array | null {
  const tail = text.length % 8;
  // 1, 3 and 6 leftover characters can never come from whole bytes.
  if (tail === 1 || tail === 3 || tail === 6) return null;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    const value = VALUES.get(char);
    if (value === undefined) return null;
    buffer = ((buffer << 5) | value) & 0xfff; // at most 7 pending + 5 new bits
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  // Leftover bits are padding; if any is set, another spelling of the same bytes exists.
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return index === out.length ? out : null;
}

interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/** Cryptographically random bytes from WebCrypto (browser, service worker and Node 20 alike). */
export function randomBytes(n: number): Uint8Array {
  // src/shared compiles without DOM or Node types, so name the one WebCrypto call we use.
  const source = (globalThis as unknown as { crypto: RandomSource }).crypto;
  const out = new Uint8Array(n);
  // getRandomValues refuses more than 65,536 bytes per call.
  for (let at = 0; at < n; at += 65536) source.getRandomValues(out.subarray(at, at + 65536));
  return out;
}

/** A fresh random id: base32 of `bytes` random bytes (10 bytes → 16 characters). */
export function randomId(bytes = 10): string {
  return encodeBase32(randomBytes(bytes));
}

/** A new participant id (16 characters). */
export function newParticipantId(): string {
  return randomId(PARTICIPANT_ID_BYTES);
}

/** A new wave id (8 characters). */
export function newWaveId(): string {
  return randomId(WAVE_ID_BYTES);
}

/** A new event key id, "kid" (8 characters). */
export function newKeyId(): string {
  return randomId(KEY_ID_BYTES);
}
