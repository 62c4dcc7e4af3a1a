// Time-ordered scan event ids, ULID-like: 48-bit milliseconds then 80 random bits, 26 characters
// of Crockford base32. Ids made by one factory strictly increase, even within one millisecond or
// when the device clock steps back, so sorting by id is the order things happened on the device.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const RANDOM_BYTES = 10; // 80 bits = 16 characters of 5 bits
const MAX_TIME = 2 ** 48 - 1;
const ID_PATTERN = new RegExp(`^[${CROCKFORD}]{${TIME_CHARS + RANDOM_CHARS}}$`);

/** The clock and randomness an id factory uses; tests pass their own. */
export interface IdSources {
  now?: () => number;
  random?: (bytes: number) => Uint8Array;
}

function cryptoRandom(bytes: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(bytes));
}

function encodeTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_TIME) {
    throw new RangeError(`id time must be an integer 0..2^48-1, got ${String(ms)}`);
  }
  let out = '';
  let rest = ms;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(buffer >> bits) & 31];
    }
  }
  return out;
}

/** The random part plus one, in base32; throws on the (2^-80 likely) overflow. */
function increment(random: string): string {
  const chars = [...random];
  for (let i = chars.length - 1; i >= 0; i--) {
    const value = CROCKFORD.indexOf(chars[i] ?? '');
    if (value < 31) {
      chars[i] = CROCKFORD[value + 1] ?? '';
      return chars.join('');
    }
    chars[i] = '0';
  }
  throw new RangeError('id randomness overflowed within one millisecond');
}

/** A generator of strictly increasing ids; each call is one new id. */
export function createIdFactory(sources: IdSources = {}): () => string {
  const now = sources.now ?? Date.now;
  const random = sources.random ?? cryptoRandom;
  let lastTime = -1;
  let lastRandom = '';
  return () => {
    const time = Math.floor(now());
    if (time <= lastTime) {
      // Same millisecond, or the clock stepped back: keep the last time and count up.
      lastRandom = increment(lastRandom);
    } else {
      lastTime = time;
      lastRandom = encodeRandom(random(RANDOM_BYTES));
    }
    return encodeTime(lastTime) + lastRandom;
  };
}

/** The app's id generator for scan events. */
export const newScanId: () => string = createIdFactory();

/** The millisecond time an id carries, or null when the text is not such an id. */
export function scanIdTime(id: string): number | null {
  if (!ID_PATTERN.test(id)) return null;
  let ms = 0;
  for (const char of id.slice(0, TIME_CHARS)) ms = ms * 32 + CROCKFORD.indexOf(char);
  return ms <= MAX_TIME ? ms : null;
}
