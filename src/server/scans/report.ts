// Builds the organizer's attendance and conflict reports from a fold of the stored scans. The
// fold is the shared incremental one (equal to foldAttendance by its property test), so the
// server counts each person once per session exactly as every tablet does; routes take it from
// the per-event cache (fold-cache.ts), `foldScans` builds it whole (the reference in tests).
import type {
  AdmissionCopy,
  AttendanceEntry,
  AttendanceReport,
  ConflictReport,
  DoubleAdmission,
  IdConflict,
  SessionAttendance,
} from '../../shared/api/attendance.js';
import type { EventDetail } from '../../shared/api/schemas.js';
import { parseCanonicalScanEvent } from '../../shared/api/sync.js';
import { compareEvents, compareText } from '../../shared/door/attendance-rules.js';
import { createAttendanceState } from '../../shared/door/attendance.js';
import type { AttendanceState } from '../../shared/door/attendance.js';
import { correctTime } from '../../shared/door/clock.js';
import type { AttendanceRecord, ScanEvent } from '../../shared/door/types.js';
import type { StoredScan } from '../store/scans.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The whole fold of `scans` at once: the reference the cached fold must always equal. */
export function foldScans(scans: readonly StoredScan[]): Pick<ReportContext, 'state' | 'byId'> {
  return {
    state: createAttendanceState(scans.map((s) => s.event)),
    byId: new Map(scans.map((s) => [s.event.id, s] as const)),
  };
}

/** What a report needs besides the scans: names of people, devices and sessions. */
export interface ReportContext {
  event: EventDetail;
  /** The fold of the event's scans. */
  state: AttendanceState;
  /** The folded scans by event id. */
  byId: ReadonlyMap<string, StoredScan>;
  /** Participant id → name and business. */
  people: ReadonlyMap<string, { name: string; business: string }>;
  /** Device id → name and latest clock offset. */
  devices: Map<string, { name: string; serverMinusDeviceMs: number | null }>;
  /** Walk-in scan id → the participant the organizer confirmed it as (store/walk-ins.ts). */
  walkIns: ReadonlyMap<string, string>;
}

function copyOf(
  ctx: ReportContext,
  e: ScanEvent,
  scan: { receivedAt: number; serverMinusDeviceMs: number | null } | undefined,
): AdmissionCopy {
  // Measured at the copy's own push, else the device's latest.
  const offset = scan?.serverMinusDeviceMs ?? ctx.devices.get(e.deviceId)?.serverMinusDeviceMs;
  return {
    eventId: e.id,
    kind: e.kind,
    door: e.door,
    deviceId: e.deviceId,
    deviceName: ctx.devices.get(e.deviceId)?.name ?? null,
    volunteer: e.volunteer,
    deviceTime: iso(e.deviceTime),
    correctedTime: iso(correctTime(e.deviceTime, offset)),
    receivedAt: iso(scan?.receivedAt ?? 0),
  };
}

function sessionIndex(event: EventDetail) {
  const out = new Map<string, { waveId: string; name: string }>();
  for (const w of event.waves)
    for (const s of w.sessions) out.set(s.id, { waveId: w.id, name: s.name });
  return out;
}

function personOf(ctx: ReportContext, personId: string, first: ScanEvent | undefined) {
  const p = ctx.people.get(ctx.walkIns.get(personId) ?? personId);
  if (p) return p;
  return { name: first?.walkIn?.name ?? '', business: first?.walkIn?.business ?? '' };
}

/** One person's line in a session's attendance. */
export function attendanceEntry(
  ctx: ReportContext,
  personId: string,
  record: AttendanceRecord,
): AttendanceEntry {
  const scan = ctx.byId.get(record.firstEventId);
  const first = scan?.event ?? ctx.state.events.get(record.firstEventId);
  const who = personOf(ctx, personId, first);
  return {
    personId,
    // A walk-in confirmed as a participant is that participant's attendance from then on.
    participantId: first?.participantId ?? ctx.walkIns.get(personId) ?? null,
    name: who.name,
    business: who.business,
    walkIn: first?.kind === 'walk-in',
    // Stored scans carry their corrected time, so the fold's `at` is already corrected.
    at: iso(record.at),
    deviceTime: iso(first?.deviceTime ?? record.at),
    door: record.door,
    deviceId: record.deviceId,
    deviceName: ctx.devices.get(record.deviceId)?.name ?? null,
    volunteer: record.volunteer,
    admissions: record.admissions,
    flagged: record.flagged,
    firstEventId: record.firstEventId,
  };
}

/** Per session (the event's, then any unknown ones seen in scans): who is in, first admission. */
export function attendanceReport(ctx: ReportContext): AttendanceReport {
  const { state: st } = ctx;
  const sessions = sessionIndex(ctx.event);
  const out = new Map<string, SessionAttendance>();
  for (const [id, s] of sessions) {
    out.set(id, { sessionId: id, waveId: s.waveId, name: s.name, count: 0, attendees: [] });
  }
  for (const [personId, cells] of st.attendance) {
    for (const [sessionId, record] of cells) {
      let row = out.get(sessionId);
      if (!row) {
        row = { sessionId, waveId: null, name: null, count: 0, attendees: [] };
        out.set(sessionId, row);
      }
      row.attendees.push(attendanceEntry(ctx, personId, record));
      row.count += 1;
    }
  }
  for (const row of out.values()) {
    row.attendees.sort((a, b) => compareText(a.at, b.at) || compareText(a.personId, b.personId));
  }
  return { eventId: ctx.event.id, sessions: [...out.values()], serverTime: iso(Date.now()) };
}

/**
 * Check-ins by two or more devices for one person and session (both kept, counted once), and
 * differing copies of one id.
 */
export function conflictReport(ctx: ReportContext, idConflicts: IdConflictRow[]): ConflictReport {
  const { state: st, byId } = ctx;
  const sessions = sessionIndex(ctx.event);
  const doubles: DoubleAdmission[] = [];
  for (const [personId, cells] of st.cells) {
    for (const [sessionId, ids] of cells) {
      // Most cells hold one device's check-ins: tell without building lists (this loop runs
      // over every person-session of the event on each request).
      if (!twoDevicesCheckedIn(st, ids)) continue;
      const live = [...ids]
        .filter((id) => !st.undoneBy.has(id))
        .map((id) => st.events.get(id)!)
        .filter((e) => e.kind === 'check-in')
        .sort(compareEvents);
      if (new Set(live.map((e) => e.deviceId)).size < 2) continue;
      doubles.push({
        personId,
        name: personOf(ctx, personId, live[0]).name,
        sessionId,
        sessionName: sessions.get(sessionId)?.name ?? null,
        admissions: live.map((e) => copyOf(ctx, e, byId.get(e.id))),
      });
    }
  }
  doubles.sort(
    (a, b) =>
      compareText(a.admissions[0]!.correctedTime, b.admissions[0]!.correctedTime) ||
      compareText(a.personId, b.personId),
  );
  const ids: IdConflict[] = idConflicts.map((r) => {
    const received = parseCanonicalScanEvent(r.body);
    const stored = r.stored_body === null ? null : parseCanonicalScanEvent(r.stored_body);
    return {
      id: r.scan_id,
      stored: stored && {
        ...copyOf(ctx, stored, {
          receivedAt: Number(r.stored_received_at),
          serverMinusDeviceMs: r.stored_offset === null ? null : Number(r.stored_offset),
        }),
        body: stored,
      },
      received: {
        ...copyOf(ctx, received, {
          receivedAt: Number(r.received_at),
          serverMinusDeviceMs:
            r.server_minus_device_ms === null ? null : Number(r.server_minus_device_ms),
        }),
        deviceId: r.device_id,
        deviceName: ctx.devices.get(r.device_id)?.name ?? null,
        body: received,
      },
    };
  });
  return {
    eventId: ctx.event.id,
    doubleAdmissions: doubles,
    idConflicts: ids,
    serverTime: iso(Date.now()),
  };
}

function twoDevicesCheckedIn(st: AttendanceState, ids: Set<string>): boolean {
  if (ids.size < 2) return false;
  let device: string | null = null;
  for (const id of ids) {
    if (st.undoneBy.has(id)) continue;
    const e = st.events.get(id)!;
    if (e.kind !== 'check-in') continue;
    if (device === null) device = e.deviceId;
    else if (e.deviceId !== device) return true;
  }
  return false;
}

/** A row of listIdConflicts. */
export interface IdConflictRow {
  scan_id: string;
  device_id: string;
  body: string;
  received_at: number;
  server_minus_device_ms: number | null;
  stored_body: string | null;
  stored_received_at: number | null;
  stored_offset: number | null;
}
