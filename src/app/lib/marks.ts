// Named moments of start-up (`hadir:*` User Timing marks), read by `npm run bench`
// (e2e/bench/first-second.ts) to show where the first second goes. A mark costs microseconds.

/** Marks `hadir:<name>` the first time it happens in this page; later calls do nothing. */
export function markOnce(name: string): void {
  const full = `hadir:${name}`;
  if (typeof performance === 'undefined' || performance.getEntriesByName(full).length) return;
  performance.mark(full);
}

/** Runs `work`, recording its duration as the measure `hadir:<name>`; returns its result. */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`hadir:${name}`, { start, end: performance.now() });
  }
}
