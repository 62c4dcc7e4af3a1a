// A consistent copy of the SQLite store while the server runs, through SQLite's online backup
// API (better-sqlite3's db.backup): the pages come from one read snapshot, so the result is a
// committed state — every push committed before the copy began, never half of one.
import { closeSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';

/** DATA_DIR/backups/hadir-YYYYMMDD-HHMMSS.sqlite, the time in UTC. */
export function defaultBackupPath(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return join(dataDir, 'backups', `hadir-${stamp}.sqlite`);
}

/**
 * Copies the store at `source` to `dest` (created new, mode 0600: it holds personal data), then
 * makes the copy a single self-contained file and checks it. Throws when `dest` exists or the
 * copy fails its integrity check.
 */
export async function backupSqlite(source: string, dest: string): Promise<void> {
  await mkdir(dirname(dest), { recursive: true, mode: 0o700 });
  // Created here with its mode, so the copy is never readable by others, not even for a moment.
  closeSync(openSync(dest, 'wx', 0o600));
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Every page in one step: one read transaction for the whole copy, so a busy server's
    // writes (WAL lets them go on meanwhile) cannot make the copy start over again and again.
    await db.backup(dest, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const copy = new SQLite(dest);
  try {
    // The copy carries the live store's WAL mode; a backup is one file, so back to a rollback journal.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity_check: ${String(check)}`);
  } finally {
    copy.close();
  }
}
