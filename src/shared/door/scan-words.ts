// The words the organizer's console shows for a scan: every verdict code and scan kind the door
// records, in one place, so no screen ever shows a raw code like `admitted` or `not-a-ticket`.
import type { Bilingual } from '../messages.js';
import type { ReviewReason } from '../api/review.js';
import type { ScanEventKind, VerdictKind } from './types.js';
import { dayTimeText } from './wib-format.js';

/** Where a ticket holder belongs, when the console knows it: "Gelombang 2, Balaikota, …". */
export interface HolderWave {
  name: string;
  venue: string;
  startsAt: string;
}

const VERDICT_WORDS: Record<VerdictKind, Bilingual> = {
  admitted: { id: 'Diterima', en: 'Admitted' },
  'already-in': { id: 'Sudah masuk sebelumnya', en: 'Already checked in' },
  'wrong-wave': { id: 'Salah gelombang', en: 'Wrong wave' },
  'wrong-session': { id: 'Bukan sesi ini', en: 'Not this session' },
  revoked: { id: 'Tiket dicabut', en: 'Ticket revoked' },
  'valid-not-in-roster': {
    id: 'Diterima — belum ada di daftar tablet',
    en: "Admitted — not on the tablet's list yet",
  },
  'not-a-ticket': { id: 'Bukan tiket Hadir', en: 'Not a Hadir ticket' },
  forged: { id: 'Tiket tidak sah (palsu)', en: 'Ticket not genuine (fake)' },
};

const KIND_WORDS: Record<Exclude<ScanEventKind, 'check-in'>, Bilingual> = {
  undo: { id: 'Pemindaian dibatalkan relawan', en: 'Scan undone by the volunteer' },
  're-entry': { id: 'Masuk kembali', en: 'Re-entry' },
  override: { id: 'Diizinkan masuk oleh supervisor', en: 'Let in by a supervisor' },
  'walk-in': { id: 'Tanpa tiket — didaftar di pintu', en: 'Walk-in — registered at the door' },
};

const FLAG_WORDS: Record<string, Bilingual> = {
  'manual-search': {
    id: 'Dicari dengan nama/nomor HP (tanpa tiket)',
    en: 'Found by name/phone (no ticket scanned)',
  },
};

/** A verdict in words; wrong-wave says where the ticket belongs when `holder` is known. */
export function verdictWords(kind: VerdictKind, holder?: HolderWave): Bilingual {
  const base = VERDICT_WORDS[kind];
  if (kind !== 'wrong-wave' || holder === undefined) return base;
  const when = dayTimeText(holder.startsAt);
  const where = `${holder.name}, ${holder.venue}`;
  return {
    id: `${base.id} — tiketnya ${where}, ${when.id}`,
    en: `${base.en} — the ticket is for ${where}, ${when.en}`,
  };
}

/** A door flag in words; an unknown flag (a newer tablet's) is named plainly, never hidden. */
export function flagWords(flag: string): Bilingual {
  return FLAG_WORDS[flag] ?? { id: `Ditandai: ${flag}`, en: `Flagged: ${flag}` };
}

/** What one scan event means, in words: its kind, else the verdict the volunteer was shown. */
export function scanWords(
  scan: { kind: ScanEventKind; verdict: VerdictKind | null },
  holder?: HolderWave,
): Bilingual {
  if (scan.kind !== 'check-in') return KIND_WORDS[scan.kind];
  if (scan.verdict === null) return { id: 'Tanpa keputusan', en: 'No verdict' };
  return verdictWords(scan.verdict, holder);
}

/** True when the scan let the person in (the console marks these apart from refusals). */
export function scanAdmits(scan: { kind: ScanEventKind; verdict: VerdictKind | null }): boolean {
  if (scan.kind === 'undo') return false;
  if (scan.kind !== 'check-in') return true;
  return scan.verdict === 'admitted' || scan.verdict === 'valid-not-in-roster';
}

const REVIEW_WORDS: Record<Exclude<ReviewReason, 'flag' | 'rejected'>, Bilingual> = {
  'manual-search': FLAG_WORDS['manual-search']!,
  'walk-in': KIND_WORDS['walk-in'],
  override: KIND_WORDS.override,
  'not-in-roster': {
    id: 'Tiket sah tetapi belum ada di daftar tablet saat dipindai',
    en: "Genuine ticket, but not on the tablet's list when scanned",
  },
  'double-admission': {
    id: 'Diterima di lebih dari satu pintu saat offline (dihitung satu kali)',
    en: 'Admitted at more than one door while offline (counted once)',
  },
  'id-conflict': {
    id: 'ID pemindaian yang sama dikirim dua kali dengan isi berbeda',
    en: 'The same scan id was sent twice with different contents',
  },
  forged: VERDICT_WORDS.forged,
};

/** Why a "Perlu diperiksa" item needs a look; `detail` is the flag or the server's reason. */
export function reviewWords(reason: ReviewReason, detail: string | null): Bilingual {
  if (reason === 'flag') return flagWords(detail ?? '');
  if (reason === 'rejected') {
    const text = detail ?? '';
    const cut = text.indexOf(' / ');
    const id = cut < 0 ? text : text.slice(0, cut);
    const en = cut < 0 ? text : text.slice(cut + 3);
    const lead = { id: 'Ditolak server', en: 'Refused by the server' };
    return id === '' ? lead : { id: `${lead.id}: ${id}`, en: `${lead.en}: ${en}` };
  }
  return REVIEW_WORDS[reason];
}
