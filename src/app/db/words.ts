// Search words for the roster's multi-entry index: what a volunteer types must find what the
// organizer typed, whatever the case, accents or apostrophes ("Ma'ruf", "maruf", "MA’RUF").

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`´]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
/** Longer words add index size and are never typed that far. */
const MAX_WORD_CHARS = 24;

/** Lowercase, accent-free words of a text, in order, without repeats. */
export function searchWords(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, MAX_WORD_CHARS));
  return [...new Set(words)];
}

/** The index words of a roster entry: its name's and its business's. */
export function rosterWords(entry: { name: string; business: string }): string[] {
  return [...new Set([...searchWords(entry.name), ...searchWords(entry.business)])];
}
