import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../lib/api';
import type { SyncReport } from './sync-once';
import { emptySyncReport } from './sync-once';
import { backoffMs, createSyncEngine } from './sync-engine';

const ok = (): SyncReport => emptySyncReport();
const offline = (): SyncReport => ({
  ...ok(),
  error: new ApiFailure(0, 'offline', { id: 'x', en: 'x' }),
});

describe('sync engine', () => {
  it('backs off exponentially with jitter, capped', () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, { random: mid }))).toEqual([
      1000, 2000, 4000, 8000, 60_000,
    ]);
    expect(backoffMs(3, { random: () => 0 })).toBe(2000);
    expect(backoffMs(3, { random: () => 0.999 })).toBeLessThan(6000);
  });

  it('runs one round at a time; requests during a round share one follow-up round', async () => {
    let running = 0;
    let most = 0;
    let rounds = 0;
    const engine = createSyncEngine({
      round: async () => {
        running += 1;
        most = Math.max(most, running);
        rounds += 1;
        await new Promise((r) => setTimeout(r, 20));
        running -= 1;
        return ok();
      },
    });
    const first = engine.request();
    const during = [engine.request(), engine.request(), engine.request()];
    await Promise.all([first, ...during]);
    expect(most).toBe(1);
    expect(rounds).toBe(2); // the round in flight, then one more for everything asked meanwhile
    expect(engine.state()).toMatchObject({ running: false, failures: 0, retryAt: null });
  });

  it('counts failures, schedules a retry, and clears both after a success', async () => {
    const results = [offline(), offline(), ok()];
    const engine = createSyncEngine({
      round: async () => results.shift() ?? ok(),
      baseBackoffMs: 5,
      random: () => 0.5,
    });
    const seen: number[] = [];
    engine.subscribe((s) => !s.running && seen.push(s.failures));
    await engine.request();
    expect(engine.state().failures).toBe(1);
    expect(engine.state().retryAt).not.toBeNull();
    // The scheduled retries run by themselves: 5 ms, then 10 ms.
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([1, 2, 0]);
    expect(engine.state().retryAt).toBeNull();
  });

  describe('its timer', () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    });

    it('polls at most once a minute with the live stream up, even when a round is slow', async () => {
      vi.useFakeTimers();
      const events = { addEventListener: () => undefined, removeEventListener: () => undefined };
      vi.stubGlobal('window', events);
      vi.stubGlobal('document', { ...events, visibilityState: 'visible' });
      vi.stubGlobal('navigator', { onLine: true });
      let rounds = 0;
      const engine = createSyncEngine({
        round: async () => {
          rounds += 1;
          // A loaded server: each round takes 10 s, several of the timer's 3 s ticks.
          await new Promise((r) => setTimeout(r, 10_000));
          return ok();
        },
      });
      engine.setLive(true);
      const stop = engine.start();
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      stop();
      // The app-start round, then one per minute at most: ten minutes give at most eleven.
      expect(rounds).toBeGreaterThanOrEqual(8);
      expect(rounds).toBeLessThanOrEqual(11);
    });
  });
});
