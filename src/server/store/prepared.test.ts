// Statements that recur are prepared on PostgreSQL (prepared.ts): what PostgreSQL itself lists
// as prepared on the connection, the answers unchanged, and a table changing shape under a
// prepared statement (another process migrating) costing at most the one statement.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresSchema } from '../testing/stores.js';
import { storeKinds } from '../testing/stores.js';
import { MAX_PREPARED, PREPARE_AFTER, prepareRecurringStatements } from './prepared.js';

const postgres = (await storeKinds()).find((k) => k.name === 'postgres')!;

/**
 * For the describe block it is called in: a fresh schema made by `setup`, behind a pool of one
 * connection (so what PostgreSQL lists as prepared is the test's) with recurring statements
 * prepared, and another plain connection, as another process would hold.
 */
function oneConnection(setup: string[]) {
  const t = {} as {
    schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
    db: Kysely<unknown>;
    other: pg.Client;
  };
  beforeAll(async () => {
    t.schema = await freshPostgresSchema();
    const pool = new pg.Pool({ connectionString: t.schema.url, max: 1 });
    prepareRecurringStatements(pool);
    t.db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    for (const statement of setup) await sql.raw(statement).execute(t.db);
    t.other = new pg.Client({ connectionString: t.schema.url });
    await t.other.connect();
  });
  afterAll(async () => {
    await t.other?.end();
    await t.db?.destroy();
    await t.schema?.drop();
  });
  return t;
}

describe.skipIf(postgres.skip)('recurring statements on PostgreSQL', () => {
  const t = oneConnection([
    'create table peserta (id int primary key, nama text)',
    "insert into peserta values (1, 'Siti'), (2, 'Budi')",
  ]);

  const prepared = async () =>
    (
      await sql<{
        statement: string;
      }>`select statement from pg_prepared_statements where name like 'hadir_%'`.execute(t.db)
    ).rows.map((r) => r.statement);
  const nameOf = (id: number) =>
    sql<{ nama: string }>`select nama from peserta where id = ${id}`.execute(t.db);

  it('prepares a statement from its third sending on, and answers it the same', async () => {
    for (let i = 1; i < PREPARE_AFTER; i++) {
      expect((await nameOf(1)).rows).toEqual([{ nama: 'Siti' }]);
      expect(await prepared()).not.toContain('select nama from peserta where id = $1');
    }
    expect((await nameOf(2)).rows).toEqual([{ nama: 'Budi' }]);
    expect(await prepared()).toContain('select nama from peserta where id = $1');
    // Bound afresh each time: another value, another answer.
    expect((await nameOf(1)).rows).toEqual([{ nama: 'Siti' }]);
    expect((await nameOf(3)).rows).toEqual([]);
  });

  it('never prepares what is sent once, nor more than its limit', async () => {
    await sql`select count(*) from peserta where nama = ${'sekali'}`.execute(t.db);
    expect((await prepared()).some((s) => s.includes('sekali') || s.includes('count('))).toBe(
      false,
    );
    for (let k = 0; k < MAX_PREPARED + 5; k++) {
      for (let i = 0; i < PREPARE_AFTER; i++) {
        await sql`select ${sql.lit(k)} as k, id from peserta where id = ${1}`.execute(t.db);
      }
    }
    expect((await prepared()).length).toBe(MAX_PREPARED);
    // Beyond the limit statements still run, plainly.
    const last = await sql<{
      k: number;
    }>`select ${sql.lit(MAX_PREPARED + 4)} as k from peserta where id = ${2}`.execute(t.db);
    expect(last.rows).toEqual([{ k: MAX_PREPARED + 4 }]);
  });
});

describe.skipIf(postgres.skip)('a table changing shape under a prepared statement', () => {
  const t = oneConnection([
    'create table pintu (id int primary key, nama text)',
    'create table sesi (id int primary key, nama text)',
    "insert into pintu values (1, 'Utara')",
    "insert into sesi values (1, 'Pagi')",
  ]);

  it('outside a transaction: answered in the new shape at once', async () => {
    const all = () => sql`select * from pintu where id = ${1}`.execute(t.db);
    for (let i = 0; i < PREPARE_AFTER; i++) await all();
    // Another process migrates: the prepared plan's columns no longer hold.
    await t.other.query('alter table pintu add column lantai int');
    expect((await all()).rows).toEqual([{ id: 1, nama: 'Utara', lantai: null }]);
    expect((await all()).rows).toEqual([{ id: 1, nama: 'Utara', lantai: null }]);
  });

  it('inside a transaction: that transaction fails, the next one works', async () => {
    const all = (on: Kysely<unknown> = t.db) => sql`select * from sesi where id = ${1}`.execute(on);
    for (let i = 0; i < PREPARE_AFTER; i++) await all();
    await t.other.query('alter table sesi add column ruang text');
    await expect(t.db.transaction().execute((tx) => all(tx))).rejects.toThrow(/cached plan/);
    const again = await t.db.transaction().execute((tx) => all(tx));
    expect(again.rows).toEqual([{ id: 1, nama: 'Pagi', ruang: null }]);
  });
});
