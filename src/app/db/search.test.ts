import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HadirDb } from './database';
import type { ReadRecord } from './test-helpers';
import type { RosterEntry } from './types';
import { saveRosterChunk } from './roster';
import { searchRoster } from './search';
import { freshDb, readRecorder, rosterRange } from './test-helpers';
import { rosterWords, searchWords } from './words';

const SIZE = 100_000;
const CHUNK = 5_000;
const all = rosterRange(0, SIZE);
const recorder = readRecorder();
let db: HadirDb;

beforeAll(async () => {
  db = freshDb('search');
  db.use(recorder.middleware); // before the first open: DBCore stacks are built on open
  for (let from = 0; from < SIZE; from += CHUNK) {
    await saveRosterChunk(db, all.slice(from, from + CHUNK), String(from + CHUNK));
  }
}, 120_000);
afterAll(() => db?.delete());
beforeEach(() => {
  recorder.reads.length = 0;
});

/** The answer by brute force over the generated array (never the database). */
function expected(query: string): Set<string> {
  const words = searchWords(query);
  const digits = query.replace(/\s+/g, '');
  return new Set(
    all
      .filter((e) => {
        if (/^\d{4}$/.test(digits) && e.phoneLast4 === digits) return true;
        const own = rosterWords(e);
        return words.length > 0 && words.every((w) => own.some((o) => o.startsWith(w)));
      })
      .map((e) => e.participantId),
  );
}

const ids = (entries: RosterEntry[]) => new Set(entries.map((e) => e.participantId));

/** What a search read from the roster store, summed. */
function rosterReads(reads: ReadRecord[]) {
  const roster = reads.filter((r) => r.table === 'roster');
  return {
    all: roster,
    indexes: new Set(roster.filter((r) => r.op !== 'getMany').map((r) => r.index)),
    wholeRange: roster.some((r) => r.wholeRange),
    valuesRead: roster.filter((r) => r.values).reduce((n, r) => n + r.items, 0),
    keysRead: roster.filter((r) => !r.values).reduce((n, r) => n + r.items, 0),
  };
}

describe('searchRoster over a 100k roster', () => {
  it.each([
    ['name prefix', 'wiry', 101],
    ['multi-word', 'Wiryawan Siti', 11],
    ['multi-word, prefixes in any order', 'amin siti wir', 2],
    ['business', 'keripik bu', undefined],
    ['last four phone digits', '0042', 10],
  ])('%s: %s', async (_label, query, count) => {
    const want = expected(query);
    if (count !== undefined) expect(want.size).toBe(count);
    expect(want.size).toBeGreaterThan(0);
    const found = await searchRoster(db, query, { limit: SIZE });
    expect(ids(found)).toEqual(want);
    expect(found.length).toBe(want.size); // no duplicates from the multi-entry index
  });

  it('is case, accent and apostrophe blind', async () => {
    const plain = ids(await searchRoster(db, 'wiryawan siti', { limit: 50 }));
    expect(ids(await searchRoster(db, 'WÍRYAWAN  Sití', { limit: 50 }))).toEqual(plain);
    expect(ids(await searchRoster(db, "wirya'wan siti", { limit: 50 }))).toEqual(plain);
    expect(await searchRoster(db, '  ·  ')).toEqual([]);
    expect(await searchRoster(db, 'zzzz')).toEqual([]);
  });

  it('returns at most `limit` entries, all of them matches', async () => {
    const want = expected('siti');
    expect(want.size).toBe(SIZE / 10);
    const found = await searchRoster(db, 'siti', { limit: 20 });
    expect(found).toHaveLength(20);
    for (const e of found) expect(want.has(e.participantId)).toBe(true);
    expect(found[0]).not.toHaveProperty('words');
  });

  it('reads only index ranges of matching words and candidate rows — never the whole table', async () => {
    /** Index entries and rows holding a word that starts with `w` (brute force). */
    const matches = (w: string) => {
      const perRow = all.map((e) => rosterWords(e).filter((o) => o.startsWith(w)).length);
      return { entries: perRow.reduce((a, b) => a + b, 0), rows: perRow.filter(Boolean).length };
    };
    for (const query of ['siti', 'wiryawan siti', 'keripik bu siti', 'siti budi', '0042']) {
      const limit = 20;
      recorder.reads.length = 0;
      const started = performance.now();
      const found = await searchRoster(db, query, { limit });
      const ms = performance.now() - started;
      const reads = rosterReads(recorder.reads);
      expect(reads.wholeRange, query).toBe(false);
      for (const index of reads.indexes) expect(['words', 'phoneLast4']).toContain(index);
      // Keys come from the rarest word's index range only; rows only from those candidates
      // (plus the phone matches of a four-digit query).
      const rarest = searchWords(query)
        .map(matches)
        .reduce((a, b) => (b.entries < a.entries ? b : a));
      const phoneRows = /^\d{4}$/.test(query) ? expected(query).size : 0;
      expect(reads.keysRead, query).toBeLessThanOrEqual(rarest.entries);
      expect(reads.valuesRead, query).toBeLessThanOrEqual(rarest.rows + phoneRows);
      expect(found.length, query).toBe(Math.min(limit, expected(query).size));
      console.info(
        `search "${query}": ${found.length} results; read ${reads.keysRead} index keys and ` +
          `${reads.valuesRead} rows of ${SIZE}; ${ms.toFixed(1)} ms on fake-indexeddb`,
      );
    }
    // A single word stops at `limit` distinct keys instead of reading all 10,000 Sitis, and
    // reads exactly the rows it returns.
    recorder.reads.length = 0;
    await searchRoster(db, 'siti', { limit: 20 });
    expect(rosterReads(recorder.reads)).toMatchObject({ keysRead: 20, valuesRead: 20 });
  });

  it('the recorder does catch a table scan (control)', async () => {
    await db.roster.toArray();
    const reads = rosterReads(recorder.reads);
    expect(reads.wholeRange).toBe(true);
    expect(reads.valuesRead).toBe(SIZE);
  });
});
