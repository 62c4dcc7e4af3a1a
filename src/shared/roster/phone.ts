// Phone numbers as people type them in Indonesia, reduced to one E.164 form so that re-imports,
// search and WhatsApp links all agree on who is who.

// Separators people and spreadsheets put in numbers: spaces (incl. no-break), dashes, dots, brackets.
const SEPARATORS = /[\s\u00a0\u2007\u202f\-\u2010-\u2015.()]/g;

/**
 * Normalises a phone number to E.164, or null when it is not a usable mobile number.
 * Indonesian mobiles in any common form (0812…, +62 812…, 62812…, 812…, +62 0812…) become
 * +628…; the national number (8 plus 8–11 digits, 9–12 in all) follows the numbering plan.
 * Other countries' numbers are accepted only when written internationally (+cc…, 8–15 digits).
 */
export function normalizePhone(input: string): string | null {
  let s = input.trim();
  // Office sheets force text with a leading apostrophe: '081234567890.
  if (s.startsWith("'")) s = s.slice(1).trim();
  // "(+62) 812…" as offices write it, and "(+65) 91234567" as Hadir's exports write other countries.
  s = s.replace(/^\(\s*\+(\d{1,3})\s*\)/, '+$1 ');
  if (s.length === 0 || s.length > 40) return null;
  const plus = s.startsWith('+');
  const digits = (plus ? s.slice(1) : s).replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return null;

  if (plus && !digits.startsWith('62')) {
    return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
  }
  let national: string;
  if (digits.startsWith('62')) {
    national = digits.slice(2);
    // "+62 0812…" is a common mix of both forms.
    if (national.startsWith('0')) national = national.slice(1);
  } else if (plus) {
    return null;
  } else if (digits.startsWith('0')) {
    national = digits.slice(1);
  } else {
    // Excel drops the leading zero of 0812… when the column is a number.
    national = digits;
  }
  return /^8\d{8,11}$/.test(national) ? `+62${national}` : null;
}

/** True for a string normalizePhone would return unchanged. */
export function isNormalizedPhone(s: string): boolean {
  return normalizePhone(s) === s;
}

/** The last n digits of a phone number: what a door tablet may hold and show. */
export function lastDigits(e164: string, n = 4): string {
  const digits = e164.replace(/\D/g, '');
  return n <= 0 ? '' : digits.slice(-n);
}

/**
 * The digit strings a typed search may match inside stored (E.164) phones: what was typed, and,
 * when it starts like a whole number (0…, 62…, +62…), the same start as stored (62…). "0811",
 * "62811", "+62 811-" all find +62811…, while "0001" still finds a number ending in 0001.
 * Empty when fewer than three digits were typed.
 */
export function phoneSearchForms(query: string): string[] {
  const trimmed = query.trim();
  const digits = trimmed.replace(SEPARATORS, '').replace(/^\+/, '');
  if (!/^\d{3,}$/.test(digits)) return [];
  const forms = new Set([digits]);
  if (digits.startsWith('62')) {
    const national = digits.slice(2).replace(/^0/, '');
    if (national.length > 0) forms.add(`62${national}`);
  } else if (digits.startsWith('0')) {
    forms.add(`62${digits.slice(1)}`);
  }
  return [...forms];
}

/** "+6281234567890" → "0812-3456-7890": how an Indonesian number is read aloud and saved. */
export function phoneText(e164: string): string {
  if (!e164.startsWith('+62')) return e164;
  const n = `0${e164.slice(3)}`;
  return [n.slice(0, 4), n.slice(4, 8), n.slice(8)].filter(Boolean).join('-');
}
