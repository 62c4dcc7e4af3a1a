// Work that may wait a moment: run when the browser is idle after painting, so what must show at
// once (the door's verdict) is not held up by it.

/** Longest wait for an idle moment before running anyway (a busy page still gets it done). */
const IDLE_TIMEOUT_MS = 250;

export type CancelIdle = () => void;

/** Runs `work` once the browser is idle (or after a timer where idle callbacks do not exist). */
export function whenIdle(work: () => void): CancelIdle {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 0);
  return () => clearTimeout(handle);
}
