// Caps the live streams one client holds open: each is a socket, a hub subscription and a loop
// for as long as it lasts, and a script (or a tab reopened in a loop) could hold thousands. Four
// per organizer session and per door tablet leave room for a few tabs or a reconnect that
// overlaps the old stream. Counted per server process: a stream's socket lives in one process.
import type { Context } from 'hono';
import type { AppDeps } from '../context.js';
import { fail } from './problem.js';

export const STREAMS_PER_CLIENT = 4;

type Counts = Map<string, number>;
const perApp = new WeakMap<AppDeps, Counts>();

/**
 * Takes a stream slot for `key` (a session or a device), or throws 429 in words when the client
 * already holds its four. Call the returned function once when the stream ends.
 */
export function takeStreamSlot(c: Context, deps: AppDeps, key: string): () => void {
  let counts = perApp.get(deps);
  if (!counts) perApp.set(deps, (counts = new Map()));
  const held = counts.get(key) ?? 0;
  if (held >= STREAMS_PER_CLIENT) {
    c.header('Retry-After', '30');
    throw fail(
      429,
      'too-many-streams',
      `Sudah ada ${STREAMS_PER_CLIENT} tampilan langsung terbuka dari perangkat ini. Tutup tab atau jendela lain yang menampilkannya, lalu coba lagi.`,
      `${STREAMS_PER_CLIENT} live views are already open from this device. Close other tabs or windows showing one, then try again.`,
    );
  }
  counts.set(key, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (counts.get(key) ?? 1) - 1;
    if (left > 0) counts.set(key, left);
    else counts.delete(key);
  };
}

/** Wraps a stream's body so its slot is given back however it ends (done, aborted, thrown). */
export function releasingAfter<S>(release: () => void, body: (stream: S) => Promise<void>) {
  return async (stream: S): Promise<void> => {
    try {
      await body(stream);
    } finally {
      release();
    }
  };
}
