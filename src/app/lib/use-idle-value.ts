// A signal's value for a part of the screen that may follow by a moment: it re-renders when the
// browser is idle after painting, so that what must show at once (the door's verdict) paints
// first and the counts and lists come right after.
import type { ReadonlySignal } from '@preact/signals';
import { effect } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';

/** Longest wait for an idle moment before updating anyway (a busy page still updates). */
const IDLE_TIMEOUT_MS = 250;

type Cancel = () => void;

/** Runs `work` once the browser is idle (or after a timer where idle callbacks do not exist). */
function whenIdle(work: () => void): Cancel {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 0);
  return () => clearTimeout(handle);
}

/** The signal's latest value, applied to this component when the browser is next idle. */
export function useIdleValue<T>(source: ReadonlySignal<T>): T {
  const [value, setValue] = useState<T>(() => source.peek());
  useEffect(() => {
    let cancel: Cancel | undefined;
    const stop = effect(() => {
      const next = source.value;
      cancel?.();
      cancel = whenIdle(() => setValue(() => next));
    });
    return () => {
      stop();
      cancel?.();
    };
  }, [source]);
  return value;
}
