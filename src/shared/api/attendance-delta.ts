// Live updates of the attendance report: the console asks only for the person-sessions changed
// since the report it holds (GET /api/events/:id/attendance?after=<cursor>&epoch=<epoch>) and
// merges them, instead of reloading the whole report after each burst of scans.
import type { AttendanceEntry, AttendanceReport, SessionAttendance } from './attendance.js';

/** Where a report stands in the server's fold: its scan cursor, and the fold's identity. */
export interface FoldPosition {
  cursor: number;
  /** A new epoch means the fold was rebuilt (a clock correction moved old scans): reload. */
  epoch: string;
}

/** A full report with its position. */
export type PositionedReport = AttendanceReport & FoldPosition;

/** Changed person-sessions since `after`: the new line, or null when they no longer count. */
export interface AttendanceDelta extends FoldPosition {
  eventId: string;
  changes: { sessionId: string; personId: string; entry: AttendanceEntry | null }[];
  serverTime: string;
}

/** GET …/attendance answers one or the other. */
export function isDelta(answer: PositionedReport | AttendanceDelta): answer is AttendanceDelta {
  return 'changes' in answer;
}

const byArrival = (a: AttendanceEntry, b: AttendanceEntry) =>
  a.at < b.at
    ? -1
    : a.at > b.at
      ? 1
      : a.personId < b.personId
        ? -1
        : a.personId > b.personId
          ? 1
          : 0;

/** The report with the delta applied, in the server's order (time, then person). */
export function mergeAttendanceDelta(
  report: PositionedReport,
  delta: AttendanceDelta,
): PositionedReport {
  const sessions = new Map<string, SessionAttendance>(report.sessions.map((s) => [s.sessionId, s]));
  const touched = new Map<string, Map<string, AttendanceEntry | null>>();
  for (const c of delta.changes) {
    let m = touched.get(c.sessionId);
    if (!m) touched.set(c.sessionId, (m = new Map()));
    m.set(c.personId, c.entry);
  }
  for (const [sessionId, changes] of touched) {
    const row = sessions.get(sessionId) ?? {
      sessionId,
      waveId: null,
      name: null,
      count: 0,
      attendees: [],
    };
    const attendees = row.attendees.filter((a) => !changes.has(a.personId));
    for (const entry of changes.values()) if (entry) attendees.push(entry);
    attendees.sort(byArrival);
    sessions.set(sessionId, { ...row, attendees, count: attendees.length });
  }
  return {
    ...report,
    sessions: [...sessions.values()],
    cursor: delta.cursor,
    epoch: delta.epoch,
    serverTime: delta.serverTime,
  };
}
