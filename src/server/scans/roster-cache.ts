// The roster rows reports need (names for lines, wave, phone and status for the summary), kept
// per event while its roster-change seq stays the same: every participant insert or update
// appends to roster_changes (migration 0004), so one indexed max() tells whether to read again.
// With SQLite the 4,000-row read is a synchronous block; skipping it keeps /api/health quick.
import type { Store } from '../store/database.js';
import { maxRosterSeq } from '../store/roster-changes.js';
import type { RosterPerson } from './summary.js';

const MAX_EVENTS = 8;
/** The rows, and names by participant id. */
export interface Roster {
  rows: readonly RosterPerson[];
  people: ReadonlyMap<string, { name: string; business: string }>;
}

const caches = new WeakMap<Store, Map<string, { version: number; roster: Roster }>>();

/** The event's participants as reports read them (shared: callers must not change them). */
export async function rosterOf(store: Store, eventId: string): Promise<Roster> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const version = await maxRosterSeq(store.db, eventId);
  const held = cache.get(eventId);
  if (held && held.version === version) return held.roster;
  const rows: RosterPerson[] = await store.db
    .selectFrom('participants')
    .select(['id', 'wave_id as waveId', 'name', 'business', 'phone', 'status'])
    .where('event_id', '=', eventId)
    .execute();
  const roster: Roster = {
    rows,
    people: new Map(rows.map((p) => [p.id, { name: p.name, business: p.business }])),
  };
  cache.delete(eventId);
  cache.set(eventId, { version, roster });
  while (cache.size > MAX_EVENTS) cache.delete(cache.keys().next().value!);
  return roster;
}
