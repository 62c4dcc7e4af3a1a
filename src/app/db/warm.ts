// The door's database opened ahead of its code: on a restarted tablet the browser takes a few
// hundred milliseconds to open an origin's IndexedDB storage the first time, and the door's code
// (Dexie with it) arrives only later. A plain connection opened from the app's entry lets that
// happen meanwhile; Dexie's own connection then finds the storage open. Small and Dexie-free on
// purpose: every page's entry chunk carries it.

/** The database name the app uses (database.ts re-exports it). */
export const DB_NAME = 'hadir';

/** The early connection is closed by then, or as soon as a schema upgrade asks. */
const HOLD_MS = 4000;

/**
 * Opens the app's database if it exists (never creates it: a tablet that was never paired, or
 * was wiped, gets its database from Dexie, schema and all). Errors are ignored: Dexie reports its own.
 */
export function warmDatabase(factory: IDBFactory | undefined = globalThis.indexedDB): void {
  if (!factory || typeof factory.databases !== 'function') return;
  factory.databases().then(
    (list) => {
      if (!list.some((d) => d.name === DB_NAME)) return;
      const request = factory.open(DB_NAME);
      // Deleted in between: leave no empty database behind.
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = (event) => event.preventDefault();
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => db.close();
        setTimeout(() => db.close(), HOLD_MS);
      };
    },
    () => {},
  );
}
