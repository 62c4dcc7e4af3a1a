// Preact hooks over Dexie's liveQuery: a component re-renders when the rows its query read
// change, in this tab or another. dexie-react-hooks needs React, so this is the small version.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { HadirDb } from './database';
import type { RosterEntry } from './types';
import { hadirDb } from './database';
import { searchRoster } from './search';
import type { SyncIssueScan } from './sync-issues';
import { listSyncIssueScans } from './sync-issues';

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

/** Search results that follow both the typed query and roster changes. */
export function useRosterSearch(
  query: string,
  limit = 20,
  db: HadirDb = hadirDb(),
): RosterEntry[] | undefined {
  return useLive(() => searchRoster(db, query, { limit }), [db, query, limit]);
}

/** The scans the server refused or holds differently, with the reason, newest first. */
export function useSyncIssueScans(db: HadirDb = hadirDb()): SyncIssueScan[] | undefined {
  return useLive(() => listSyncIssueScans(db), [db]);
}
