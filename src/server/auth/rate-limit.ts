// Limits on guessing (sign-in, pairing codes, the setup link), kept in the store so that every
// server process shares them. A try is reserved with one atomic upsert *before* the costly check
// (password hash, code lookup), so a burst of N concurrent guesses gets no more checks than N
// sequential ones. Written over our own table rather than rate-limiter-flexible: its SQLite
// backend takes the raw better-sqlite3 handle and would run statements beside Kysely's single
// connection (landing inside another request's open transaction), its PostgreSQL backend takes
// the raw pool, both keep their own table outside our migrations and sweep it on timers, and
// neither gives back a wider limit's try when a narrower one refuses (below).
import type { Context } from 'hono';
import type { AppDeps } from '../context.js';
import { fail } from '../http/problem.js';
import type { Store } from '../store/database.js';
import {
  clearRateLimits,
  deleteExpiredRateLimits,
  hitRateLimit,
  refundRateLimits,
} from '../store/rate-limits.js';

export interface LimitRule {
  max: number;
  windowMs: number;
}

export interface LimitRules {
  /** Sign-in tries for one username from one address; a success there clears it. */
  loginUserAddress: LimitRule;
  /** Sign-in tries from one address, whatever the username. */
  loginAddress: LimitRule;
  /** Sign-in tries for one username from all addresses together: caps a spread-out attack. */
  loginUser: LimitRule;
  /** Pairing-code tries from one address. */
  pairAddress: LimitRule;
  /** Pairing-code tries from everywhere (a wrong code names no event, so server-wide). */
  pairAll: LimitRule;
  /** Setup-link posts from one address. */
  setupAddress: LimitRule;
  /**
   * Ticket-page lookups from one address. Generous: a whole venue's phones may share one
   * address on its Wi-Fi, and a forged token proves nothing anyway; this caps the cost.
   */
  ticketInfoAddress: LimitRule;
}

const MINUTE = 60_000;

export const DEFAULT_LIMITS: LimitRules = {
  loginUserAddress: { max: 5, windowMs: 15 * MINUTE },
  loginAddress: { max: 50, windowMs: 15 * MINUTE },
  loginUser: { max: 50, windowMs: 60 * MINUTE },
  pairAddress: { max: 20, windowMs: 15 * MINUTE },
  pairAll: { max: 200, windowMs: 15 * MINUTE },
  setupAddress: { max: 10, windowMs: 15 * MINUTE },
  ticketInfoAddress: { max: 300, windowMs: 5 * MINUTE },
};

/** The limits in force: the defaults, with any the app was given. */
export function limitRules(deps: Pick<AppDeps, 'limits'>): LimitRules {
  return { ...DEFAULT_LIMITS, ...deps.limits };
}

/** One key counted under one rule. */
export interface Try {
  key: string;
  rule: LimitRule;
}

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Reserves one try on each key in order. When a key is spent, the tries already taken on the
 * keys before it are given back, so a refused request never uses up a wider limit (an attacker
 * stopped at their own address cannot fill the per-user ceiling for everyone).
 */
export async function reserveTries(
  store: Pick<Store, 'db'>,
  tries: Try[],
  now = Date.now(),
): Promise<Reservation> {
  const taken: string[] = [];
  for (const { key, rule } of tries) {
    const hit = await hitRateLimit(store.db, { key, windowMs: rule.windowMs, now });
    // A new window on a key is rare (once per key per window): a cheap moment to sweep.
    if (hit.tries === 1) await deleteExpiredRateLimits(store.db, now);
    if (hit.tries > rule.max) {
      await refundRateLimits(store.db, taken);
      return { ok: false, retryAfterMs: Math.max(1000, hit.resetsAt - now) };
    }
    taken.push(key);
  }
  return { ok: true };
}

/** After a success: `clear` forgets those keys, `refund` gives back this request's try. */
export async function forgiveTries(
  store: Pick<Store, 'db'>,
  opts: { clear?: Try[]; refund?: Try[] },
): Promise<void> {
  await clearRateLimits(
    store.db,
    (opts.clear ?? []).map((t) => t.key),
  );
  await refundRateLimits(
    store.db,
    (opts.refund ?? []).map((t) => t.key),
  );
}

/** Sign-in (or password-check) keys: per username at this address, this address, the username. */
export function loginTries(rules: LimitRules, username: string, address: string) {
  const user = encodeURIComponent(username.toLowerCase());
  return {
    userAddress: { key: `login:${user}@${address}`, rule: rules.loginUserAddress },
    address: { key: `login@${address}`, rule: rules.loginAddress },
    user: { key: `login:${user}`, rule: rules.loginUser },
  };
}

/** The 429 answer, with Retry-After in seconds. */
export function tooManyTries(c: Context, retryAfterMs: number, what: 'attempts' | 'codes') {
  const minutes = Math.ceil(retryAfterMs / MINUTE);
  c.header('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
  return what === 'codes'
    ? fail(
        429,
        'too-many-attempts',
        `Terlalu banyak kode yang salah; coba lagi dalam ${minutes} menit`,
        `Too many wrong codes; try again in ${minutes} minutes`,
      )
    : fail(
        429,
        'too-many-attempts',
        `Terlalu banyak percobaan; coba lagi dalam ${minutes} menit`,
        `Too many attempts; try again in ${minutes} minutes`,
      );
}
