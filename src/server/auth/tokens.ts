// Bearer secrets (session cookies, setup links, later device tokens) are random and only their
// SHA-256 is stored, so a copy of the database cannot be used to sign in.
import { createHash, randomBytes } from 'node:crypto';

/** A fresh 256-bit secret, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a secret, hex: what the database keeps. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
