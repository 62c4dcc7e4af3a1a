// Persistent storage: without it the browser may evict the roster and, worse, unsynced scans
// under storage pressure. The answer is kept so the door screen can show it.
// https://developer.mozilla.org/en-US/docs/Web/API/StorageManager/persist
import type { HadirDb } from './database';
import type { PersistenceAnswer } from './types';
import { getMeta, setMeta } from './meta';

/** The parts of navigator.storage used here; tests pass their own. */
export interface StorageLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** Where to ask, and where to remember the answer. */
export interface PersistenceOptions {
  /** Defaults to navigator.storage; pass null to act as a browser without it. */
  storage?: StorageLike | null;
  db?: HadirDb;
}

function browserStorage(): StorageLike | null {
  return (globalThis.navigator as Navigator | undefined)?.storage ?? null;
}

/** Asks for persistent storage (once granted, never again) and remembers the answer. */
export async function requestPersistence(
  options: PersistenceOptions = {},
): Promise<PersistenceAnswer> {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  let answer: PersistenceAnswer;
  if (!storage?.persist) {
    answer = { persisted: false, supported: false };
  } else {
    try {
      // Firefox shows a prompt on persist(); skip it when the grant is already there.
      const already = (await storage.persisted?.()) ?? false;
      answer = { persisted: already || (await storage.persist()), supported: true };
    } catch {
      answer = { persisted: false, supported: true };
    }
  }
  if (options.db) await setMeta(options.db, 'persistence', answer);
  return answer;
}

/** The last answer remembered by requestPersistence, or null before it was asked. */
export async function getPersistenceAnswer(db: HadirDb): Promise<PersistenceAnswer | null> {
  return (await getMeta(db, 'persistence')) ?? null;
}

/** Bytes used and available to this origin, or null where the browser cannot tell. */
export async function storageEstimate(
  storage: StorageLike | null = browserStorage(),
): Promise<{ usage: number; quota: number } | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}
