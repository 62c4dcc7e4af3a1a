// A signal's value for a part of the screen that may follow by a moment: it re-renders when the
// browser is idle after painting, so that what must show at once (the door's verdict) paints
// first and the counts and lists come right after.
import type { ReadonlySignal } from '@preact/signals';
import { effect } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { CancelIdle } from './when-idle';
import { whenIdle } from './when-idle';

/** The signal's latest value, applied to this component when the browser is next idle. */
export function useIdleValue<T>(source: ReadonlySignal<T>): T {
  const [value, setValue] = useState<T>(() => source.peek());
  useEffect(() => {
    let cancel: CancelIdle | undefined;
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
