// The organizer's list of issued certificates: each record with what its signed token says (the
// name is in the token, not the record), its standing in words, and which ones "Cetak semua"
// prints (every valid one of the wave, in number order).
import type { CertificateRecord } from '../../../shared/api/certificates';
import type { CertificatePayload } from '../../../shared/certificate/token';
import { parseCertificate } from '../../../shared/certificate/token';
import type { Bilingual } from '../../../shared/messages';

export interface CertificateRow {
  record: CertificateRecord;
  /** What the token says; null for a damaged token (never expected, shown rather than hidden). */
  payload: CertificatePayload | null;
}

/** The rows in number order, newest version first within a number. */
export function certificateRows(records: readonly CertificateRecord[]): CertificateRow[] {
  return records
    .map((record) => ({ record, payload: parseCertificate(record.token)?.payload ?? null }))
    .sort(
      (a, b) =>
        a.record.number.localeCompare(b.record.number, 'id', { numeric: true }) ||
        b.record.version - a.record.version,
    );
}

/** What "Cetak semua" prints: every valid certificate, in number order. */
export function printableRows(rows: readonly CertificateRow[]): CertificateRow[] {
  return rows.filter((r) => r.record.status === 'valid' && r.payload !== null);
}

/** A record's standing in the list, in words. */
export function recordStatusWords(r: CertificateRecord): Bilingual {
  switch (r.status) {
    case 'valid':
      return { id: 'Berlaku', en: 'Valid' };
    case 'revoked':
      return r.revokeReason
        ? { id: `Dicabut: ${r.revokeReason}`, en: `Revoked: ${r.revokeReason}` }
        : { id: 'Dicabut', en: 'Revoked' };
    case 'superseded':
      return { id: 'Diganti versi baru', en: 'Replaced by a newer version' };
  }
}

/** How many are valid and how many no longer stand. */
export function certificateCounts(rows: readonly CertificateRow[]): {
  valid: number;
  ended: number;
} {
  const valid = rows.filter((r) => r.record.status === 'valid').length;
  return { valid, ended: rows.length - valid };
}

/** Runs `work` over `items` with at most `limit` at a time; results in the items' order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
