// Certificates (issue 12): the API's shapes, agreed before the server and the pages are built.
// Tokens: shared/certificate/token.ts (`HS1.…`, signed with the event key).
import * as v from 'valibot';
import type { CertificatePayload } from '../certificate/token.js';
import type { Bilingual } from '../messages.js';

/** A signer printed under the certificate (up to three). */
export interface CertificateSigner {
  name: string;
  position: string;
  /** URL of the signature image (PNG/JPEG) served by the server, or null. */
  signatureUrl: string | null;
}

/** The per-event certificate template (GET/PUT /api/events/:eventId/certificate-template). */
export interface CertificateTemplate {
  title: string;
  /**
   * Body text with placeholders {nama}, {usaha}, {program}, {gelombang}, {tempat}, {tanggal},
   * {nomor}; blank lines separate paragraphs.
   */
  body: string;
  /** e.g. "{no}/PLT-UMKM/DISKOP/{tahun}": {no} the sequence (zero-padded to 3), {tahun} the year. */
  numberPattern: string;
  /** "Tangerang Selatan" — printed with the date above the signers. */
  place: string;
  /** The date printed (ISO date); null: the day it was issued. */
  date: string | null;
  signers: CertificateSigner[];
  /** The event logo's URL (badges' logo), or null. */
  logoUrl: string | null;
}

export type CertificateStatus = 'valid' | 'revoked' | 'superseded';

/** One issued certificate version (immutable once issued, except being revoked). */
export interface CertificateRecord {
  id: string;
  eventId: string;
  participantId: string;
  waveId: string;
  number: string;
  version: number;
  issuedAt: string;
  issuedBy: string;
  status: CertificateStatus;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  /** The token (`HS1.…`) and its pages: `/c#token` shows/prints it, `/v#token` verifies it. */
  token: string;
  certificateLink: string;
  verifyLink: string;
}

/** GET /api/certificate-status/:id (public): what the verify page asks when online. */
export interface CertificateStatusAnswer {
  id: string;
  status: CertificateStatus;
  version: number;
  /** The newest version of this certificate number (higher than `version` when superseded). */
  newestVersion: number;
  /** Why it was revoked (revoked only). */
  revokeReason: string | null;
  revokedAt: string | null;
}

/** GET /api/certificate-keys (public, cacheable): every event's public key, for offline checks. */
export interface CertificateKeys {
  keys: { kid: string; publicKey: string; eventName: string }[];
}

/** GET /api/certificate-view/:id (public): what the certificate page needs besides the token. */
export interface CertificateView {
  template: CertificateTemplate;
  payload: CertificatePayload;
}

/** The most signers a certificate prints. */
export const MAX_SIGNERS = 3;
/** The largest signature image accepted (PNG or JPEG). */
export const SIGNATURE_MAX_BYTES = 256 * 1024;

const text = (max: number, min = 1) =>
  v.pipe(v.string(), v.trim(), v.minLength(min), v.maxLength(max));

/**
 * PUT /api/events/:eventId/certificate-template. Signature images are uploaded per signer
 * (PUT /api/events/:eventId/certificate-signers/:index/signature) and stay with their index;
 * `signatureUrl` and `logoUrl` sent back from a GET are ignored. The number pattern must hold
 * {no} (400 `number-pattern-without-no` otherwise).
 */
export const CertificateTemplateBody = v.object({
  title: text(120),
  body: text(2000),
  numberPattern: text(80),
  place: text(120, 0),
  date: v.nullable(v.pipe(v.string(), v.isoDate())),
  signers: v.pipe(
    v.array(v.object({ name: text(120), position: text(200, 0) })),
    v.maxLength(MAX_SIGNERS),
  ),
});
export type CertificateTemplateBody = v.InferOutput<typeof CertificateTemplateBody>;

/** POST /api/certificates/:id/revoke */
export const RevokeCertificateBody = v.strictObject({ reason: text(500, 3) });

/** POST /api/waves/:waveId/certificates: what was done, counted and in words. */
export interface WaveIssueAnswer {
  waveId: string;
  /** New certificates issued now. */
  issued: number;
  /** Eligible participants who already had a valid certificate (left as they are). */
  alreadyIssued: number;
  /** Participants not eligible (or cancelled): nothing issued to them. */
  notEligible: number;
  message: Bilingual;
  /** Why nobody got one, when nobody could (e.g. the wave has no sessions). */
  reasons: Bilingual[];
  /** The certificates issued now. */
  certificates: CertificateRecord[];
}

/** GET /api/events/:eventId/certificates?wave= : every version, newest first per participant. */
export interface CertificateList {
  certificates: CertificateRecord[];
}
