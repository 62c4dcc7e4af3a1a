// The attendance report's delta: the person-sessions the fold changed after a cursor, each with
// its current line (or null when it no longer counts), read from the fold's `touched` index.
import type { AttendanceDelta } from '../../shared/api/attendance-delta.js';
import type { EventFold } from './fold-cache.js';
import type { ReportContext } from './report.js';
import { attendanceEntry } from './report.js';

/** What changed after seq `after` (of the same fold epoch). */
export function attendanceDelta(
  ctx: ReportContext & Pick<EventFold, 'cursor' | 'epoch' | 'touched'>,
  after: number,
): AttendanceDelta {
  const changes: AttendanceDelta['changes'] = [];
  for (const [key, seq] of ctx.touched) {
    if (seq <= after) continue;
    const [personId = '', sessionId = ''] = key.split('\u0000');
    const record = ctx.state.attendance.get(personId)?.get(sessionId);
    changes.push({
      sessionId,
      personId,
      entry: record ? attendanceEntry(ctx, personId, record) : null,
    });
  }
  return {
    eventId: ctx.event.id,
    cursor: ctx.cursor,
    epoch: ctx.epoch,
    changes,
    serverTime: new Date().toISOString(),
  };
}
