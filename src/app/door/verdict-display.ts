// The verdict on screen and how long it stays. It lives here, outside any component, so that one
// owner decides when a verdict goes: a component effect that set a timer per verdict could clear
// a newer verdict when the old timer fired between the new verdict's render and the effect's
// clean-up (two scans about 4.0 s apart did it). Each verdict's timer can only clear itself.
import type { ReadonlySignal } from '@preact/signals';
import { signal } from '@preact/signals';

export interface VerdictDisplay<T> {
  /** The verdict shown now, or null. Components read `.value` and re-render when it changes. */
  readonly current: ReadonlySignal<T | null>;
  /** Shows a verdict for `ms` milliseconds, replacing whatever was shown. */
  show(verdict: T, ms: number): void;
  /** Clears the screen now (the volunteer tapped it away, or an undo). */
  dismiss(): void;
  /** Stops the timer (the door screen is leaving). */
  dispose(): void;
}

/** Timer functions, replaceable in tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A verdict holder whose display timer belongs to the verdict it was started for. */
export function createVerdictDisplay<T>(timers: Timers = realTimers): VerdictDisplay<T> {
  const current = signal<T | null>(null);
  // A fresh token per verdict: the same outcome object shown twice still gets its own timer.
  let shown: { verdict: T } | null = null;
  let timer: unknown = null;
  const stop = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  return {
    current,
    show(verdict, ms) {
      stop();
      const token = { verdict };
      shown = token;
      current.value = verdict;
      timer = timers.setTimeout(() => {
        if (shown !== token) return;
        shown = null;
        timer = null;
        current.value = null;
      }, ms);
    },
    dismiss() {
      stop();
      shown = null;
      current.value = null;
    },
    dispose: stop,
  };
}
