// The door streams' shared read of an event's new scans, one per event per server process. On
// the hub's notification of a stored scan it waits a moment (a burst is read once), reads the
// rows after its own top in one statement — what a pull reads (seq is commit order within an
// event, so nothing committed later can sit at or below the last row read) — and hands the batch
// (from, to, rows) to every door stream of the event, which writes its tablet the rows of its
// sessions and other devices. A bounded window of recent rows lets a stream that connects with a
// cursor a little behind catch up without a pull. An organizer's change (a notification with no
// device) is passed on as is: the streams poke, and roster changes travel by the pull as before.
import type { AppDeps } from '../context.js';
import type { PulledScanEvent } from '../../shared/api/sync.js';
import { forOtherDoors, maxScanSeq, newScanEvents } from '../store/scans.js';

/**
 * Scan notifications closer than this are read together, and written to each door stream as one
 * delivery: at most four reads a second per event and four writes a second per tablet, however
 * busy the event, well within the one-second budget for a scan to reach the other doors
 * (docs/scaling.md: one socket write per scan per tablet was the servers' largest single cost).
 */
export const TAIL_COALESCE_MS = 250;
/** Rows kept for streams that connect behind; also the most one read takes before poking. */
export const TAIL_WINDOW = 2000;

export interface TailRow {
  seq: number;
  /** The row's device and session columns: what the pull filters on. */
  deviceId: string;
  sessionId: string;
  event: PulledScanEvent;
  /** The event as JSON, made once here rather than once per door stream that sends it. */
  json: string;
}

/** What a door stream hears from its event's tail. */
export interface TailListener {
  /** Every row of the event with seq in (from, to] (phones already cut). */
  scans(from: number, to: number, rows: readonly TailRow[]): void;
  /** Something the tail cannot carry: an organizer's change, or a read that failed or overflowed. */
  poke(change: boolean): void;
}

export interface TailMembership {
  leave(): void;
}

interface Tail {
  listeners: Set<TailListener>;
  /** The window covers every row with seq in (base, top]. */
  base: number;
  top: number;
  rows: TailRow[];
  ready: Promise<void>;
  timer: ReturnType<typeof setTimeout> | undefined;
  reading: boolean;
  again: boolean;
  off: () => void;
}

const perApp = new WeakMap<AppDeps, Map<string, Tail>>();

/**
 * Joins the tail of `eventId` in this process (made on the first stream, dropped with the last).
 * With the scans `cursor` the tablet holds, the listener first hears, in the same turn, the
 * window's rows after it (`scans`), or `poke` when it is before the window; a cursor past the
 * tail's top (a pull got further than the tail has read) hears nothing until the next batch.
 */
export async function joinEventTail(
  deps: AppDeps,
  eventId: string,
  listener: TailListener,
  cursor?: number,
): Promise<TailMembership> {
  const hub = deps.live;
  let tails = perApp.get(deps);
  if (!tails) perApp.set(deps, (tails = new Map()));
  let tail = tails.get(eventId);
  if (!tail) {
    const made: Tail = {
      listeners: new Set(),
      base: 0,
      top: 0,
      rows: [],
      ready: Promise.resolve(),
      timer: undefined,
      reading: false,
      again: false,
      off: () => {},
    };
    tail = made;
    tails.set(eventId, made);
    made.ready = (async () => {
      // Subscribed before the top is read: a scan stored in between is read by the next batch.
      if (hub) {
        made.off = await hub.subscribe(eventId, (origin) => {
          if (origin === null) for (const l of [...made.listeners]) l.poke(true);
          else schedule(deps, eventId, made);
        });
      }
      made.top = made.base = await maxScanSeq(deps.store.db, eventId);
    })();
    made.ready.catch(() => drop(tails, eventId, made));
  }
  const joined = tail;
  await joined.ready;
  joined.listeners.add(listener);
  if (cursor !== undefined) {
    if (cursor < joined.base) listener.poke(false);
    else if (cursor <= joined.top) {
      listener.scans(
        cursor,
        joined.top,
        joined.rows.filter((r) => r.seq > cursor),
      );
    }
  }
  let left = false;
  return {
    leave() {
      if (left) return;
      left = true;
      joined.listeners.delete(listener);
      if (joined.listeners.size === 0) drop(tails, eventId, joined);
    },
  };
}

function drop(tails: Map<string, Tail>, eventId: string, tail: Tail) {
  clearTimeout(tail.timer);
  tail.timer = undefined;
  tail.off();
  if (tails.get(eventId) === tail) tails.delete(eventId);
}

function schedule(deps: AppDeps, eventId: string, tail: Tail) {
  if (tail.reading) return void (tail.again = true);
  tail.timer ??= setTimeout(() => void read(deps, eventId, tail), TAIL_COALESCE_MS);
}

async function read(deps: AppDeps, eventId: string, tail: Tail) {
  tail.timer = undefined;
  tail.reading = true;
  tail.again = false;
  const { db } = deps.store;
  const from = tail.top;
  try {
    // The rows after the tail's top, in one snapshot (store/scans.ts: nothing is skipped).
    const { to: top, rows: page } = await newScanEvents(db, {
      eventId,
      after: from,
      limit: TAIL_WINDOW + 1,
    });
    if (top > from) {
      tail.top = top;
      if (page.length > TAIL_WINDOW) {
        // Too much at once to carry: everyone pulls, the window starts again here, and the
        // rest (if any) is read at once.
        tail.rows = [];
        tail.base = top;
        tail.again = true;
        for (const l of [...tail.listeners]) l.poke(false);
      } else {
        const rows = page.map((r) => {
          const event = forOtherDoors(r.event);
          return { ...r, event, json: JSON.stringify(event) };
        });
        tail.rows.push(...rows);
        const over = tail.rows.length - TAIL_WINDOW;
        if (over > 0) tail.base = tail.rows.splice(0, over)[over - 1]!.seq;
        for (const l of [...tail.listeners]) l.scans(from, top, rows);
      }
    }
  } catch (err) {
    // The tail stays where it was; the tablets pull, and the next notification reads again.
    deps.log('warn', 'event-tail-read-failed', { error: String(err) });
    for (const l of [...tail.listeners]) l.poke(false);
  } finally {
    tail.reading = false;
    if (tail.again && tail.listeners.size > 0) schedule(deps, eventId, tail);
  }
}
