// The wait at the heart of a live stream: sleep until there is news (or the client left), or
// until it is time for a keep-alive comment — whichever comes first.

export interface Waker {
  /** Ends the current sleep now (news arrived, or the stream was aborted). */
  wake(): void;
  /** Resolves after `ms`, or at the next wake(), whichever is first. */
  sleep(ms: number): Promise<void>;
}

/** One waker per stream. */
export function createWaker(): Waker {
  let wakeUp: (() => void) | null = null;
  return {
    wake: () => wakeUp?.(),
    async sleep(ms) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, ms);
      });
      clearTimeout(timer);
      wakeUp = null;
    },
  };
}
