// The roster on the tablet: saved in chunks, each with its download cursor in the same
// transaction, so an interrupted download resumes from the last chunk that was saved whole.
import type { HadirDb } from './database';
import type { RosterEntry, RosterRow } from './types';
import { getMeta, setMeta } from './meta';
import { rosterWords } from './words';

/** Where a roster download stands, for the progress bar. */
export interface RosterProgress {
  saved: number;
  /** What the server said to expect; null before the manifest arrived. */
  total: number | null;
  complete: boolean;
  /** Where to resume; null before the first chunk. */
  cursor: string | null;
}

/** A stored row back to the entry the door works with (without its search words). */
export function toRosterEntry(row: RosterRow): RosterEntry {
  const { words: _words, ...entry } = row;
  return entry;
}

/** Saves one chunk and the cursor after it atomically: all of it or none of it. */
export async function saveRosterChunk(
  db: HadirDb,
  entries: readonly RosterEntry[],
  cursor: string,
): Promise<void> {
  const rows: RosterRow[] = entries.map((e) => ({ ...e, words: rosterWords(e) }));
  await db.transaction('rw', db.roster, db.meta, async () => {
    await db.roster.bulkPut(rows);
    await setMeta(db, 'rosterCursor', cursor);
  });
}

/** The cursor after the last chunk saved whole, or null to start from the beginning. */
export async function getRosterCursor(db: HadirDb): Promise<string | null> {
  return (await getMeta(db, 'rosterCursor')) ?? null;
}

/** Records that the whole roster has arrived. */
export async function markRosterComplete(db: HadirDb): Promise<void> {
  await setMeta(db, 'rosterComplete', true);
}

/** How many participants the tablet holds. */
export async function rosterCount(db: HadirDb): Promise<number> {
  return db.roster.count();
}

/** Saved, expected, done and where to resume, read together. */
export async function getRosterProgress(db: HadirDb): Promise<RosterProgress> {
  return db.transaction('r', db.roster, db.meta, async () => ({
    saved: await db.roster.count(),
    total: (await getMeta(db, 'rosterTotal')) ?? null,
    complete: (await getMeta(db, 'rosterComplete')) ?? false,
    cursor: (await getMeta(db, 'rosterCursor')) ?? null,
  }));
}

/** One participant by id, or null when not on this tablet. */
export async function getRosterEntry(
  db: HadirDb,
  participantId: string,
): Promise<RosterEntry | null> {
  const row = await db.roster.get(participantId);
  return row ? toRosterEntry(row) : null;
}

/** Forgets the roster and what came with it; scan events and the outbox always stay. */
export async function wipeRoster(db: HadirDb): Promise<void> {
  const tables = [db.roster, db.keys, db.waves, db.sessions, db.revocations, db.meta];
  await db.transaction('rw', tables, async () => {
    await Promise.all([
      db.roster.clear(),
      db.keys.clear(),
      db.waves.clear(),
      db.sessions.clear(),
      db.revocations.clear(),
      // The pull brings roster changes: with the roster gone it must start over.
      db.meta.bulkDelete(['rosterCursor', 'rosterComplete', 'rosterTotal', 'pullCursor']),
    ]);
  });
}
