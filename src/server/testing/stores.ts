// Test stores: a fresh SQLite file, and a fresh PostgreSQL schema on TEST_DATABASE_URL.
// Outside CI an unreachable PostgreSQL skips its suite with a message; with HADIR_REQUIRE_PG=1
// (set by .ci/run) it fails instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Store } from '../store/database.js';
import { openStore } from '../store/database.js';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const PG_REQUIRED = process.env.HADIR_REQUIRE_PG === '1';

export interface TestStore {
  store: Store;
  /** Closes the store and removes its file or schema. */
  dispose(): Promise<void>;
}

/** Opens an empty, migrated SQLite store in a temp folder. */
export async function sqliteTestStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'hadir-test-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True when PostgreSQL answers on TEST_DATABASE_URL. */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A connection URL whose search_path is a brand-new schema; drop() removes it. */
export async function freshPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/** Opens an empty, migrated PostgreSQL store in its own schema. */
export async function postgresTestStore(): Promise<TestStore> {
  const schema = await freshPostgresSchema();
  const store = await openStore({ databaseUrl: schema.url });
  return {
    store,
    async dispose() {
      await store.close();
      await schema.drop();
    },
  };
}

/** The store kinds every store suite runs against; PostgreSQL marked skip when unreachable. */
export async function storeKinds(): Promise<
  { name: 'sqlite' | 'postgres'; open: () => Promise<TestStore>; skip: string | false }[]
> {
  const pgUp = await postgresReachable();
  if (!pgUp && PG_REQUIRED) {
    throw new Error(
      `PostgreSQL wajib di CI tetapi tidak terjangkau / required in CI but unreachable: ${PG_URL}`,
    );
  }
  return [
    { name: 'sqlite', open: sqliteTestStore, skip: false },
    {
      name: 'postgres',
      open: postgresTestStore,
      skip: pgUp
        ? false
        : `PostgreSQL not reachable at ${PG_URL}; set TEST_DATABASE_URL or start it`,
    },
  ];
}
