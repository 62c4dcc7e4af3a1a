// `npm run backup [-- <path>]`: a consistent snapshot of the SQLite store, safe while the server
// runs (backup/snapshot.ts). Reads DATA_DIR and DATABASE_URL as the server does; PostgreSQL has
// its own tool (pg_dump), described in the README.
import { join } from 'node:path';
import { readConfig } from './config.js';
import { backupSqlite, defaultBackupPath } from './backup/snapshot.js';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (config.databaseUrl) {
    console.error(
      'Cadangan ini hanya untuk SQLite; untuk PostgreSQL pakai pg_dump (lihat README, "Cadangan") / This backup is for SQLite only; for PostgreSQL use pg_dump (see the README, "Backups").',
    );
    process.exit(2);
  }
  const dest = process.argv[2] || defaultBackupPath(config.dataDir);
  await backupSqlite(join(config.dataDir, 'hadir.sqlite'), dest);
  console.log(dest);
}

main().catch((err: unknown) => {
  console.error(
    'Cadangan gagal / Backup failed:',
    err instanceof Error ? err.message : String(err),
  );
  process.exit(1);
});
