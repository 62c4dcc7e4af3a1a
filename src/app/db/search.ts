// Search by hand when a phone is dead: name, business or the last four phone digits, answered
// from indexes only (the multi-entry `words` index and `phoneLast4`), never by reading the
// whole roster. A multi-word query starts from its rarest word's index range and checks those
// candidates' words page by page until it has enough.
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

/**
 * Keys of rows with a word starting with `prefix`, distinct, in index order, at most `limit`.
 * A plain key range becomes one getAllKeys() on the index; a Dexie filter such as distinct()
 * would walk a cursor instead, one round trip per key.
 */
async function wordPrefixKeys(db: HadirDb, prefix: string, limit = Infinity): Promise<string[]> {
  const range = () => db.roster.where('words').startsWith(prefix);
  let ask = limit;
  for (;;) {
    const keys = Number.isFinite(ask)
      ? await range().limit(ask).primaryKeys()
      : await range().primaryKeys();
    // A row appears once per matching word ("sit" matches "siti" and "sitompul").
    const distinct = [...new Set(keys)];
    if (distinct.length >= limit || keys.length < ask) return distinct.slice(0, limit);
    ask *= 2;
  }
}

/** Page size when checking a multi-word query's candidates. */
const CANDIDATE_PAGE = 100;

function present(rows: (RosterRow | undefined)[]): RosterRow[] {
  return rows.filter((r): r is RosterRow => r !== undefined);
}

/** Rows with a word starting with each of `words`, at most `limit` of them. */
async function rowsWithAllWords(
  db: HadirDb,
  words: string[],
  limit: number,
  skip: ReadonlySet<string>,
): Promise<RosterRow[]> {
  if (words.length === 1) {
    const keys = await wordPrefixKeys(db, words[0] ?? '', limit + skip.size);
    return present(await db.roster.bulkGet(keys.filter((k) => !skip.has(k)).slice(0, limit)));
  }
  // The rarest word (index counts, no rows read) gives the fewest candidates to check.
  const counted = await Promise.all(
    words.map(async (w) => ({ w, n: await db.roster.where('words').startsWith(w).count() })),
  );
  counted.sort((a, b) => a.n - b.n);
  const [rarest, ...others] = counted.map((c) => c.w);
  if (rarest === undefined || counted[0]?.n === 0) return [];
  const candidates = (await wordPrefixKeys(db, rarest)).filter((k) => !skip.has(k));
  const found: RosterRow[] = [];
  for (let at = 0; at < candidates.length && found.length < limit; at += CANDIDATE_PAGE) {
    const page = present(await db.roster.bulkGet(candidates.slice(at, at + CANDIDATE_PAGE)));
    for (const row of page) {
      if (others.every((w) => row.words.some((own) => own.startsWith(w)))) found.push(row);
    }
  }
  return found.slice(0, limit);
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
    // Digits may also be part of a name or business ("Toko 1234"): phone matches come first.
    const byPhone = LAST4.test(compact)
      ? await db.roster.where('phoneLast4').equals(compact).limit(limit).toArray()
      : [];
    const seen = new Set(byPhone.map((r) => r.participantId));
    const byWords =
      byPhone.length < limit ? await rowsWithAllWords(db, words, limit - byPhone.length, seen) : [];
    return [...byPhone, ...byWords].map(toRosterEntry);
  });
}
