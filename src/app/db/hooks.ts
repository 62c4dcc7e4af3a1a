// Preact hooks over Dexie's liveQuery: a component re-renders when the rows its query read
// change, in this tab or another. dexie-react-hooks needs React, so this is the small version.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { HadirDb } from './database';
import type { OutboxRow, RosterEntry, ScanEvent } from './types';
import type { RosterProgress } from './roster';
import { hadirDb } from './database';
import { oldestUnsynced, unsyncedCount } from './outbox';
import { getRosterProgress, rosterCount } from './roster';
import { lastCheckIn, listScans } from './scans';
import { searchRoster } from './search';
import type { DoorStatus } from './door-status';
import { getDoorStatus } from './door-status';
import type { RecentScan } from './recent';
import type { SyncStatus } from './sync-state';
import { getSyncStatus } from './sync-state';
import { recentScans, sessionAttendanceCount } from './recent';
import type { SessionRef } from './types';
import { getSessions } from './manifest';

interface LiveState<T> {
  value?: T;
  error?: unknown;
}

/** The query's latest result (undefined until the first); a failed query throws on render. */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [state, setState] = useState<LiveState<T>>({});
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value }),
      error: (error: unknown) => setState({ error: error ?? new Error('live query failed') }),
    });
    return () => subscription.unsubscribe();
    // The caller's deps decide when the query is a new one, as with useEffect.
  }, deps);
  if (state.error !== undefined) throw state.error;
  return state.value;
}

/** How many participants the tablet holds. */
export function useRosterCount(db: HadirDb = hadirDb()): number | undefined {
  return useLive(() => rosterCount(db), [db]);
}

/** Roster download progress, for the progress bar. */
export function useRosterProgress(db: HadirDb = hadirDb()): RosterProgress | undefined {
  return useLive(() => getRosterProgress(db), [db]);
}

/** How many scan events wait to be pushed. */
export function useUnsyncedCount(db: HadirDb = hadirDb()): number | undefined {
  return useLive(() => unsyncedCount(db), [db]);
}

/** The longest-waiting unsynced event, or null when everything is synced. */
export function useOldestUnsynced(db: HadirDb = hadirDb()): OutboxRow | null | undefined {
  return useLive(() => oldestUnsynced(db), [db]);
}

/** The most recent scan events, newest first. */
export function useRecentScans(limit = 20, db: HadirDb = hadirDb()): ScanEvent[] | undefined {
  return useLive(() => listScans(db, { limit }), [db, limit]);
}

/** What "undo" would cancel right now, or null. */
export function useLastCheckIn(db: HadirDb = hadirDb()): ScanEvent | null | undefined {
  return useLive(() => lastCheckIn(db), [db]);
}

/** Search results that follow both the typed query and roster changes. */
export function useRosterSearch(
  query: string,
  limit = 20,
  db: HadirDb = hadirDb(),
): RosterEntry[] | undefined {
  return useLive(() => searchRoster(db, query, { limit }), [db, query, limit]);
}

/** The door's standing (paired, roster complete, persistence, clock), kept current. */
export function useDoorStatus(db: HadirDb = hadirDb()): DoorStatus | undefined {
  return useLive(() => getDoorStatus(db), [db]);
}

/** The latest scans with names, newest first. */
export function useRecentScansWithNames(
  limit = 10,
  db: HadirDb = hadirDb(),
): RecentScan[] | undefined {
  return useLive(() => recentScans(db, limit), [db, limit]);
}

/** Every session this tablet knows, in start order. */
export function useSessions(db: HadirDb = hadirDb()): SessionRef[] | undefined {
  return useLive(() => getSessions(db), [db]);
}

/** Last sync, its error, revocation and issues, kept current. */
export function useSyncStatus(db: HadirDb = hadirDb()): SyncStatus | undefined {
  return useLive(() => getSyncStatus(db), [db]);
}

/** How many are in at a session across every door heard from, kept current. */
export function useSessionCount(sessionId: string, db: HadirDb = hadirDb()): number | undefined {
  return useLive(() => sessionAttendanceCount(db, sessionId), [db, sessionId]);
}
