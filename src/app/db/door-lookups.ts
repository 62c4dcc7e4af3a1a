// The keyed reads decideVerdict() needs, backed by this database: one index lookup each,
// never a scan of the roster.
import type { VerdictInput } from '../../shared/door/verdict';
import type { HadirDb } from './database';
import { attendanceLookup, foldAttendance } from '../../shared/door/attendance';
import { getRevokedVersion, getSessions, getWave } from './manifest';
import { getRosterEntry } from './roster';
import type { ScanDraft } from './scans';
import { attendanceFor, readAppendHead, recordScanWithHead } from './scans';
import type { ScanEvent } from './types';

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

/**
 * Judges a scan and records it in ONE read-write transaction: the verdict's reads (roster,
 * revocation, this person's attendance in the session) and the event + outbox append commit
 * together, with strict durability. So two tabs, or two quick scans, can never both admit the
 * same person on stale reads, and a verdict is shown only once it is on disk.
 */
export async function judgeAndRecord<V>(
  db: HadirDb,
  options: {
    judge: (lookups: DoorLookups) => Promise<V>;
    draft: (verdict: V) => ScanDraft;
  },
): Promise<{ verdict: V; event: ScanEvent }> {
  const tables = [
    db.device,
    db.meta,
    db.scanEvents,
    db.outbox,
    db.roster,
    db.revocations,
    db.waves,
    db.sessions,
  ];
  return db.transaction('rw', tables, async () => {
    // The verdict's reads and the append's (pairing, counter, clock) go out in one round trip.
    const [verdict, head] = await Promise.all([options.judge(doorLookups(db)), readAppendHead(db)]);
    // recordScanWithHead's transaction joins this one (its tables are a subset of these).
    const event = await recordScanWithHead(db, head, options.draft(verdict));
    return { verdict, event };
  });
}
