// When sync runs: at app start, after each scan when online, on the `online` event, when the
// server pokes the tablet over its live stream (another door's check-in arrives within a second),
// when the stream comes up again, on a timer while the page is visible — every few seconds
// without the live stream, once a minute with it — and when the service worker relays a
// Background Sync. Only one round runs at a time, across tabs too (Web Locks); a request during a
// round runs one more round after it. Failures back off exponentially with jitter. Which rounds
// pull is the PullPlan's (src/shared/door/pull-plan.ts): with the stream up, a round for the tablet's own scans
// only pushes.
import type { SyncCause } from '../../shared/door/pull-plan';
import { PullPlan } from '../../shared/door/pull-plan';
import type { SyncReport } from './sync-once';

/** What the engine is doing, for the health line. */
export interface SyncEngineState {
  running: boolean;
  /** Consecutive failed rounds. */
  failures: number;
  /** When the next retry after a failure is due (device ms), or null. */
  retryAt: number | null;
  last: SyncReport | null;
  /** When the last round without an error ended (device ms); kept in memory, not on disk. */
  lastOkAt: number | null;
}

export interface SyncEngineOptions {
  /** Runs one round (syncOnce bound to the database); `pull: false` pushes only. */
  round: (plan: { pull: boolean }) => Promise<SyncReport>;
  /** Ms between rounds while online and visible, without the live stream. Default 3000. */
  intervalMs?: number;
  /** Ms between rounds while the live stream is up (a fallback only). Default 60000. */
  liveIntervalMs?: number;
  /** First retry delay after a failure; doubles up to maxBackoffMs. Defaults 1000 and 60000. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
}

export interface SyncEngine {
  /**
   * Asks for a round; resolves with the report of the round that covers this request. `own-scan`:
   * asked for by the tablet's own scan only (with the live stream up, such a round may only push).
   */
  request(cause?: SyncCause): Promise<SyncReport>;
  state(): SyncEngineState;
  subscribe(listener: (state: SyncEngineState) => void): () => void;
  /** Starts the triggers (timer, online, service worker messages); returns the stop function. */
  start(): () => void;
  /**
   * Whether the server's live stream is up (it has said `ready`): then the timer only polls
   * slowly and the tablet's own scans only push. A stream that comes up again asks for a pull.
   */
  setLive(connected: boolean): void;
}

/** The Web Lock that keeps sync rounds one at a time across this origin's tabs. */
export const SYNC_LOCK = 'hadir-sync-round';

/**
 * Runs `job` holding the sync lock where the browser has Web Locks (all current ones do): sync
 * rounds, and scans delivered by the live stream, never interleave.
 */
export function exclusive<T>(job: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(SYNC_LOCK, job) as Promise<T>) : job();
}

/** The delay before retry number `failures` (1-based): exponential, capped, ±50 % jitter. */
export function backoffMs(
  failures: number,
  options: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 60_000;
  const exp = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  return Math.round(exp * (0.5 + (options.random ?? Math.random)()));
}

/** The message the service worker sends when Background Sync fires. */
export const SYNC_MESSAGE = 'hadir-sync';

/** A sync engine over one round function. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const listeners = new Set<(s: SyncEngineState) => void>();
  let current: SyncEngineState = {
    running: false,
    failures: 0,
    retryAt: null,
    last: null,
    lastOkAt: null,
  };
  let inFlight: Promise<SyncReport> | null = null;
  let again: Promise<SyncReport> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const plan = new PullPlan();
  let rounds = 0;

  const set = (next: Partial<SyncEngineState>) => {
    current = { ...current, ...next };
    listeners.forEach((l) => l(current));
  };

  const run = async (): Promise<SyncReport> => {
    set({ running: true });
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    rounds += 1;
    const pull = plan.take();
    const report = await exclusive(() => options.round({ pull }));
    const endedAt = Date.now();
    plan.done(pull, report.error === null, endedAt);
    const failed = report.error !== null && !report.revoked;
    const failures = failed ? current.failures + 1 : 0;
    let retryAt: number | null = null;
    if (failed) {
      const delay = backoffMs(failures, {
        baseMs: options.baseBackoffMs,
        maxMs: options.maxBackoffMs,
        random: options.random,
      });
      retryAt = Date.now() + delay;
      retryTimer = setTimeout(() => void engine.request(), delay);
    }
    const lastOkAt = report.error === null ? endedAt : current.lastOkAt;
    set({ running: false, failures, retryAt, last: report, lastOkAt });
    return report;
  };

  const engine: SyncEngine = {
    request(cause = 'pull') {
      plan.ask(cause);
      if (inFlight) {
        // Something new may have been written after this round read the outbox: one more round.
        again ??= inFlight.then(() => {
          again = null;
          return engine.request('own-scan'); // what was asked for is in the plan already
        });
        return again;
      }
      inFlight = run().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    state: () => current,
    setLive(connected) {
      // Back up after the tablet has synced: pull what it may have missed while it was down (the
      // app-start round does that for the first connection).
      if (plan.setLive(connected) && rounds > 0) void engine.request();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      const tick = () => {
        const due = plan.pollDue(Date.now(), options.liveIntervalMs ?? 60_000);
        // Not while a round runs: it is the poll this tick wants, and a request now would queue
        // a second one behind it (lastPullAt moves only when it ends). Against a slow server
        // that doubled the slow poll of every tablet — measured in the fleet bench.
        if (
          due &&
          !current.running &&
          navigator.onLine &&
          document.visibilityState === 'visible' &&
          current.retryAt === null
        ) {
          void engine.request();
        }
      };
      const timer = setInterval(tick, options.intervalMs ?? 3000);
      const online = () => void engine.request();
      const visible = () => document.visibilityState === 'visible' && void engine.request();
      const message = (event: MessageEvent) => {
        if ((event.data as { type?: string } | null)?.type === SYNC_MESSAGE) void engine.request();
      };
      window.addEventListener('online', online);
      document.addEventListener('visibilitychange', visible);
      navigator.serviceWorker?.addEventListener('message', message);
      void engine.request(); // app start
      return () => {
        clearInterval(timer);
        if (retryTimer) clearTimeout(retryTimer);
        window.removeEventListener('online', online);
        document.removeEventListener('visibilitychange', visible);
        navigator.serviceWorker?.removeEventListener('message', message);
      };
    },
  };
  return engine;
}

/** Asks the browser to wake the service worker when the network returns (Chromium only). */
export async function registerBackgroundSync(): Promise<boolean> {
  try {
    const registration = await navigator.serviceWorker?.ready;
    const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)
      ?.sync;
    if (!sync) return false;
    await sync.register(SYNC_MESSAGE);
    return true;
  } catch {
    return false; // not supported, or not allowed in this context
  }
}
