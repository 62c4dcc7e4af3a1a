// A new release waits for the person's consent: the service worker update is announced, never
// applied behind their back, and never while a page says it is busy (a verdict on screen, a sync
// running). Pages register guards; the banner asks, then applies when every guard is clear.

type Listener = (available: boolean) => void;
type Guard = () => { id: string; en: string } | null;

let apply: (() => void) | null = null;
const listeners = new Set<Listener>();
const guards = new Set<Guard>();

/** Called by the service-worker glue when a new version is installed and waiting. */
export function announceUpdate(applyFn: () => void): void {
  apply = applyFn;
  listeners.forEach((l) => l(true));
}

/** Whether an update is waiting. */
export function updateAvailable(): boolean {
  return apply !== null;
}

/** Subscribes to "an update is waiting"; returns the unsubscribe function. */
export function onUpdateAvailable(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A page says why now is a bad moment to reload (null when it is fine). */
export function registerUpdateGuard(guard: Guard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

/** The first reason not to reload right now, or null. */
export function updateBlocker(): { id: string; en: string } | null {
  for (const g of guards) {
    const reason = g();
    if (reason) return reason;
  }
  return null;
}

/** Applies the waiting update once no guard objects; resolves when it was applied. */
export async function applyUpdateWhenClear(opts: { pollMs?: number } = {}): Promise<void> {
  while (updateBlocker()) await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
  apply?.();
}
