// Phone numbers and NIKs as Hadir writes them into the spreadsheets an office opens, so that
// Excel (Indonesian or English) keeps them as text: never a leading "+" (Excel reads a formula and
// our CSV writer must then prefix an apostrophe), never a bare run of digits (Excel drops the
// leading 0 of 0812… and rounds a 16-digit NIK after 15 digits). Both forms import back unchanged.

// E.164 country codes of two digits; 1 and 7 are the one-digit codes, every other code has three.
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

function countryCodeLength(digits: string): number {
  if (digits.startsWith('1') || digits.startsWith('7')) return 1;
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
}

/**
 * A stored (E.164) phone as an office writes it: Indonesian mobiles in the national form grouped
 * with dashes ("+6281234567890" → "0812-3456-7890"), other countries as "(+65) 91234567".
 * Anything else is returned unchanged.
 */
export function phoneForOffice(e164: string): string {
  const m = /^\+(\d{8,15})$/.exec(e164);
  if (!m) return e164;
  const digits = m[1]!;
  if (!digits.startsWith('62')) {
    const cc = countryCodeLength(digits);
    return `(+${digits.slice(0, cc)}) ${digits.slice(cc)}`;
  }
  const national = `0${digits.slice(2)}`;
  // 0812 + the rest in two halves, the longer last: 0811-123-456, 0812-345-6789, 0812-3456-7890.
  const rest = national.slice(4);
  const cut = Math.floor(rest.length / 2);
  return [national.slice(0, 4), rest.slice(0, cut), rest.slice(cut)].filter(Boolean).join('-');
}

/** A 16-digit NIK in four groups of four ("3674 0112 3456 0001"), for CSV; others unchanged. */
export function nikForCsv(nik: string): string {
  return /^\d{16}$/.test(nik) ? (nik.match(/\d{4}/g) ?? []).join(' ') : nik;
}
