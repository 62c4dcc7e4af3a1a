// Attendance against the roster, from the event's fold: per wave and session, who of the active
// roster is in, first arrivals per 10 minutes per door (corrected times), and who is missing.
import type {
  AttendanceSummary,
  MissingPerson,
  SessionSummary,
  WaveSummary,
} from '../../shared/api/attendance-summary.js';
import { ARRIVAL_BUCKET_MINUTES } from '../../shared/api/attendance-summary.js';
import type { AttendanceRecord } from '../../shared/door/types.js';
import { compareText } from '../../shared/door/attendance-rules.js';
import type { ReportContext } from './report.js';

const BUCKET_MS = ARRIVAL_BUCKET_MINUTES * 60_000;
// A chart wider than a day of 10-minute bars says nothing more; later arrivals go in the last bar.
const MAX_BUCKETS = 144;

/** A roster row: what the summary needs of each participant. */
export interface RosterPerson {
  id: string;
  waveId: string;
  name: string;
  business: string;
  phone: string;
  status: 'active' | 'cancelled';
}

/** Who was admitted to each session: session id → person → their record. */
function bySession(ctx: Pick<ReportContext, 'state'>) {
  const out = new Map<string, Map<string, AttendanceRecord>>();
  for (const [person, cells] of ctx.state.attendance) {
    for (const [sessionId, record] of cells) {
      let m = out.get(sessionId);
      if (!m) out.set(sessionId, (m = new Map()));
      m.set(person, record);
    }
  }
  return out;
}

// WIB is UTC+7 with no daylight saving, so 10-minute buckets of UTC are 10-minute buckets of WIB.
const bucketOf = (ms: number) => Math.floor(ms / BUCKET_MS) * BUCKET_MS;

function arrivals(records: Iterable<AttendanceRecord>) {
  const list = [...records];
  if (list.length === 0) return { buckets: [], arrivals: [] };
  let first = Infinity;
  for (const r of list) first = Math.min(first, bucketOf(r.at));
  let last = first;
  for (const r of list) last = Math.max(last, bucketOf(r.at));
  const n = Math.min(MAX_BUCKETS, (last - first) / BUCKET_MS + 1);
  const doors = new Map<string, number[]>();
  for (const r of list) {
    let counts = doors.get(r.door);
    if (!counts) doors.set(r.door, (counts = new Array<number>(n).fill(0)));
    const i = Math.min(n - 1, (bucketOf(r.at) - first) / BUCKET_MS);
    counts[i]! += 1;
  }
  return {
    buckets: Array.from({ length: n }, (_, i) => new Date(first + i * BUCKET_MS).toISOString()),
    arrivals: [...doors]
      .sort(([a], [b]) => compareText(a, b))
      .map(([door, counts]) => ({ door, counts })),
  };
}

/** The summary of an event from its report context and roster. */
export function attendanceSummary(
  ctx: Pick<ReportContext, 'event' | 'state'> & { cursor: number },
  roster: readonly RosterPerson[],
): AttendanceSummary {
  const admitted = bySession(ctx);
  const waves: WaveSummary[] = ctx.event.waves.map((w) => {
    const members = roster
      .filter((p) => p.waveId === w.id && p.status === 'active')
      .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
    const memberIds = new Set(members.map((p) => p.id));
    const presentAnywhere = new Set<string>();
    const sessions: SessionSummary[] = w.sessions.map((s) => {
      const inSession = admitted.get(s.id) ?? new Map<string, AttendanceRecord>();
      let present = 0;
      for (const person of inSession.keys()) {
        if (!memberIds.has(person)) continue;
        present += 1;
        presentAnywhere.add(person);
      }
      const missing: MissingPerson[] = members
        .filter((p) => !inSession.has(p.id))
        .map((p) => ({ participantId: p.id, name: p.name, business: p.business, phone: p.phone }));
      return {
        sessionId: s.id,
        name: s.name,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        rosterCount: members.length,
        present,
        others: inSession.size - present,
        ...arrivals(inSession.values()),
        missing,
      };
    });
    return {
      waveId: w.id,
      name: w.name,
      venue: w.venue,
      address: w.address,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      rosterCount: members.length,
      present: presentAnywhere.size,
      sessions,
    };
  });
  return {
    eventId: ctx.event.id,
    eventName: ctx.event.name,
    cursor: ctx.cursor,
    waves,
    serverTime: new Date().toISOString(),
  };
}
