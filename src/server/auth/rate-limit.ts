// Failed sign-ins are counted per client address and per username in a sliding window;
// past the limit the login answers 429 until the window moves on.

export interface RateLimiter {
  /** Milliseconds until another try is allowed (0 = allowed now). */
  retryAfter(keys: string[], now?: number): number;
  /** Counts a failed attempt against each key. */
  fail(keys: string[], now?: number): void;
  /** Forgets a key's failures (after a successful sign-in). */
  reset(keys: string[]): void;
}

/** An in-process limiter: `max` failures per `windowMs`. */
export function createRateLimiter(opts: { max: number; windowMs: number }): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < opts.windowMs);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  return {
    retryAfter(keys, now = Date.now()) {
      let wait = 0;
      for (const key of keys) {
        const list = recent(key, now);
        if (list.length >= opts.max) wait = Math.max(wait, list[0]! + opts.windowMs - now);
      }
      return wait;
    },
    fail(keys, now = Date.now()) {
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
      if (failures.size > 10_000) {
        for (const key of [...failures.keys()].slice(0, 1000)) failures.delete(key);
      }
    },
    reset(keys) {
      keys.forEach((k) => failures.delete(k));
    },
  };
}
