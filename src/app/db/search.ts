// Search by hand when a phone is dead: name, business or the last four phone digits, answered
// from indexes only (the multi-entry `words` index and `phoneLast4`), never by reading the
// whole roster. Multi-word queries intersect the primary keys each word's index range holds.
import type { HadirDb } from './database';
import type { RosterEntry, RosterRow } from './types';
import { toRosterEntry } from './roster';
import { searchWords } from './words';

/** How many results a search returns unless told. */
export const DEFAULT_SEARCH_LIMIT = 20;

/** Options of a roster search. */
export interface RosterSearchOptions {
  limit?: number;
}

const LAST4 = /^\d{4}$/;

/** Keys of rows with a word starting with `prefix`, distinct, in index order, at most `limit`. */
async function wordPrefixKeys(db: HadirDb, prefix: string, limit?: number): Promise<string[]> {
  const range = db.roster.where('words').startsWith(prefix).distinct();
  return (limit === undefined ? range : range.limit(limit)).primaryKeys();
}

/** Keys of rows with a word starting with every one of `words`, at most `limit`. */
async function allWordsKeys(db: HadirDb, words: string[], limit: number): Promise<string[]> {
  if (words.length === 1) return wordPrefixKeys(db, words[0] ?? '', limit);
  // Start from the rarest word (index counts, no rows read) and stop as soon as nothing is left.
  const counted = await Promise.all(
    words.map(async (w) => ({ w, n: await db.roster.where('words').startsWith(w).count() })),
  );
  counted.sort((a, b) => a.n - b.n);
  if ((counted[0]?.n ?? 0) === 0) return [];
  let keys = await wordPrefixKeys(db, counted[0]?.w ?? '');
  for (const { w } of counted.slice(1)) {
    const other = new Set(await wordPrefixKeys(db, w));
    keys = keys.filter((k) => other.has(k));
    if (keys.length === 0) return [];
  }
  return keys.slice(0, limit);
}

/** Roster entries matching a typed query: word prefixes (all must match) or last 4 digits. */
export async function searchRoster(
  db: HadirDb,
  query: string,
  options: RosterSearchOptions = {},
): Promise<RosterEntry[]> {
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const words = searchWords(query);
  if (limit <= 0 || words.length === 0) return [];
  return db.transaction('r', db.roster, async () => {
    const compact = query.replace(/\s+/g, '');
    const phoneKeys = LAST4.test(compact)
      ? await db.roster.where('phoneLast4').equals(compact).limit(limit).primaryKeys()
      : [];
    // Digits may also be part of a name or business ("Toko 1234"): phone matches come first.
    const keys = [...new Set([...phoneKeys, ...(await allWordsKeys(db, words, limit))])];
    const rows = await db.roster.bulkGet(keys.slice(0, limit));
    return rows.filter((r): r is RosterRow => r !== undefined).map(toRosterEntry);
  });
}
