// Named moments of start-up (`hadir:*` User Timing marks), read by `npm run bench`
// (e2e/bench/first-second.ts) to show where the first second goes. A mark costs microseconds.

// Remembered here rather than looked up in the performance timeline: the first lookup there
// showed 40 ms in a traced ticket load on a 4× slower CPU, before the first paint.
const marked = new Map<string, number>();

/** Marks `hadir:<name>` the first time it happens in this page; later calls do nothing. */
export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || marked.has(name)) return;
  marked.set(name, performance.mark(`hadir:${name}`).startTime);
}

/**
 * Marks `hadir:<name>` as having happened at `at` (performance.now() time), reported late: by a
 * worker whose message waited for a busy page. The earliest time given for a name is kept.
 */
export function markAt(name: string, at: number): void {
  if (typeof performance === 'undefined' || !Number.isFinite(at) || at < 0) return;
  const known = marked.get(name);
  if (known !== undefined && known <= at) return;
  if (known !== undefined) performance.clearMarks(`hadir:${name}`);
  marked.set(name, at);
  performance.mark(`hadir:${name}`, { startTime: at });
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
