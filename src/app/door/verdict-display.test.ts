import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Timers } from './verdict-display';
import { createVerdictDisplay } from './verdict-display';

const SHOW_MS = 4000;

describe('createVerdictDisplay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a verdict for its time, then clears it', () => {
    const d = createVerdictDisplay<string>();
    d.show('admitted', SHOW_MS);
    expect(d.current.value).toBe('admitted');
    vi.advanceTimersByTime(SHOW_MS - 1);
    expect(d.current.value).toBe('admitted');
    vi.advanceTimersByTime(1);
    expect(d.current.value).toBeNull();
  });

  it('never lets the previous verdict’s timer wipe a new one (gap swept across the edge)', () => {
    // Scans arriving from 50 ms before to 50 ms after the first verdict's timer, 0.5 ms apart.
    for (let gap = SHOW_MS - 50; gap <= SHOW_MS + 50; gap += 0.5) {
      vi.setSystemTime(0);
      const d = createVerdictDisplay<string>();
      d.show('first', SHOW_MS);
      vi.advanceTimersByTime(gap);
      d.show('second', SHOW_MS);
      // The second verdict stays for all of its own time, whatever the first timer does.
      vi.advanceTimersByTime(SHOW_MS - 1);
      expect(d.current.value, `gap ${gap} ms`).toBe('second');
      vi.advanceTimersByTime(1);
      expect(d.current.value, `gap ${gap} ms`).toBeNull();
      d.dispose();
    }
  });

  it('keeps a new verdict when an old timer callback runs late, after the new one is shown', () => {
    // A busy page: the first timer's callback is already queued when the second scan lands.
    const queued: (() => void)[] = [];
    const timers: Timers = {
      setTimeout: (fn) => queued.push(fn),
      clearTimeout: () => {}, // too late: the callback is already on its way
    };
    const d = createVerdictDisplay<string>(timers);
    d.show('first', SHOW_MS);
    d.show('second', SHOW_MS);
    queued[0]!();
    expect(d.current.value).toBe('second');
    queued[1]!();
    expect(d.current.value).toBeNull();
  });

  it('gives the same outcome shown twice its own full time', () => {
    const d = createVerdictDisplay<string>();
    const outcome = 'already-in';
    d.show(outcome, SHOW_MS);
    vi.advanceTimersByTime(3000);
    d.show(outcome, SHOW_MS);
    vi.advanceTimersByTime(3000);
    expect(d.current.value).toBe(outcome);
    vi.advanceTimersByTime(1000);
    expect(d.current.value).toBeNull();
  });

  it('dismisses at once and stops its timer on dispose', () => {
    const d = createVerdictDisplay<string>();
    d.show('wrong-wave', 12_000);
    d.dismiss();
    expect(d.current.value).toBeNull();
    d.show('forged', 12_000);
    d.dispose();
    vi.advanceTimersByTime(20_000);
    expect(d.current.value).toBe('forged');
    expect(vi.getTimerCount()).toBe(0);
  });
});
