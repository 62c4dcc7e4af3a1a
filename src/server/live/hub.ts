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
  const url = store.databaseUrl;
  let client: Promise<pg.Client> | null = null;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === LIVE_CHANNEL && n.payload) deliver(n.payload);
    });
    c.on('error', (err) => {
      log?.('warn', 'live-listen-error', { error: err.message });
      client = null;
    });
    await c.connect();
    await c.query(`listen ${LIVE_CHANNEL}`);
    return c;
  };
  const release = async () => {
    if (listeners.size > 0 || !client) return;
    const c = client;
    client = null;
    await (await c).end().catch(() => undefined);
  };
  return {
    channel: LIVE_CHANNEL,
    get closed() {
      return closed;
    },
    async subscribe(eventId, fn) {
      const off = add(eventId, fn);
      try {
        await (client ??= connect());
      } catch (err) {
        client = null;
        off();
        throw err;
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
      wakeAll();
      await release();
    },
  };
}
