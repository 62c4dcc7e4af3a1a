// Which column is which, whatever the office called it and in whatever order: "Nama Lengkap",
// "No. HP / WhatsApp", "Nama Usaha/Koperasi", "E-mail", "NIK", "Gelombang".
import type { Bilingual, Problem } from '../messages.js';
import { rosterProblems } from './problems.js';

/** The participant fields a roster file can carry. */
export type RosterField = 'name' | 'business' | 'phone' | 'email' | 'nik' | 'wave';

/** Column index of each field in the file; null when the file has no such column. */
export interface ColumnMap {
  name: number;
  phone: number;
  business: number | null;
  email: number | null;
  nik: number | null;
  wave: number | null;
}

/** Each field's name for people, for error messages and the preview. */
export const FIELD_LABELS: Record<RosterField, Bilingual> = {
  name: { id: 'Nama', en: 'Name' },
  business: { id: 'Nama Usaha', en: 'Business name' },
  phone: { id: 'No. HP', en: 'Phone' },
  email: { id: 'Email', en: 'Email' },
  nik: { id: 'NIK', en: 'NIK' },
  wave: { id: 'Gelombang', en: 'Wave' },
};

/** Header texts that mean a field exactly (after normaliseHeader). */
export const HEADER_SYNONYMS: Record<RosterField, readonly string[]> = {
  name: ['nama', 'nama lengkap', 'nama peserta', 'name', 'full name', 'nama pemilik'],
  business: [
    'nama usaha',
    'usaha',
    'nama umkm',
    'umkm',
    'koperasi',
    'nama koperasi',
    'business',
    'business name',
    'company',
    'nama perusahaan',
  ],
  phone: [
    'no hp',
    'nomor hp',
    'hp',
    'no wa',
    'whatsapp',
    'nomor whatsapp',
    'telepon',
    'no telp',
    'phone',
    'phone number',
    'mobile',
  ],
  email: ['email', 'e mail', 'surel', 'alamat email'],
  nik: ['nik', 'no ktp', 'nomor ktp', 'nomor induk kependudukan'],
  wave: ['gelombang', 'wave', 'batch', 'angkatan'],
};

/** Lowercases, turns punctuation into spaces and collapses whitespace: "No. HP / WA" → "no hp wa". */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Words that make a header about something else: "Alamat Usaha", "Jenis Usaha", "Tanggal Lahir",
// "Tautan WhatsApp" (a link, as in Hadir's own tickets export, not the phone itself).
const OTHER_TOPIC = new Set(
  'alamat jenis bidang sektor kategori tanggal tgl tempat lahir kode jumlah status keterangan ket kecamatan kelurahan kota produk omzet tautan link url'.split(
    ' ',
  ),
);
const PHONE_WORDS = new Set(
  'hp wa whatsapp telepon telpon telp tlp phone mobile handphone ponsel seluler kontak'.split(' '),
);
const BUSINESS_WORDS = new Set(
  'usaha umkm ukm koperasi business company perusahaan toko'.split(' '),
);
const NAME_WORDS = new Set(['nama', 'name']);
const PERSON_WORDS = new Set(['pemilik', 'peserta', 'lengkap', 'owner', 'full']);
// Words that can sit in a name header without changing its meaning: "Nama (sesuai KTP)".
const FILLER = new Set([
  'sesuai',
  'ktp',
  'dan',
  'gelar',
  'dengan',
  'the',
  'of',
  'wajib',
  'opsional',
]);

/** The field a header means, or null: exact synonyms first, then telling words. */
export function classifyHeader(text: string): RosterField | null {
  const norm = normaliseHeader(text);
  if (norm === '') return null;
  for (const field of Object.keys(HEADER_SYNONYMS) as RosterField[]) {
    if (HEADER_SYNONYMS[field].includes(norm)) return field;
  }
  const words = norm.split(' ');
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  const only = (...sets: Set<string>[]) => words.every((w) => sets.some((set) => set.has(w)));
  if (has(OTHER_TOPIC)) return null;
  if (words.includes('email') || words.includes('surel') || norm.includes('e mail')) {
    return 'email';
  }
  if (has(NAME_WORDS)) {
    // "Nama Pemilik Usaha" is a person; "Nama Usaha/Koperasi" a business; "Nama Ibu" neither.
    if (has(PERSON_WORDS) || only(NAME_WORDS, FILLER)) return 'name';
    if (has(BUSINESS_WORDS) && only(NAME_WORDS, BUSINESS_WORDS, FILLER)) return 'business';
    return null;
  }
  if (words.includes('nik') || words.includes('ktp') || norm.includes('induk kependudukan')) {
    return 'nik';
  }
  if (has(PHONE_WORDS)) return 'phone';
  if (words.includes('gelombang') || words.includes('wave') || words.includes('batch')) {
    return 'wave';
  }
  if (only(BUSINESS_WORDS, FILLER) && has(BUSINESS_WORDS)) return 'business';
  return null;
}

/** Maps a header row to fields. Codes: csv-missing-columns (name, phone), csv-duplicate-column. */
export function mapHeader(
  cells: string[],
): { ok: true; columns: ColumnMap; ignored: string[] } | { ok: false; problem: Problem } {
  const found = new Map<RosterField, number[]>();
  const ignored: string[] = [];
  cells.forEach((cell, index) => {
    const field = classifyHeader(cell);
    if (field) found.set(field, [...(found.get(field) ?? []), index]);
    else if (cell.trim() !== '') ignored.push(cell.trim());
  });
  for (const [field, indexes] of found) {
    if (indexes.length > 1) {
      const headers = indexes.map((i) => `"${(cells[i] ?? '').trim()}"`);
      return { ok: false, problem: rosterProblems.duplicateColumn(FIELD_LABELS[field], headers) };
    }
  }
  const at = (field: RosterField): number | null => found.get(field)?.[0] ?? null;
  const name = at('name');
  const phone = at('phone');
  if (name === null || phone === null) {
    const missing = [
      name === null ? FIELD_LABELS.name : null,
      phone === null ? FIELD_LABELS.phone : null,
    ];
    const present = cells
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .map((c) => `"${c}"`);
    return {
      ok: false,
      problem: rosterProblems.missingColumns(
        missing.filter((m): m is Bilingual => m !== null),
        present,
      ),
    };
  }
  return {
    ok: true,
    columns: {
      name,
      phone,
      business: at('business'),
      email: at('email'),
      nik: at('nik'),
      wave: at('wave'),
    },
    ignored,
  };
}
