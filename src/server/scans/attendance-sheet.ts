// Attendance as a spreadsheet for the certificates: one row per person per session, times in WIB
// (corrected for each tablet's clock) as text, and each attendee's phone (a walk-in's too) so the
// office can reach them. Written as CSV or .xlsx by server/export/download.ts.
import type { AttendanceEntry, AttendanceReport } from '../../shared/api/attendance.js';
import type { ExportSheet } from '../../shared/roster/export-sheet.js';
import { normalizePhone } from '../../shared/roster/phone.js';
import type { ReportContext } from './report.js';

const wib = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "2026-12-08 08:12:33" in Western Indonesia Time; '' for an unreadable time. */
export function wibDateTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? wib.format(ms) : '';
}

/**
 * Each attendee's phone: a participant's from the roster (`phones`: id → E.164), a walk-in's as
 * the door took it down (normalised when it reads as a phone, else as typed).
 */
export function attendeePhones(ctx: ReportContext, phones: ReadonlyMap<string, string>) {
  return (a: AttendanceEntry): string => {
    if (a.participantId) return phones.get(a.participantId) ?? '';
    const first = ctx.byId.get(a.firstEventId)?.event ?? ctx.state.events.get(a.firstEventId);
    const typed = first?.walkIn?.phone ?? '';
    return normalizePhone(typed) ?? typed;
  };
}

/** The attendance report as a sheet, with each attendee's phone from `phoneOf`. */
export function attendanceSheet(
  report: AttendanceReport,
  phoneOf: (a: AttendanceEntry) => string,
): ExportSheet {
  const rows: string[][] = [];
  for (const s of report.sessions) {
    for (const a of s.attendees) {
      rows.push([
        s.name ?? '',
        s.sessionId,
        a.participantId ?? '',
        a.name,
        a.business,
        phoneOf(a),
        wibDateTime(a.at),
        a.door,
        a.deviceName ?? a.deviceId,
        a.volunteer,
        a.walkIn ? 'ya' : 'tidak',
        a.flagged ? 'ya' : 'tidak',
      ]);
    }
  }
  return {
    name: 'Kehadiran',
    columns: [
      { header: 'sesi' },
      { header: 'id_sesi' },
      { header: 'id_peserta' },
      { header: 'nama' },
      { header: 'nama_usaha' },
      { header: 'no_hp', kind: 'phone' },
      { header: 'waktu_masuk_wib' },
      { header: 'pintu' },
      { header: 'perangkat' },
      { header: 'relawan' },
      { header: 'tanpa_tiket' },
      { header: 'perlu_diperiksa' },
    ],
    rows,
  };
}
