// The keyed reads decideVerdict() needs, backed by this database: one index lookup each,
// never a scan of the roster.
import type { VerdictInput } from '../../shared/door/verdict';
import type { HadirDb } from './database';
import { attendanceLookup, foldAttendance } from '../../shared/door/attendance';
import { getRevokedVersion, getSessions, getWave } from './manifest';
import { getRosterEntry } from './roster';
import { attendanceFor } from './scans';

/** The lookups of a VerdictInput; the caller adds the text, keys, session and allowed waves. */
export type DoorLookups = Pick<
  VerdictInput,
  'roster' | 'revocations' | 'attendance' | 'waves' | 'sessions'
>;

/** decideVerdict's lookups over the door database. */
export function doorLookups(db: HadirDb): DoorLookups {
  return {
    roster: async (id) => (await getRosterEntry(db, id)) ?? undefined,
    revocations: async (id) => (await getRevokedVersion(db, id)) ?? undefined,
    // Folded from this person's events in this session only (the compound index).
    attendance: async (id, sessionId) =>
      attendanceLookup(foldAttendance(await attendanceFor(db, id, sessionId)))(id, sessionId),
    waves: async (id) => (await getWave(db, id)) ?? undefined,
    sessions: (waveId) => getSessions(db, waveId),
  };
}
