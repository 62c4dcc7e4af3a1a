// The rate_limits table: tries per key in a fixed window, counted by one atomic upsert so that
// concurrent requests, in one process or many, each see their own place in the count.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/**
 * Counts one try against `key` and returns its place in the window: a row whose window has
 * ended starts again at 1. One INSERT … ON CONFLICT DO UPDATE … RETURNING, so two requests
 * never read the same count (PostgreSQL locks the row; SQLite runs one statement at a time).
 */
export async function hitRateLimit(
  db: Db,
  opts: { key: string; windowMs: number; now: number },
): Promise<{ tries: number; resetsAt: number }> {
  const { key, windowMs, now } = opts;
  const ended = sql<boolean>`rate_limits.resets_at <= ${now}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, tries: 1, resets_at: now + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        tries: sql<number>`case when ${ended} then 1 else rate_limits.tries + 1 end`,
        resets_at: sql<number>`case when ${ended} then ${now + windowMs} else rate_limits.resets_at end`,
      }),
    )
    .returning(['tries', 'resets_at'])
    .executeTakeFirstOrThrow();
  return { tries: Number(row.tries), resetsAt: Number(row.resets_at) };
}

/** Gives back one try on each key (a reservation that was not used, or a success). */
export async function refundRateLimits(db: Db, keys: string[]): Promise<void> {
  // One row per statement: no statement holds two rows' locks, so refunds never deadlock.
  for (const key of keys) {
    await db
      .updateTable('rate_limits')
      .set({ tries: sql<number>`tries - 1` })
      .where('key', '=', key)
      .where('tries', '>', 0)
      .execute();
  }
}

/** Forgets the keys' tries altogether. */
export async function clearRateLimits(db: Db, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await db.deleteFrom('rate_limits').where('key', 'in', keys).execute();
}

/** Removes rows whose window has ended (they count as absent anyway). */
export async function deleteExpiredRateLimits(db: Db, now: number): Promise<number> {
  const res = await db.deleteFrom('rate_limits').where('resets_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
