// The app's one sync engine over the door database, and a hook for its state.
import { useEffect, useState } from 'preact/hooks';
import { hadirDb } from '../db';
import type { SyncEngine, SyncEngineState } from './sync-engine';
import { createSyncEngine, registerBackgroundSync } from './sync-engine';

let engine: SyncEngine | undefined;

/** The door's sync engine (created on first use; started by the door screen). */
export function doorSync(): SyncEngine {
  // The round's code loads with the first sync, not with the door screen.
  engine ??= createSyncEngine({
    round: async ({ pull }) => (await import('./sync-once')).syncOnce({ db: hadirDb(), pull }),
  });
  return engine;
}

/**
 * After a scan is on disk: sync now when online (a push only while the live stream is up), else
 * ask for a Background Sync.
 */
export function syncAfterScan(): void {
  if (navigator.onLine) void doorSync().request('own-scan');
  else void registerBackgroundSync();
}

/** The engine's state, re-rendering on change. */
export function useSyncEngineState(): SyncEngineState {
  const [state, setState] = useState(() => doorSync().state());
  useEffect(() => doorSync().subscribe(setState), []);
  return state;
}
