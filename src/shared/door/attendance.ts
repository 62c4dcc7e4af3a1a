// Attendance is a pure fold over scan events (ARCHITECTURE.md, Data model): commutative and
// idempotent, so devices that learn the same events in any order, any number of times, agree.
import type { AttendanceRecord, ScanEvent } from './types.js';
import { eventTime } from './clock.js';
import {
  attendanceKey,
  compareEvents,
  countsAsAdmission,
  isFlaggedEvent,
  preferredEvent,
} from './attendance-rules.js';

/** Attendance by person (participant id, or a walk-in's event id), then by session id. */
export type Attendance = Map<string, Map<string, AttendanceRecord>>;

/**
 * The whole fold. Rules: check-in (when its verdict admitted), re-entry, override and walk-in
 * admit; an undo cancels the event it names (an undo of an undo does nothing; an undo of an
 * unknown event waits harmlessly for it); a repeated id counts once. Events are read in
 * (time, id) order whatever order they come in, the time corrected where known (clock.ts
 * eventTime). deviceTime must be a finite number.
 */
export function foldAttendance(events: Iterable<ScanEvent>): Attendance {
  const byId = new Map<string, ScanEvent>();
  for (const event of events) {
    const had = byId.get(event.id);
    byId.set(event.id, had === undefined ? event : preferredEvent(had, event));
  }
  const cancelled = new Set<string>();
  for (const event of byId.values()) {
    if (event.kind === 'undo' && event.undoes !== undefined) cancelled.add(event.undoes);
  }
  const counted = [...byId.values()]
    .filter((e) => countsAsAdmission(e) && attendanceKey(e) !== null && !cancelled.has(e.id))
    .sort(compareEvents);

  const out: Attendance = new Map();
  const checkIns = new Map<AttendanceRecord, number>();
  for (const event of counted) {
    const key = attendanceKey(event) ?? '';
    let sessions = out.get(key);
    if (sessions === undefined) out.set(key, (sessions = new Map()));
    let record = sessions.get(event.sessionId);
    if (record === undefined) {
      record = firstAdmission(event);
      sessions.set(event.sessionId, record);
    } else {
      record.admissions += 1;
      record.flagged ||= isFlaggedEvent(event);
    }
    if (event.kind === 'check-in') {
      const n = (checkIns.get(record) ?? 0) + 1;
      checkIns.set(record, n);
      // Admitted twice by plain check-ins: two offline doors. Both stay; the organizer sees it.
      if (n > 1) record.flagged = true;
    }
  }
  return out;
}

function firstAdmission(event: ScanEvent): AttendanceRecord {
  return {
    firstEventId: event.id,
    at: eventTime(event),
    door: event.door,
    deviceId: event.deviceId,
    volunteer: event.volunteer,
    admissions: 1,
    flagged: isFlaggedEvent(event),
  };
}

/** The fold kept up to date one event at a time; `attendance` always equals the full fold. */
export interface AttendanceState {
  readonly attendance: Attendance;
  /** The copy kept of each event id. */
  readonly events: Map<string, ScanEvent>;
  /** Event id → ids of the undo events that name it. */
  readonly undoneBy: Map<string, Set<string>>;
  /** Person → session → ids of admitting events, undone or not. */
  readonly cells: Map<string, Map<string, Set<string>>>;
}

/** A state holding `events` (none by default), ready for applyEvent. */
export function createAttendanceState(events: Iterable<ScanEvent> = []): AttendanceState {
  const state: AttendanceState = {
    attendance: new Map(),
    events: new Map(),
    undoneBy: new Map(),
    cells: new Map(),
  };
  for (const event of events) applyEvent(state, event);
  return state;
}

/**
 * Adds one event, recomputing only the one person-session it touches, so a door stays fast
 * with 100k events. Mutates `state` in place (copying it per scan would cost O(n)) and returns it.
 */
export function applyEvent(state: AttendanceState, event: ScanEvent): AttendanceState {
  const had = state.events.get(event.id);
  if (had !== undefined) {
    if (preferredEvent(had, event) === had) return state;
    touch(state, had, -1);
  }
  state.events.set(event.id, event);
  touch(state, event, +1);
  return state;
}

// Adds (+1) or removes (-1) one event's contribution, then recomputes the cell it affects.
function touch(state: AttendanceState, event: ScanEvent, sign: 1 | -1): void {
  if (event.kind === 'undo' && event.undoes !== undefined) {
    const target = event.undoes;
    let undos = state.undoneBy.get(target);
    if (undos === undefined) state.undoneBy.set(target, (undos = new Set()));
    if (sign > 0) undos.add(event.id);
    else undos.delete(event.id);
    if (undos.size === 0) state.undoneBy.delete(target);
    const undone = state.events.get(target);
    if (undone !== undefined) recompute(state, undone);
    return;
  }
  const key = attendanceKey(event);
  if (key === null || !countsAsAdmission(event)) return;
  let sessions = state.cells.get(key);
  if (sessions === undefined) state.cells.set(key, (sessions = new Map()));
  let ids = sessions.get(event.sessionId);
  if (ids === undefined) sessions.set(event.sessionId, (ids = new Set()));
  if (sign > 0) ids.add(event.id);
  else ids.delete(event.id);
  recompute(state, event);
}

// Rebuilds the record of the person-session `event` belongs to from that cell's events alone.
function recompute(state: AttendanceState, event: ScanEvent): void {
  const key = attendanceKey(event);
  if (key === null) return;
  const ids = state.cells.get(key)?.get(event.sessionId) ?? new Set<string>();
  const live: ScanEvent[] = [];
  for (const id of ids) {
    const e = state.events.get(id);
    if (e !== undefined && !state.undoneBy.has(id)) live.push(e);
  }
  const record = summarize(live);
  let sessions = state.attendance.get(key);
  if (record === undefined) {
    sessions?.delete(event.sessionId);
    if (sessions?.size === 0) state.attendance.delete(key);
    return;
  }
  if (sessions === undefined) state.attendance.set(key, (sessions = new Map()));
  sessions.set(event.sessionId, record);
}

// One person-session's record from its live admissions, in any order.
function summarize(live: ScanEvent[]): AttendanceRecord | undefined {
  let first: ScanEvent | undefined;
  let checkIns = 0;
  let flagged = false;
  for (const e of live) {
    if (first === undefined || compareEvents(e, first) < 0) first = e;
    if (e.kind === 'check-in') checkIns += 1;
    flagged ||= isFlaggedEvent(e);
  }
  if (first === undefined) return undefined;
  return { ...firstAdmission(first), admissions: live.length, flagged: flagged || checkIns > 1 };
}

/** A lookup over folded attendance, in the shape decideVerdict takes. */
export function attendanceLookup(
  attendance: Attendance,
): (personId: string, sessionId: string) => AttendanceRecord | undefined {
  return (personId, sessionId) => attendance.get(personId)?.get(sessionId);
}
