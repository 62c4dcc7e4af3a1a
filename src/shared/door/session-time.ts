// Is a session on now, and which of a wave's sessions should a person be sent to. Device clocks
// are wrong by minutes (ARCHITECTURE.md, Sync), so the window is generous on both sides.
import type { SessionRef } from './types.js';

/** How far before its start and after its end a session still counts as "now". */
export interface SessionGrace {
  beforeMs: number;
  afterMs: number;
}

/** Doors open early (people queue from 06.30 for 08.00) and latecomers trickle in. */
export const DEFAULT_SESSION_GRACE: SessionGrace = {
  beforeMs: 2 * 60 * 60 * 1000,
  afterMs: 30 * 60 * 1000,
};

/** True when `now` falls in the session's window widened by `grace`; unreadable times count as on. */
export function isSessionCurrent(
  session: SessionRef,
  now: number,
  grace: SessionGrace = DEFAULT_SESSION_GRACE,
): boolean {
  const start = Date.parse(session.startsAt);
  const end = Date.parse(session.endsAt);
  // Bad data must not turn a whole queue away; the organizer sees the times on the admin pages.
  if (!Number.isFinite(start) || !Number.isFinite(end)) return true;
  return now >= start - grace.beforeMs && now <= end + grace.afterMs;
}

const startOf = (s: SessionRef): number => {
  const t = Date.parse(s.startsAt);
  return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
};

/**
 * The session to send someone to: one whose own window holds `now` (the latest to start, when
 * they overlap), else one on now within the grace, else the next to start, else the last one
 * held. Without `now`, the earliest. Undefined only for an empty list. The exact window comes
 * first so that back-to-back sessions switch at the boundary, not 30 minutes after it.
 */
export function pickSession(
  sessions: readonly SessionRef[],
  now: number | undefined,
  grace: SessionGrace = DEFAULT_SESSION_GRACE,
): SessionRef | undefined {
  const sorted = [...sessions].sort((a, b) => startOf(a) - startOf(b) || cmp(a.id, b.id));
  if (now === undefined) return sorted[0];
  const exact = { beforeMs: 0, afterMs: 0 };
  return (
    sorted.findLast((s) => startOf(s) <= now && isSessionCurrent(s, now, exact)) ??
    sorted.find((s) => isSessionCurrent(s, now, grace)) ??
    sorted.find((s) => startOf(s) > now) ??
    sorted[sorted.length - 1]
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
