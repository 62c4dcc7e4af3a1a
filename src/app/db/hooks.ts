// Preact hooks over Dexie's liveQuery: a component re-renders when the rows its query read
// change, in this tab or another. dexie-react-hooks needs React, so this is the small version.
import { Dexie, liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { HadirDb } from './database';
import type { RosterEntry } from './types';
import type { RosterProgress } from './roster';
import { hadirDb } from './database';
import { unsyncedCount } from './outbox';
import { getRosterProgress } from './roster';
import { searchRoster } from './search';
import type { DoorStatus } from './door-status';
import { getDoorStatus } from './door-status';
import type { SyncIssueScan } from './sync-issues';
import { listSyncIssueScans } from './sync-issues';
import type { SyncStatus } from './sync-state';
import { getSyncStatus } from './sync-state';

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

/**
 * Like useLive, for queries that read many rows and may lag a little (counts, lists): re-runs at
 * most once per `ms` after any change to `tables`, so a burst of scans costs one re-read, not
 * one per scan. The verdict itself never waits on these.
 */
export function useThrottledLive<T>(
  options: { db: HadirDb; tables: readonly string[]; ms: number },
  query: () => Promise<T>,
  deps: readonly unknown[],
): T | undefined {
  const [state, setState] = useState<LiveState<T>>({});
  useEffect(() => {
    let live = true;
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      running = true;
      again = false;
      try {
        const value = await query();
        if (live) setState({ value });
      } catch (error) {
        if (live) setState({ error: error ?? new Error('live query failed') });
      }
      running = false;
      if (again && live) schedule();
    };
    const schedule = () => {
      if (running) again = true;
      else timer ??= setTimeout(() => ((timer = undefined), void run()), options.ms);
    };
    // Dexie names changed ranges "idb://<db>/<table>/<index>", in this tab and in others.
    const prefixes = options.tables.map((t) => `idb://${options.db.name}/${t}/`);
    const onMutated = (parts: Record<string, unknown>) => {
      if (Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p)))) schedule();
    };
    Dexie.on('storagemutated', onMutated);
    void run();
    return () => {
      live = false;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, deps);
  if (state.error !== undefined) throw state.error;
  return state.value;
}

/** How often the door's counts and lists refresh during a burst of scans. */
const DOOR_REFRESH_MS = 400;

/** Roster download progress, for the progress bar. */
export function useRosterProgress(db: HadirDb = hadirDb()): RosterProgress | undefined {
  return useLive(() => getRosterProgress(db), [db]);
}

/** How many scan events wait to be pushed. */
export function useUnsyncedCount(db: HadirDb = hadirDb()): number | undefined {
  const opts = { db, tables: ['outbox'], ms: DOOR_REFRESH_MS };
  return useThrottledLive(opts, () => unsyncedCount(db), [db]);
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

/** Last sync, its error, revocation and issues, kept current. */
export function useSyncStatus(db: HadirDb = hadirDb()): SyncStatus | undefined {
  return useLive(() => getSyncStatus(db), [db]);
}

/** The scans the server refused or holds differently, with the reason, newest first. */
export function useSyncIssueScans(db: HadirDb = hadirDb()): SyncIssueScan[] | undefined {
  return useLive(() => listSyncIssueScans(db), [db]);
}
