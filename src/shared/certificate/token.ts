// Certificate tokens: `HS1.<payload>.<signature>`, both parts base64url. The payload is the
// certificate as it reads (number, name, business, programme, wave, dates), so a phone that has
// the event's public key proves it genuine and shows it with no network. The prefix is not a
// ticket's (`H1.`): a ticket is never accepted as a certificate, nor the reverse.
import type { EventPublicKey, EventSigningKey } from '../ticket/crypto.js';
import { decodeBase64Url, encodeBase64Url } from '../ticket/base64url.js';
import { signMessage, verifySignature } from '../ticket/ed25519.js';
import { utf8Decode, utf8Encode } from '../utf8.js';

export const CERTIFICATE_PREFIX = 'HS1';
const SIGNATURE_BYTES = 64;
/** Far above any real certificate (names are at most 120 characters); refused before any work. */
const MAX_TOKEN_CHARS = 4096;

/** What a certificate says; signed as compact JSON. */
export interface CertificatePayload {
  /** Key id of the event key that signed it. */
  kid: string;
  /** The certificate record's id (its revocation status is asked by it). */
  id: string;
  /** The certificate number, e.g. "001/PLT-UMKM/DISKOP/2026". */
  number: string;
  participantId: string;
  name: string;
  business: string;
  /** The programme (event) name. */
  programme: string;
  wave: string;
  venue: string;
  /** First and last day of the wave (ISO dates). */
  from: string;
  to: string;
  /** When it was issued (ISO). */
  issuedAt: string;
  /** The record's version: a re-issued certificate has a higher one. */
  version: number;
}

export type CertificateRejection =
  'not-a-certificate' | 'a-ticket' | 'unknown-key' | 'bad-signature';

export type CertificateCheck =
  | { ok: true; payload: CertificatePayload }
  | { ok: false; reason: CertificateRejection; message: { id: string; en: string } };

const WORDS: Record<CertificateRejection, { id: string; en: string }> = {
  'not-a-certificate': {
    id: 'Ini bukan kode sertifikat Hadir.',
    en: 'This is not a Hadir certificate code.',
  },
  'a-ticket': {
    id: 'Ini kode tiket masuk, bukan sertifikat.',
    en: 'This is an entry ticket code, not a certificate.',
  },
  'unknown-key': {
    id: 'Sertifikat ini ditandatangani oleh kunci yang tidak dikenal: bukan dari acara yang terdaftar di sini, atau halaman ini perlu tersambung ke internet sekali untuk memuat kunci acara.',
    en: 'This certificate was signed with an unknown key: not from an event registered here, or this page needs to go online once to load the event keys.',
  },
  'bad-signature': {
    id: 'Tanda tangan digital tidak cocok: isi sertifikat ini telah diubah atau dipalsukan.',
    en: 'The digital signature does not match: this certificate was altered or forged.',
  },
};

const TEXT_FIELDS = [
  'kid',
  'id',
  'number',
  'participantId',
  'name',
  'business',
  'programme',
  'wave',
  'venue',
  'from',
  'to',
  'issuedAt',
] as const;

/** The exact bytes signed: the fields in a fixed order as JSON (UTF-8). */
export function certificateBytes(p: CertificatePayload): Uint8Array {
  const ordered = Object.fromEntries([
    ...TEXT_FIELDS.map((k) => [k, p[k]] as const),
    ['version', p.version] as const,
  ]);
  return utf8Encode(JSON.stringify(ordered));
}

function readPayload(bytes: Uint8Array): CertificatePayload | null {
  let o: unknown;
  try {
    o = JSON.parse(utf8Decode(bytes));
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null) return null;
  const r = o as Record<string, unknown>;
  for (const k of TEXT_FIELDS) if (typeof r[k] !== 'string') return null;
  if (!Number.isInteger(r.version) || (r.version as number) < 1) return null;
  const p = r as unknown as CertificatePayload;
  // Only the canonical form is accepted, so one certificate has exactly one token.
  const again = certificateBytes(p);
  return again.length === bytes.length && again.every((b, i) => b === bytes[i]) ? p : null;
}

/** The `HS1.…` token of a payload, signed with the event key. */
export async function signCertificate(
  p: CertificatePayload,
  key: EventSigningKey,
): Promise<string> {
  if (p.kid !== key.kid) throw new RangeError(`certificate kid ${p.kid} is not key ${key.kid}`);
  const bytes = certificateBytes(p);
  const pkcs8 = decodeBase64Url(key.privateKey);
  if (pkcs8 === null) throw new TypeError(`signing key ${key.kid}: privateKey is not base64url`);
  const signature = await signMessage(bytes, pkcs8, key.privateKey);
  return `${CERTIFICATE_PREFIX}.${encodeBase64Url(bytes)}.${encodeBase64Url(signature)}`;
}

/** The token from a scanned or pasted text: a bare token, or a `/v#…` or `/c#…` link. */
export function certificateTokenOf(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.lastIndexOf('#');
  return hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
}

/** Reads a certificate token without checking the signature; null when it is not one. */
export function parseCertificate(
  text: string,
): { payload: CertificatePayload; bytes: Uint8Array; signature: Uint8Array } | null {
  if (typeof text !== 'string' || text.length > MAX_TOKEN_CHARS) return null;
  const parts = certificateTokenOf(text).split('.');
  if (parts.length !== 3 || parts[0] !== CERTIFICATE_PREFIX) return null;
  const bytes = decodeBase64Url(parts[1] ?? '');
  const signature = decodeBase64Url(parts[2] ?? '');
  if (bytes === null || signature?.length !== SIGNATURE_BYTES) return null;
  const payload = readPayload(bytes);
  return payload ? { payload, bytes, signature } : null;
}

const refuse = (reason: CertificateRejection): CertificateCheck => ({
  ok: false,
  reason,
  message: WORDS[reason],
});

/** Proves a certificate genuine with one of the events' public keys; never throws. */
export async function verifyCertificate(
  text: string,
  keys: readonly EventPublicKey[],
): Promise<CertificateCheck> {
  const token = typeof text === 'string' ? certificateTokenOf(text) : '';
  if (/^H1\./i.test(token)) return refuse('a-ticket');
  const parsed = parseCertificate(token);
  if (!parsed) return refuse('not-a-certificate');
  let known = false;
  try {
    for (const key of keys) {
      if (key?.kid !== parsed.payload.kid || typeof key.publicKey !== 'string') continue;
      const publicKey = decodeBase64Url(key.publicKey);
      if (publicKey?.length !== 32) continue;
      known = true;
      if (await verifySignature(parsed.signature, parsed.bytes, publicKey, key.publicKey)) {
        return { ok: true, payload: parsed.payload };
      }
    }
  } catch {
    return refuse('bad-signature');
  }
  return refuse(known ? 'bad-signature' : 'unknown-key');
}

/** The certificate page's path (shows and prints it) and the verification page's path. */
export const certificatePath = (token: string) => `/c#${token}`;
export const verifyPath = (token: string) => `/v#${token}`;
