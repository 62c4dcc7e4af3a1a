// The certificate template as stored (signature images by content hash) and as the API shows it
// (image URLs), with the office's usual wording as the default until an admin saves one.
import type {
  CertificateTemplate,
  CertificateTemplateBody,
} from '../../shared/api/certificates.js';

/** What certificate_templates.template holds. */
export interface StoredTemplate {
  title: string;
  body: string;
  numberPattern: string;
  place: string;
  date: string | null;
  signers: { name: string; position: string; signature: string | null }[];
}

export const DEFAULT_TEMPLATE: StoredTemplate = {
  title: 'SERTIFIKAT',
  body: 'Diberikan kepada {nama} ({usaha}) yang telah mengikuti {program} — {gelombang}, {tempat}, {tanggal}.',
  numberPattern: '{no}/PLT-UMKM/DISKOP/{tahun}',
  place: 'Tangerang Selatan',
  date: null,
  signers: [],
};

/** The public, immutable URL of a stored certificate image (a signature or a logo copy). */
export function certificateImagePath(eventId: string, etag: string): string {
  return `/api/certificate-images/${encodeURIComponent(eventId)}/${encodeURIComponent(etag)}`;
}

/** Reads a stored template; the default for anything unreadable (never happens by our writes). */
export function parseStoredTemplate(json: string | undefined): StoredTemplate {
  if (json === undefined) return DEFAULT_TEMPLATE;
  try {
    return { ...DEFAULT_TEMPLATE, ...(JSON.parse(json) as Partial<StoredTemplate>) };
  } catch {
    return DEFAULT_TEMPLATE;
  }
}

/** The saved body with each signer keeping the signature image it had at the same index. */
export function mergeTemplate(old: StoredTemplate, body: CertificateTemplateBody): StoredTemplate {
  return {
    title: body.title,
    body: body.body,
    numberPattern: body.numberPattern,
    place: body.place,
    date: body.date,
    signers: body.signers.map((s, i) => ({
      name: s.name,
      position: s.position,
      signature: old.signers[i]?.signature ?? null,
    })),
  };
}

/** The API's template: image hashes become URLs; the logo URL is given by the caller. */
export function templateView(
  eventId: string,
  t: StoredTemplate,
  logoUrl: string | null,
): CertificateTemplate {
  return {
    title: t.title,
    body: t.body,
    numberPattern: t.numberPattern,
    place: t.place,
    date: t.date,
    signers: t.signers.map((s) => ({
      name: s.name,
      position: s.position,
      signatureUrl: s.signature ? certificateImagePath(eventId, s.signature) : null,
    })),
    logoUrl,
  };
}
