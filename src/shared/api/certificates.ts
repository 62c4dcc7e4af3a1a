// Certificates (issue 12): the API's shapes, agreed before the server and the pages are built.
// Tokens: shared/certificate/token.ts (`HS1.…`, signed with the event key).
import type { CertificatePayload } from '../certificate/token.js';

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
  /** The newest version's number when superseded; the reason when revoked. */
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
