// Every way a roster file or row can be rejected: a stable code plus words in both languages.
import { problem } from '../messages.js';
import type { Problem } from '../messages.js';

/** Every code the roster import can produce, for API docs, UI lookups and tests. */
export const ROSTER_PROBLEM_CODES = [
  'csv-binary',
  'csv-empty',
  'csv-no-rows',
  'csv-unclosed-quote',
  'csv-missing-columns',
  'csv-duplicate-column',
  'name-required',
  'name-too-long',
  'business-too-long',
  'phone-required',
  'phone-invalid',
  'email-invalid',
  'nik-invalid',
  'unknown-wave',
  'duplicate-in-file',
  'ambiguous-match',
  'duplicate-match',
] as const;

/** One of ROSTER_PROBLEM_CODES. */
export type RosterProblemCode = (typeof ROSTER_PROBLEM_CODES)[number];

/** A problem tied to one row of the file, named by its line as the spreadsheet shows it. */
export interface RowError {
  line: number;
  field: string | null;
  problem: Problem;
}

function p(code: RosterProblemCode, id: string, en: string): Problem {
  return problem(code, id, en);
}

/** Shows a user's value inside a message without letting a huge cell flood the screen. */
export function quoteValue(raw: string): string {
  const flat = raw.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 40 ? `${flat.slice(0, 40)}…` : flat}"`;
}

// Excel turns long digit strings into 6,28123E+12; say so, because the fix is in Excel.
function scientificHint(raw: string): { id: string; en: string } {
  return /\d[.,]?\d*e\+?\d+/i.test(raw)
    ? {
        id: ' Tampaknya Excel mengubahnya menjadi notasi ilmiah; format kolom sebagai Teks.',
        en: ' Excel seems to have turned it into scientific notation; format the column as Text.',
      }
    : { id: '', en: '' };
}

/** Builders for each roster problem, so wording lives in one place. */
export const rosterProblems = {
  binary: () =>
    p(
      'csv-binary',
      'Berkas ini bukan CSV teks (mungkin .xlsx atau gambar). Simpan dari Excel sebagai "CSV UTF-8".',
      'This file is not a text CSV (maybe .xlsx or an image). Save it from Excel as "CSV UTF-8".',
    ),
  empty: () => p('csv-empty', 'Berkas CSV kosong.', 'The CSV file is empty.'),
  noRows: () =>
    p(
      'csv-no-rows',
      'Berkas CSV hanya berisi judul kolom, tanpa baris peserta.',
      'The CSV file has a header but no participant rows.',
    ),
  unclosedQuote: () =>
    p(
      'csv-unclosed-quote',
      'Tanda kutip (") dibuka di baris ini tetapi tidak pernah ditutup; sisa berkas terbaca sebagai satu sel.',
      'A quote (") opens on this line and never closes; the rest of the file reads as one cell.',
    ),
  missingColumns: (missing: { id: string; en: string }[], found: string[]) =>
    p(
      'csv-missing-columns',
      `Kolom wajib tidak ditemukan: ${missing.map((m) => m.id).join(', ')}. Kolom yang ada: ${found.join(', ') || '(tidak ada)'}.`,
      `Required column(s) missing: ${missing.map((m) => m.en).join(', ')}. Columns found: ${found.join(', ') || '(none)'}.`,
    ),
  duplicateColumn: (field: { id: string; en: string }, headers: string[]) =>
    p(
      'csv-duplicate-column',
      `Ada lebih dari satu kolom untuk ${field.id}: ${headers.join(', ')}. Hapus atau ganti nama salah satunya.`,
      `More than one column means ${field.en}: ${headers.join(', ')}. Remove or rename one of them.`,
    ),
  nameRequired: () => p('name-required', 'Nama wajib diisi.', 'Name is required.'),
  nameTooLong: (max: number) =>
    p(
      'name-too-long',
      `Nama lebih dari ${max} karakter.`,
      `Name is longer than ${max} characters.`,
    ),
  businessTooLong: (max: number) =>
    p(
      'business-too-long',
      `Nama usaha lebih dari ${max} karakter.`,
      `Business name is longer than ${max} characters.`,
    ),
  phoneRequired: () => p('phone-required', 'Nomor HP wajib diisi.', 'Phone number is required.'),
  phoneInvalid: (raw: string) => {
    const hint = scientificHint(raw);
    return p(
      'phone-invalid',
      `Nomor HP ${quoteValue(raw)} tidak valid; contoh yang benar: 0812-3456-7890.${hint.id}`,
      `Phone number ${quoteValue(raw)} is not valid; a good one looks like 0812-3456-7890.${hint.en}`,
    );
  },
  emailInvalid: (raw: string) =>
    p(
      'email-invalid',
      `Email ${quoteValue(raw)} tidak valid.`,
      `Email ${quoteValue(raw)} is not valid.`,
    ),
  nikInvalid: (raw: string) => {
    const hint = scientificHint(raw);
    return p(
      'nik-invalid',
      `NIK ${quoteValue(raw)} harus tepat 16 angka.${hint.id}`,
      `NIK ${quoteValue(raw)} must be exactly 16 digits.${hint.en}`,
    );
  },
  unknownWave: (raw: string, waves: string[]) =>
    p(
      'unknown-wave',
      `Gelombang ${quoteValue(raw)} tidak dikenal. Pilihan: ${waves.join(', ') || '(belum ada gelombang)'}.`,
      `Unknown wave ${quoteValue(raw)}. Choices: ${waves.join(', ') || '(no waves yet)'}.`,
    ),
  duplicateInFile: (what: 'phone' | 'nik', earlierLine: number) =>
    p(
      'duplicate-in-file',
      `${what === 'phone' ? 'Nomor HP' : 'NIK'} sama dengan baris ${earlierLine}; baris ini dilewati.`,
      `Same ${what === 'phone' ? 'phone number' : 'NIK'} as line ${earlierLine}; this row is skipped.`,
    ),
  ambiguousMatch: (byPhone: string, byNik: string) =>
    p(
      'ambiguous-match',
      `Nomor HP cocok dengan peserta ${quoteValue(byPhone)}, tetapi NIK cocok dengan peserta lain ${quoteValue(byNik)}. Periksa lalu perbaiki salah satunya.`,
      `The phone number matches participant ${quoteValue(byPhone)} but the NIK matches another, ${quoteValue(byNik)}. Check and fix one of them.`,
    ),
  duplicateMatch: (earlierLine: number, name: string) =>
    p(
      'duplicate-match',
      `Baris ini dan baris ${earlierLine} sama-sama cocok dengan peserta ${quoteValue(name)}; baris ini dilewati.`,
      `This row and line ${earlierLine} both match participant ${quoteValue(name)}; this row is skipped.`,
    ),
};
