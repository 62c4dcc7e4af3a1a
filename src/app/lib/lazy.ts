// A component whose code loads on first use: the door shell stays within its JavaScript budget
// while pairing, search, walk-in and the menu arrive as their own chunks. Every chunk is in the
// service worker's precache, so "on first use" works offline too.
import type { ComponentType, JSX } from 'preact';
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A lazily loaded component, plus `preload()` to fetch it ahead of time. */
export type LazyComponent<P> = ComponentType<P> & { preload(): Promise<void> };

/** Wraps `load` (a dynamic import) as a component that renders once its code has arrived. */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (err: unknown) => {
        pending = undefined; // let the next render try again
        throw err;
      },
    ));
  function Lazy(props: P): JSX.Element | null {
    const [, setTick] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setTick((n) => n + 1),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) return h(loaded, props);
    if (failed) {
      return h(
        'p',
        { class: 'notice problem', role: 'alert' },
        'Bagian ini gagal dimuat; muat ulang halaman. / This part failed to load; reload the page.',
      );
    }
    return null;
  }
  return Object.assign(Lazy, { preload });
}
