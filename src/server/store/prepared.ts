// PostgreSQL parses and plans every statement it is sent anew unless the statement is prepared.
// A busy door's push is two statements (its authentication and the insert), and at 2,000 tablets
// planning them alone took a fifth of PostgreSQL's time (docs/scaling.md). So every statement
// Kysely sends that recurs is sent as a named, prepared one: node-postgres prepares it once per
// connection, and afterwards only binds and executes it. Written once here, under Kysely, so no
// query has to know.
import type pg from 'pg';

/** A statement is prepared from its third sending on: one-offs (migrations) never are. */
export const PREPARE_AFTER = 3;
/** At most this many prepared statements per connection; beyond, statements are sent plainly. */
export const MAX_PREPARED = 200;
/** Statements counted towards PREPARE_AFTER; the count starts over when this many are held. */
const MAX_COUNTED = 5000;

/** Only plain data statements; transaction control, DDL, LISTEN and the rest are sent as they are. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const BEGINS = /^\s*(begin|start transaction)\b/i;
const ENDS = /^\s*(commit|rollback|end)\s*$/i;

/**
 * A prepared statement whose tables changed shape under it (another process migrated the
 * database): PostgreSQL refuses to run its old plan. That statement is then sent plainly.
 */
function isStalePlan(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === '0A000' && /cached plan must not change result type/.test(e.message ?? '');
}

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** Has every connection `pool` opens send recurring statements as prepared ones. */
export function prepareRecurringStatements(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const counted = new Map<string, number>();
  const plain = new Set<string>();
  let made = 0;

  const nameFor = (text: string): string | null => {
    const name = names.get(text);
    if (name !== undefined || plain.has(text) || !PREPARABLE.test(text)) return name ?? null;
    if (names.size >= MAX_PREPARED) return null;
    const n = (counted.get(text) ?? 0) + 1;
    if (n < PREPARE_AFTER) {
      if (counted.size >= MAX_COUNTED) counted.clear();
      counted.set(text, n);
      return null;
    }
    counted.delete(text);
    const named = `hadir_${++made}`;
    names.set(text, named);
    return named;
  };

  pool.on('connect', (client) => {
    // The driver's own query, looked up at each call (a test may watch it).
    const send = (...args: unknown[]): unknown =>
      (Object.getPrototypeOf(client) as { query: (...a: unknown[]) => unknown }).query.apply(
        client,
        args,
      );
    let inTransaction = false;
    const query: Query = async (text, values) => {
      if (BEGINS.test(text)) inTransaction = true;
      else if (ENDS.test(text)) inTransaction = false;
      const name = nameFor(text);
      if (name === null) return send(text, values) as Promise<pg.QueryResult>;
      try {
        return await (send({ name, text, values }) as Promise<pg.QueryResult>);
      } catch (error) {
        if (!isStalePlan(error)) throw error;
        names.delete(text);
        plain.add(text);
        // Outside a transaction nothing was done: the same statement, sent plainly, is safe. In
        // one, the transaction is spoilt already; the caller sees the error, the next call works.
        if (inTransaction) throw error;
        return send(text, values) as Promise<pg.QueryResult>;
      }
    };
    // Kysely sends its statements as (text, values); every other form (a cursor, a config
    // object, a callback) goes to node-postgres unchanged.
    const wrapped = (...args: unknown[]) =>
      typeof args[0] === 'string' &&
      args.length <= 2 &&
      (args[1] === undefined || Array.isArray(args[1]))
        ? query(args[0], args[1] as unknown[] | undefined)
        : send(...args);
    Object.assign(client, { query: wrapped });
  });
}
