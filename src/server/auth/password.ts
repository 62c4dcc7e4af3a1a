// Organizer passwords: scrypt with a per-password salt, compared in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEYLEN,
      { N: n, r, p, maxmem: 64 * 1024 * 1024 },
      (e, k) => (e ? reject(e) : resolve(k)),
    ),
  );
}

/** "scrypt$N$r$p$salt$hash" (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

let checks = 0;
let dummy: Promise<string> | undefined;

/** How many password checks this process has run (tests prove unknown users are hashed too). */
export function passwordChecks(): number {
  return checks;
}

/**
 * True when the password matches the stored hash. With no stored hash (an unknown user) the
 * password is checked against a throwaway hash and false returned, so an unknown username takes
 * as long as a wrong password and timing does not tell which usernames exist.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // Made on the first check of any kind, so even the first unknown user costs one hash.
  dummy ??= dummyHash();
  const known = stored !== null;
  const matches = await verifyAgainst(password, stored ?? (await dummy));
  return known && matches;
}

function dummyHash(): Promise<string> {
  return hashPassword(randomBytes(16).toString('base64url'));
}

async function verifyAgainst(password: string, stored: string): Promise<boolean> {
  checks++;
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    Number(n),
    Number(r),
    Number(p),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}
