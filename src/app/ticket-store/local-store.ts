// The phone's localStorage as the ticket stores use it (saved tickets, kept QR drawings, kept
// first frames); tests pass their own.

/** The storage to use. Null when the browser forbids storage. */
export type Store = Pick<Storage, 'getItem' | 'setItem'> | null;

/** The browser's localStorage, or null where touching it throws (site data blocked). */
export function defaultStore(): Store {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
