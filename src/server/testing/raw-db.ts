// An empty database without migrations, for tests that migrate step by step (a migration's
// effect on rows written before it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from '../store/migrations.js';
import { freshPostgresSchema } from './stores.js';

export type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/** A fresh SQLite file or PostgreSQL schema, with a Migrator over the app's migrations. */
export async function openRawDb(
  kind: 'sqlite' | 'postgres',
): Promise<{ db: AnyDb; drop(): Promise<void>; migrator: Migrator }> {
  const { db, drop, migrationTableSchema } = await open(kind);
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  return { db, drop, migrator };
}

async function open(
  kind: 'sqlite' | 'postgres',
): Promise<{ db: AnyDb; drop(): Promise<void>; migrationTableSchema?: string }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hadir-mig-'));
    const db: AnyDb = new Kysely({
      dialect: new SqliteDialect({ database: new SQLite(join(dir, 'm.sqlite')) }),
    });
    return { db, drop: async () => (await db.destroy(), rmSync(dir, { recursive: true })) };
  }
  const schema = await freshPostgresSchema();
  const db: AnyDb = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: schema.url }) }),
  });
  const migrationTableSchema = (await sql<{ s: string }>`select current_schema() as s`.execute(db))
    .rows[0]!.s;
  return { db, drop: async () => (await db.destroy(), await schema.drop()), migrationTableSchema };
}
