// The camera decodes the same QR on every frame while it is held up; one showing must give one
// verdict, not thirty. A scan seen again later (put away, shown again) gives a verdict again.

/** Answers, per decoded text, whether this sighting is just the same showing still going on. */
export interface Cooldown {
  /** Records the sighting and says whether to ignore it; `now` in ms from a steady clock. */
  shouldIgnore(text: string, now: number): boolean;
}

/**
 * Text seen again within `ms` of its last sighting is ignored. The window slides: a code held in
 * front of the camera for ten seconds is one showing, so it never flips from green to
 * "already in". Different text is never ignored, so the next person in the queue goes straight
 * through; when a code is out of view for `ms` and comes back, it gets a verdict again.
 */
export function createCooldown({ ms = 3000 }: { ms?: number } = {}): Cooldown {
  const lastSeen = new Map<string, number>();
  let lastPrune = Number.NEGATIVE_INFINITY;
  return {
    shouldIgnore(text, now) {
      // Forget stale texts now and then so a long day of scanning keeps the map small.
      if (now - lastPrune >= ms || now < lastPrune) {
        for (const [seen, at] of lastSeen) if (!within(at, now, ms)) lastSeen.delete(seen);
        lastPrune = now;
      }
      const at = lastSeen.get(text);
      lastSeen.set(text, now);
      return at !== undefined && within(at, now, ms);
    },
  };
}

// A clock that went backwards proves nothing about the gap, so such a sighting is not ignored.
const within = (at: number, now: number, ms: number): boolean => now >= at && now - at < ms;
