// The door's database opened ahead of its code: on a restarted tablet the browser takes a few
// hundred milliseconds to open an origin's IndexedDB storage the first time, and the door's code
// (Dexie with it) arrives only later. A plain connection opened from the app's entry lets that
// happen meanwhile; Dexie's own connection then finds the storage open. On the scanning door the
// same connection also reads what decides the door's first screen (the pairing, keys, meta,
// sessions, waves and two counts), which the door engine takes instead of reading it again
// through Dexie (door-status.ts doorStartOf). Small and Dexie-free on purpose: every page's entry
// chunk carries it.

/** The database name the app uses (database.ts re-exports it). */
export const DB_NAME = 'hadir';

/**
 * The IndexedDB version of the door's current schema (Dexie stores its version × 10;
 * database.test.ts holds them together). The early read is only of a database already at it:
 * an older one is Dexie's to upgrade first.
 */
export const DB_VERSION = 30;

/** The early connection is closed by then, or as soon as a schema upgrade asks. */
const HOLD_MS = 4000;

/** What decides the door's first screen, as stored (the rows Dexie would read). */
export interface EarlyStartRows {
  device: unknown;
  keys: unknown[];
  meta: unknown[];
  sessions: unknown[];
  waves: unknown[];
  roster: number;
  issues: number;
}

let earlyStart: Promise<EarlyStartRows | null> | null = null;

/**
 * Opens the app's database if it exists (never creates it: a tablet that was never paired, or
 * was wiped, gets its database from Dexie, schema and all). Errors are ignored: Dexie reports its
 * own. With `readStart`, also reads the door's first rows, for takeEarlyStart().
 */
export function warmDatabase(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  options: { readStart?: boolean } = {},
): void {
  if (!factory || typeof factory.databases !== 'function') return;
  let done: (rows: EarlyStartRows | null) => void = () => {};
  if (options.readStart) {
    const mine = new Promise<EarlyStartRows | null>((resolve) => (done = resolve));
    earlyStart = mine;
    // Only for the door's first moments: a read nobody took by then is stale, and dropped.
    setTimeout(() => {
      if (earlyStart === mine) earlyStart = null;
    }, HOLD_MS);
  }
  factory.databases().then(
    (list) => {
      if (!list.some((d) => d.name === DB_NAME)) return done(null);
      const request = factory.open(DB_NAME);
      // Deleted in between: leave no empty database behind.
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = (event) => {
        event.preventDefault();
        done(null);
      };
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => db.close();
        setTimeout(() => db.close(), HOLD_MS);
        if (db.version === DB_VERSION) readStartRows(db, done);
        else done(null);
      };
    },
    () => done(null),
  );
}

/** The early read of the door's first rows (taken once), or null when none was started. */
export function takeEarlyStart(): Promise<EarlyStartRows | null> | null {
  const taken = earlyStart;
  earlyStart = null;
  return taken;
}

// One read-only transaction, its seven requests together; null on any failure (Dexie reads then).
function readStartRows(db: IDBDatabase, done: (rows: EarlyStartRows | null) => void): void {
  try {
    const tx = db.transaction(
      ['device', 'keys', 'meta', 'sessions', 'waves', 'roster', 'syncIssues'],
      'readonly',
    );
    const rows: Partial<EarlyStartRows> = {};
    const read = <K extends keyof EarlyStartRows>(
      key: K,
      request: IDBRequest,
      value: (result: unknown) => EarlyStartRows[K] = (r) => r as EarlyStartRows[K],
    ) => {
      request.onsuccess = () => (rows[key] = value(request.result));
    };
    read('device', tx.objectStore('device').getAll(null, 1), (r) => (r as unknown[])[0]);
    read('keys', tx.objectStore('keys').getAll());
    read('meta', tx.objectStore('meta').getAll());
    read('sessions', tx.objectStore('sessions').getAll());
    read('waves', tx.objectStore('waves').getAll());
    read('roster', tx.objectStore('roster').count());
    read('issues', tx.objectStore('syncIssues').count());
    tx.oncomplete = () => done(rows as EarlyStartRows);
    tx.onabort = () => done(null);
  } catch {
    done(null); // a store missing or the connection closing: Dexie reads it instead
  }
}
