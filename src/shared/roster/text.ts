// Cleaning cell text without changing what people wrote: only invisible and control characters go.

// C0/C1 controls and DEL; zero-width and BOM characters; bidi overrides that can disguise a name.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
// Whitespace of every kind, including Excel's Alt+Enter line breaks and no-break spaces.
const SPACES = /[\s\u00a0\u2007\u202f]+/g;

/**
 * Removes control and invisible characters only (tabs and line breaks stay): the one text rule
 * for every string the API accepts, so a typed name is cleaned as an imported one is.
 */
export function stripInvisible(raw: string): string {
  return raw.replace(INVISIBLE, '');
}

/** True when the text holds a control or invisible character that stripInvisible removes. */
export function hasInvisible(raw: string): boolean {
  return INVISIBLE_ONE.test(raw);
}
const INVISIBLE_ONE = new RegExp(INVISIBLE.source);

/**
 * Removes control and invisible characters, collapses whitespace (line breaks and tabs count)
 * into single spaces, trims, and composes accents (NFC). Everything else stays verbatim:
 * titles, apostrophes, "=HYPERLINK(…)", "<script>" are legitimate text here; escaping is the
 * job of whoever renders or exports it.
 */
export function cleanText(raw: string): string {
  return stripInvisible(raw).replace(SPACES, ' ').trim().normalize('NFC');
}

/** Length in characters as people count them (code points, not UTF-16 units). */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
