// The attendance fold of an event kept in memory and advanced from a cursor over the server's
// scan sequence, so a report costs the scans stored since the last one instead of a refold of
// the whole event (50,000 scans took 2–5 s). The cursor is a seq read from the database, so
// several processes sharing one PostgreSQL each stay exact: each reads what it has not folded yet.
import type { AttendanceState } from '../../shared/door/attendance.js';
import { applyEvent, createAttendanceState } from '../../shared/door/attendance.js';
import { attendanceKey, countsAsAdmission } from '../../shared/door/attendance-rules.js';
import type { ScanEvent } from '../../shared/door/types.js';
import { newSecret } from '../auth/tokens.js';
import type { Store } from '../store/database.js';
import type { StoredScan } from '../store/scans.js';
import { storedScansAfter } from '../store/scans.js';

/** One event's fold and what it was built from. */
export interface EventFold {
  readonly state: AttendanceState;
  /** Every folded scan by event id, with its arrival facts (conflict copies show them). */
  readonly byId: Map<string, StoredScan>;
  /** The highest seq folded in. */
  cursor: number;
  /**
   * Devices whose latest clock offset corrected some folded scan (one stored without an offset
   * of its own), with the offset used. When it moves those times move, so the fold is rebuilt.
   */
  readonly borrowed: Map<string, number>;
  /** Which fold this is: a rebuilt one has a new epoch, so deltas against the old one stop. */
  readonly epoch: string;
  /** Person-session key (cellKey) → the last seq that changed it: the report's deltas. */
  readonly touched: Map<string, number>;
  /**
   * The event's personal_data_erased_at when this fold began. Erasure rewrites stored walk-in
   * bodies in place (no new seq), so a process that did not erase learns of it here and refolds.
   */
  readonly erasedAt: number | null;
}

/** The key of one person's attendance at one session in `EventFold.touched`. */
export const cellKey = (personId: string, sessionId: string) => `${personId}\u0000${sessionId}`;

/** Latest clock offset per device, as the reports read it. */
export type DeviceOffsets = ReadonlyMap<string, { serverMinusDeviceMs: number | null }>;

// Rows read per query; between pages the event loop serves other requests (a cold fold of a
// large event must not hold /api/health up).
const PAGE = 2000;
// Events kept at once: a server runs a handful of events; the oldest used is dropped first.
const MAX_EVENTS = 8;

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

function emptyFold(erasedAt: number | null = null): EventFold {
  return {
    erasedAt,
    state: createAttendanceState(),
    byId: new Map(),
    cursor: 0,
    borrowed: new Map(),
    epoch: newSecret().slice(0, 12),
    touched: new Map(),
  };
}

// The person-session an event can change: its own, or for an undo the one of the event it names.
function cellOf(fold: EventFold, event: ScanEvent): string | null {
  const target =
    event.kind === 'undo' && event.undoes !== undefined
      ? fold.state.events.get(event.undoes)
      : event;
  if (!target || !countsAsAdmission(target)) return null;
  const person = attendanceKey(target);
  return person === null ? null : cellKey(person, target.sessionId);
}

function stale(fold: EventFold, devices: DeviceOffsets): boolean {
  for (const [deviceId, used] of fold.borrowed) {
    if ((devices.get(deviceId)?.serverMinusDeviceMs ?? 0) !== used) return true;
  }
  return false;
}

async function advance(store: Store, eventId: string, fold: EventFold): Promise<void> {
  for (;;) {
    const page = await storedScansAfter(store.db, eventId, fold.cursor, PAGE);
    for (const { seq, scan } of page) {
      fold.byId.set(scan.event.id, scan);
      applyEvent(fold.state, scan.event);
      const cell = cellOf(fold, scan.event);
      if (cell !== null) fold.touched.set(cell, seq);
      if (scan.serverMinusDeviceMs === null) {
        fold.borrowed.set(scan.event.deviceId, scan.event.correctedTime! - scan.event.deviceTime);
      }
      fold.cursor = seq;
    }
    if (page.length < PAGE) return;
    await yieldToOthers();
  }
}

/** Folds per event for one store. */
export interface FoldCache {
  /**
   * The event's fold, brought up to the scans stored so far; rebuilt when a device offset it
   * borrowed has changed. Calls for one event are queued, so they never fold the same rows twice.
   */
  fold(eventId: string, devices: DeviceOffsets): Promise<EventFold>;
  /** Forgets an event (deleted, or to measure a cold fold). */
  drop(eventId: string): void;
}

/** A cache of folds over `store`. */
export function createFoldCache(store: Store): FoldCache {
  const folds = new Map<string, { fold: EventFold; queue: Promise<unknown> }>();
  return {
    fold(eventId, devices) {
      let entry = folds.get(eventId);
      if (entry) folds.delete(eventId); // re-inserted below: Map order is the use order
      entry ??= { fold: emptyFold(), queue: Promise.resolve() };
      folds.set(eventId, entry);
      while (folds.size > MAX_EVENTS) folds.delete(folds.keys().next().value!);
      const held = entry;
      const run = held.queue.then(async () => {
        const erasedAt = await erasedAtOf(store, eventId);
        if (stale(held.fold, devices) || held.fold.erasedAt !== erasedAt) {
          held.fold = emptyFold(erasedAt);
        }
        await advance(store, eventId, held.fold);
        return held.fold;
      });
      held.queue = run.catch(() => undefined);
      return run;
    },
    drop(eventId) {
      folds.delete(eventId);
    },
  };
}

// One primary-key read per report: what lets several processes drop walk-in data erased by another.
async function erasedAtOf(store: Store, eventId: string): Promise<number | null> {
  const row = await store.db
    .selectFrom('events')
    .select('personal_data_erased_at')
    .where('id', '=', eventId)
    .executeTakeFirst();
  const at = row?.personal_data_erased_at;
  return at === null || at === undefined ? null : Number(at);
}

const caches = new WeakMap<Store, FoldCache>();

/** The one fold cache of a store (so every route of a process shares it). */
export function foldCacheOf(store: Store): FoldCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = createFoldCache(store)));
  return cache;
}
