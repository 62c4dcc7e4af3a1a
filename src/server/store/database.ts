// Opens the store: an SQLite file by default, PostgreSQL when DATABASE_URL is set.
// Both go through Kysely so every query and migration is written once.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import { prepareRecurringStatements } from './prepared.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL's connection URL (for LISTEN connections); undefined for SQLite. */
  databaseUrl?: string;
  /**
   * SQLite's own handle, for the one hot statement worth a cached prepared statement. Use it only
   * inside a Kysely transaction or connection on `db` (which holds the single connection), never
   * beside one.
   */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… to use PostgreSQL; otherwise SQLite. */
  databaseUrl?: string | undefined;
  /** Folder for the SQLite file (created if missing). */
  dataDir?: string;
  /** A full SQLite path, overriding dataDir (":memory:" for throwaway tests). */
  sqlitePath?: string;
}

/** Opens the database and runs pending migrations; throws if a migration fails. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const store = opts.databaseUrl ? openPostgres(opts.databaseUrl) : openSqlite(opts);
  try {
    await migrate(store.db, store.dialect);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

function openSqlite(opts: StoreOptions): Store {
  let file = opts.sqlitePath;
  if (!file) {
    const dir = opts.dataDir ?? 'data';
    mkdirSync(dir, { recursive: true });
    file = join(dir, 'hadir.sqlite');
  }
  const sqlite = new SQLite(file);
  // WAL lets readers run beside the writer; FULL makes each commit survive a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

function openPostgres(url: string): Store {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      // int8 (our epoch-ms columns) as a JS number: safe up to 2^53.
      if (oid === 20) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    },
  } as unknown as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  prepareRecurringStatements(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', databaseUrl: url, close: () => db.destroy() };
}

/** True for PostgreSQL's "schema … does not exist" about a schema that is not ours. */
function isOtherSchemaGone(error: unknown, ours: string | undefined): boolean {
  const m = /schema "([^"]+)" does not exist/.exec(error instanceof Error ? error.message : '');
  return m !== null && m[1] !== ours;
}

async function migrate(db: Kysely<Database>, dialect: Store['dialect']): Promise<void> {
  // PostgreSQL: keep Kysely's bookkeeping tables in this store's own schema. Without a schema
  // the migrator finds another schema's lock table, skips creating its own, then fails.
  const migrationTableSchema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely's migrator lists the tables of every schema on the server; another schema dropped at
  // that moment (another app or test on a shared cluster) fails the listing with "schema … does
  // not exist". Nothing was migrated then, so it is simply asked again.
  for (let retry = 0; retry < 3 && isOtherSchemaGone(error, migrationTableSchema); retry++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * (retry + 1)));
    ({ error, results } = await migrator.migrateToLatest());
  }
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(
      `Migrasi basis data gagal / Database migration failed${name}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}
