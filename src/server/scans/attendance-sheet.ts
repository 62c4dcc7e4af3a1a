// Attendance as a spreadsheet for the certificates: one row per person per session, times in WIB
// (corrected for each tablet's clock) as text, and each participant's phone so the office can
// reach them. Written as CSV or .xlsx by server/export/download.ts.
import type { AttendanceReport } from '../../shared/api/attendance.js';
import type { ExportSheet } from '../../shared/roster/export-sheet.js';

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

/** The attendance report as a sheet; `phones` maps participant ids to their stored phone. */
export function attendanceSheet(
  report: AttendanceReport,
  phones: ReadonlyMap<string, string>,
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
        (a.participantId && phones.get(a.participantId)) || '',
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
