// Tells organizer live views that an event has new scans. With SQLite there is one process, so
// a local fan-out suffices; with PostgreSQL every process LISTENs on one channel and a push
// NOTIFYs it, so a scan stored by any process reaches live views held by all of them.
// Notifications carry only the event id, and for stored scans the id of the device that sent them
// ("<eventId> <deviceId>", so a tablet is not poked by its own push): listeners read the new rows
// themselves, so a lost or merged notification costs a little latency, never an event.
import pg from 'pg';
import { sql } from 'kysely';
import type { Logger } from '../http/log.js';
import type { Store } from '../store/database.js';

export const LIVE_CHANNEL = 'hadir_scans';

/** The LISTEN connection's application_name: this process's, so it can be told apart. */
export const listenerName = () => `hadir-live ${process.pid}`;

/** The text of a notification: the event id, then the pushing device's id when there is one. */
export function notifyPayload(eventId: string, origin?: string | null): string {
  return origin ? `${eventId} ${origin}` : eventId;
}

export interface LiveHub {
  /**
   * Calls `fn` whenever `eventId` has news (new scans, or an organizer's change), with the device
   * whose push it was when known; returns the unsubscribe.
   */
  subscribe(eventId: string, fn: (origin: string | null) => void): Promise<() => void>;
  /**
   * PostgreSQL: the channel a writing transaction NOTIFYs itself (delivered only on commit, no
   * extra round trip); null when writers call `announce` after committing instead.
   */
  readonly channel: string | null;
  /** Announces news of `eventId` (after its commit), from device `origin` when a push. */
  announce(eventId: string, origin?: string): Promise<void>;
  /** True once close() ran: live streams end so the server can shut down. */
  readonly closed: boolean;
  /** Wakes every subscriber one last time, then drops them and any LISTEN connection. */
  close(): Promise<void>;
}

/** A hub for this store: in-process for SQLite, LISTEN/NOTIFY for PostgreSQL. */
export function createLiveHub(store: Store, log?: Logger): LiveHub {
  const listeners = new Map<string, Set<(origin: string | null) => void>>();
  let closed = false;
  const wakeAll = () => {
    for (const set of [...listeners.values()]) for (const fn of [...set]) fn(null);
    listeners.clear();
  };
  const deliver = (payload: string) => {
    const [eventId = '', origin] = payload.split(' ');
    for (const fn of listeners.get(eventId) ?? []) fn(origin ?? null);
  };
  const add = (eventId: string, fn: (origin: string | null) => void) => {
    let set = listeners.get(eventId);
    if (!set) listeners.set(eventId, (set = new Set()));
    set.add(fn);
    // Idempotent, and it drops only its own set: a stream that ends calls this twice (on abort
    // and after its loop), and must never remove a newer stream's listeners of the same event.
    return () => {
      if (!set.delete(fn)) return;
      if (set.size === 0 && listeners.get(eventId) === set) listeners.delete(eventId);
    };
  };
  if (store.dialect !== 'postgres' || !store.databaseUrl) {
    return {
      channel: null,
      get closed() {
        return closed;
      },
      subscribe: async (eventId, fn) => add(eventId, fn),
      announce: async (eventId, origin) => deliver(notifyPayload(eventId, origin)),
      close: async () => {
        closed = true;
        wakeAll();
      },
    };
  }

  // One LISTEN connection per process, opened with the first subscriber, closed with the last.
  // A connection that fails (PostgreSQL restarted, the backend terminated, the network dropped)
  // is opened again with backoff while anyone listens; notifications sent meanwhile are lost, so
  // once it is back every subscriber hears "news, origin unknown" and catches up by reading.
  const url = store.databaseUrl;
  let client: Promise<pg.Client> | null = null;
  /** The connection that is listening now, once `client` has resolved. */
  let active: pg.Client | null = null;
  const released = new WeakSet<pg.Client>();
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const lost = (c: pg.Client, why: string) => {
    if (released.has(c) || active !== c) return;
    released.add(c);
    active = null;
    client = null;
    log?.('warn', 'live-listen-lost', { error: why });
    void c.end().catch(() => undefined);
    reconnect();
  };
  const reconnect = () => {
    if (closed || retry || listeners.size === 0) return;
    failures += 1;
    const delay = Math.min(30_000, 250 * 2 ** Math.min(failures - 1, 7));
    retry = setTimeout(() => {
      retry = undefined;
      if (closed || listeners.size === 0 || client) return;
      const opening = connect();
      client = opening;
      opening.then(
        () => {
          failures = 0;
          wakeEvery();
        },
        () => {
          if (client === opening) client = null;
          reconnect();
        },
      );
    }, delay);
    retry.unref?.();
  };
  const connect = async () => {
    // Named, so an operator (or a test) can tell it in pg_stat_activity.
    const c = new pg.Client({ connectionString: url, application_name: listenerName() });
    c.on('notification', (n) => {
      if (n.channel === LIVE_CHANNEL && n.payload) deliver(n.payload);
    });
    c.on('error', (err) => lost(c, err.message));
    c.on('end', () => lost(c, 'connection ended'));
    try {
      await c.connect();
      await c.query(`listen ${LIVE_CHANNEL}`);
    } catch (err) {
      released.add(c);
      await c.end().catch(() => undefined);
      throw err;
    }
    active = c;
    return c;
  };
  // Every event someone listens to has had news this process may have missed.
  const wakeEvery = () => {
    for (const [eventId, set] of [...listeners]) {
      for (const fn of [...set]) if (listeners.get(eventId)?.has(fn)) fn(null);
    }
  };
  const release = async () => {
    if (listeners.size > 0) return;
    clearTimeout(retry);
    retry = undefined;
    if (!client) return;
    const c = client;
    client = null;
    const done = await c.catch(() => null);
    if (!done) return;
    released.add(done); // ended on purpose, not lost
    if (active === done) active = null;
    await done.end().catch(() => undefined);
  };
  return {
    channel: LIVE_CHANNEL,
    get closed() {
      return closed;
    },
    async subscribe(eventId, fn) {
      const off = add(eventId, fn);
      // A lost connection waiting for its retry: this subscriber opens it now instead.
      const recovering = retry !== undefined;
      clearTimeout(retry);
      retry = undefined;
      try {
        await (client ??= connect());
      } catch (err) {
        client = null;
        off();
        if (recovering) reconnect();
        throw err;
      }
      if (recovering) {
        failures = 0;
        wakeEvery();
      }
      return () => {
        off();
        void release();
      };
    },
    async announce(eventId, origin) {
      const payload = notifyPayload(eventId, origin);
      await sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`.execute(store.db);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      retry = undefined;
      wakeAll();
      await release();
    },
  };
}
