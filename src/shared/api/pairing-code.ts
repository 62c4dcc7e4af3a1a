// Pairing codes: the one-time secret an organizer shows and a door tablet scans or types. Eight
// characters of Crockford's base32 (no I, L, O or U: nothing to confuse when read aloud or typed
// on a tablet) carry 40 random bits, shown as ABCD-EFGH. The same code travels in the pairing QR
// as the fragment of `<origin>/scan/pair#ABCD-EFGH`, so it never reaches a server log.
import { randomBytes } from '../base32.js';

export const PAIRING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PAIRING_CODE_LENGTH = 8;
/** Where the pairing QR points; the door app reads the code from the fragment. */
export const PAIRING_PATH = '/scan/pair';

const LOOKALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** A fresh pairing code, e.g. "7KQ2-M9XD" (40 random bits). */
export function newPairingCode(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = PAIRING_CODE_LENGTH - 1; i >= 0; i--) {
    out += PAIRING_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  }
  return formatPairingCode(out);
}

function formatPairingCode(chars: string): string {
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * The canonical "ABCD-EFGH" spelling of what a person typed or a camera read, or null when it
 * cannot be a pairing code. Accepts lower case, spaces and dashes anywhere, O/I/L for 0/1/1, and
 * a whole pairing link (the code is taken from its fragment).
 */
export function normalizePairingCode(input: string): string | null {
  const hash = input.lastIndexOf('#');
  const raw = hash >= 0 ? input.slice(hash + 1) : input;
  let chars = '';
  for (const c of raw.toUpperCase()) {
    if (c === '-' || c === ' ' || c === '\t' || c === '.' || c === '_') continue;
    const mapped = LOOKALIKES[c] ?? c;
    if (!PAIRING_ALPHABET.includes(mapped)) return null;
    chars += mapped;
    if (chars.length > PAIRING_CODE_LENGTH) return null;
  }
  return chars.length === PAIRING_CODE_LENGTH ? formatPairingCode(chars) : null;
}

/** The text of the pairing QR: a link to the door app's pairing page with the code as fragment. */
export function pairingQrText(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}${PAIRING_PATH}#${code}`;
}
