// The SQLite data folder holds ticket signing keys and every participant's NIK and phone: the
// folder is the server user's alone (0700) and so are the database and its WAL/SHM files (0600),
// including ones an older version created 0755/0644.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './database.js';
import { clearRateLimits, hitRateLimit } from './rate-limits.js';

export const SQLITE_FILE = 'hadir.sqlite';
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** A start-up failure whose message is one bilingual line for the console. */
export class StartupProblem extends Error {}

const oneLine = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();

/** Creates (or tightens) DATA_DIR and the database file before SQLite opens it. */
export function prepareDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    tighten(dir, DIR_MODE);
    const file = join(dir, SQLITE_FILE);
    // Created here with 0600 so SQLite (which copies the database's mode to WAL/SHM) never
    // makes a world-readable one.
    if (!existsSync(file)) closeSync(openSync(file, 'a', FILE_MODE));
    tightenDataFiles(dir);
  } catch (err) {
    throw new StartupProblem(
      `Folder data ${dir} tidak bisa disiapkan (periksa izin tulis) / The data folder ${dir} cannot be prepared (check write permission): ${oneLine(err)}`,
    );
  }
}

/** Sets 0600 on the database and its WAL/SHM files that exist. */
export function tightenDataFiles(dir: string): void {
  for (const name of [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`]) {
    const file = join(dir, name);
    if (existsSync(file)) tighten(file, FILE_MODE);
  }
}

/**
 * Takes away what group and others may do (never adds to the owner's rights: a folder made
 * read-only on purpose stays read-only). One not ours to change is left for the write check.
 */
function tighten(path: string, allowed: number): void {
  const mode = statSync(path).mode & 0o777;
  if ((mode & ~allowed) === 0) return;
  try {
    chmodSync(path, mode & allowed);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
}

/**
 * Proves the store takes writes before the server says it is listening: a read-only file,
 * folder or database role otherwise fails on the first sign-in, long after start.
 */
export async function checkStoreWritable(store: Store, where: string): Promise<void> {
  const key = 'start:write-check';
  try {
    await hitRateLimit(store.db, { key, windowMs: 1000, now: Date.now() });
    await clearRateLimits(store.db, [key]);
  } catch (err) {
    throw new StartupProblem(
      `Penyimpanan data (${where}) tidak bisa ditulis; periksa izin folder/berkas atau hak akses basis data / The data store (${where}) cannot be written; check the folder/file permissions or the database role: ${oneLine(err)}`,
    );
  }
}

/** The one line for a store that cannot be opened or migrated at start. */
export function storeOpenProblem(where: string, err: unknown): StartupProblem {
  return new StartupProblem(
    `Penyimpanan data (${where}) tidak bisa dibuka; periksa alamat, izin folder/berkas atau hak akses basis data / The data store (${where}) cannot be opened; check the address, the folder/file permissions or the database role: ${oneLine(err)}`,
  );
}
