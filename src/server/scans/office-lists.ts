// Builds the office's lists from the attendance report and the roster: the Daftar Hadir of a
// session (one line per person, the earliest admission), the absentees, and the recap per wave.
import type { AttendanceReport } from '../../shared/api/attendance.js';
import type { EligibilityReport } from '../../shared/api/eligibility.js';
import type { OfficeListRow, SessionLists, WaveRecap } from '../../shared/api/office-lists.js';
import type { EventDetail } from '../../shared/api/schemas.js';
import { normalizePhone } from '../../shared/roster/phone.js';
import type { ParticipantTable } from '../store/schema.js';

/** "3674011234560001" → "3674********0001": enough to tell people apart, not enough to misuse. */
export function maskNik(nik: string): string {
  return nik.length <= 8 ? nik : `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}`;
}

/** A phone typed at the door, stored form (E.164) when it reads as one. */
const walkInPhone = (raw: string | undefined) => (raw ? (normalizePhone(raw) ?? raw) : '');

const byName = (a: OfficeListRow, b: OfficeListRow) =>
  a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }) ||
  (a.at ?? '').localeCompare(b.at ?? '');

/** The session's Daftar Hadir and absentees; null when the session is not in the event. */
export function sessionLists(input: {
  event: EventDetail;
  sessionId: string;
  report: AttendanceReport;
  participants: readonly ParticipantTable[];
  /** Walk-in event id → the phone typed at the door. */
  walkInPhones: ReadonlyMap<string, string>;
  maskedNik: boolean;
}): SessionLists | null {
  const wave = input.event.waves.find((w) => w.sessions.some((s) => s.id === input.sessionId));
  const session = wave?.sessions.find((s) => s.id === input.sessionId);
  if (!wave || !session) return null;
  const people = new Map(input.participants.map((p) => [p.id, p]));
  const nik = (p: ParticipantTable | undefined) =>
    p?.nik ? (input.maskedNik ? maskNik(p.nik) : p.nik) : '';
  const attendees = input.report.sessions.find((s) => s.sessionId === session.id)?.attendees ?? [];
  // One line per person: a confirmed walk-in who also showed a ticket keeps the earliest.
  const present = new Map<string, OfficeListRow>();
  for (const a of attendees) {
    const p = a.participantId ? people.get(a.participantId) : undefined;
    const key = a.participantId ?? a.personId;
    const had = present.get(key);
    if (had?.at && had.at <= a.at) continue;
    present.set(key, {
      participantId: a.participantId,
      name: p?.name ?? a.name,
      business: p?.business ?? a.business,
      nik: nik(p),
      phone: p?.phone ?? walkInPhone(input.walkInPhones.get(a.personId)),
      at: a.at,
      door: a.door,
      walkIn: a.walkIn,
    });
  }
  const absent = input.participants
    .filter((p) => p.wave_id === wave.id && p.status === 'active' && !present.has(p.id))
    .map((p) => ({
      participantId: p.id,
      name: p.name,
      business: p.business,
      nik: nik(p),
      phone: p.phone,
      at: null,
      door: null,
      walkIn: false,
    }));
  return {
    eventName: input.event.name,
    wave: { id: wave.id, name: wave.name, venue: wave.venue, address: wave.address },
    session: {
      id: session.id,
      name: session.name,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    },
    present: [...present.values()].sort(byName),
    absent: absent.sort(byName),
  };
}

/** Registered, attended per session, eligible and walk-ins, per wave. */
export function waveRecaps(input: {
  event: EventDetail;
  report: AttendanceReport;
  participants: readonly ParticipantTable[];
  eligibility: EligibilityReport;
  /** Wave id → how many hold a valid certificate. */
  certificates: ReadonlyMap<string, number>;
}): WaveRecap[] {
  return input.event.waves.map((w) => {
    const active = input.participants.filter((p) => p.wave_id === w.id && p.status === 'active');
    const activeIds = new Set(active.map((p) => p.id));
    const any = new Set<string>();
    const walkIns = new Map<string, boolean>();
    const sessions = w.sessions.map((s) => {
      const attendees = input.report.sessions.find((x) => x.sessionId === s.id)?.attendees ?? [];
      const here = new Set<string>();
      for (const a of attendees) {
        if (a.walkIn) walkIns.set(a.personId, a.participantId !== null);
        if (a.participantId && activeIds.has(a.participantId)) here.add(a.participantId);
      }
      for (const id of here) any.add(id);
      return { sessionId: s.id, name: s.name, attended: here.size };
    });
    const elig = input.eligibility.waves.find((x) => x.waveId === w.id);
    return {
      waveId: w.id,
      waveName: w.name,
      venue: w.venue,
      registered: active.length,
      sessions,
      attendedAny: any.size,
      eligible: elig?.participants.filter((p) => p.eligible && p.status === 'active').length ?? 0,
      certificates: input.certificates.get(w.id) ?? 0,
      walkIns: walkIns.size,
      walkInsConfirmed: [...walkIns.values()].filter(Boolean).length,
    };
  });
}
