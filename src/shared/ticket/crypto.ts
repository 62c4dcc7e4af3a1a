// Signing tickets (organizer side) and proving them genuine offline (door side). Keys travel as
// base64url strings; a door holds only public keys, chosen by the ticket's key id (kid).
import type { Problem } from '../messages.js';
import type { TicketPayload } from './codec.js';
import type { TicketRejection } from './problems.js';
import { newKeyId } from '../base32.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import { encodeTicketPayload, formatTicket, parseTicket } from './codec.js';
import { generateKeyPair, signMessage, verifySignature } from './ed25519.js';
import { ticketProblem } from './problems.js';

export { __setForceNobleForTests } from './ed25519.js';

/** What a door device holds: publicKey is base64url (no padding) of the raw 32-byte key. */
export interface EventPublicKey {
  kid: string;
  publicKey: string;
}

/** What the organizer side holds: privateKey is base64url (no padding) of the PKCS#8 DER. */
export interface EventSigningKey {
  kid: string;
  publicKey: string;
  privateKey: string;
}

export type VerifyResult =
  { ok: true; payload: TicketPayload } | { ok: false; reason: TicketRejection; problem: Problem };

/** A new Ed25519 event key with a fresh kid. */
export async function generateEventKey(): Promise<EventSigningKey> {
  const pair = await generateKeyPair();
  return {
    kid: newKeyId(),
    publicKey: encodeBase64Url(pair.publicKey),
    privateKey: encodeBase64Url(pair.privateKey),
  };
}

/** The full `H1.…` token for a payload; throws if the payload is malformed or names another kid. */
export async function signTicket(payload: TicketPayload, key: EventSigningKey): Promise<string> {
  if (payload.kid !== key.kid) {
    throw new RangeError(`ticket kid ${payload.kid} does not match signing key ${key.kid}`);
  }
  const payloadBytes = encodeTicketPayload(payload);
  const pkcs8 = decodeBase64Url(key.privateKey);
  if (pkcs8 === null) throw new TypeError(`signing key ${key.kid}: privateKey is not base64url`);
  const signature = await signMessage(payloadBytes, pkcs8, key.privateKey);
  return formatTicket(payloadBytes, signature);
}

function rejected(reason: TicketRejection): VerifyResult {
  return { ok: false, reason, problem: ticketProblem(reason) };
}

/** Proves scanned text is a genuine ticket signed by one of `keys`; never throws. */
export async function verifyTicket(
  text: string,
  keys: readonly EventPublicKey[],
): Promise<VerifyResult> {
  const parsed = parseTicket(text);
  if (!parsed.ok) return rejected('not-a-ticket');
  const { payload, payloadBytes, signature } = parsed;
  // Several keys may share a kid by mistake; a ticket is genuine if any of them signed it.
  // A key whose publicKey isn't 32 bytes of base64url can prove nothing, so it counts as unknown.
  let knownKey = false;
  try {
    for (const key of keys) {
      if (key?.kid !== payload.kid || typeof key.publicKey !== 'string') continue;
      const publicKey = decodeBase64Url(key.publicKey);
      if (publicKey?.length !== 32) continue;
      knownKey = true;
      if (await verifySignature(signature, payloadBytes, publicKey, key.publicKey)) {
        return { ok: true, payload };
      }
    }
  } catch {
    // Only reachable with no usable crypto at all (no crypto.subtle outside a secure context):
    // nothing is proven genuine, so the ticket is refused, never admitted.
    return rejected('bad-signature');
  }
  return rejected(knownKey ? 'bad-signature' : 'unknown-key');
}
