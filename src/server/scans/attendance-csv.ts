// Attendance as a spreadsheet for the certificates: one row per person per session, times in WIB
// (corrected for each tablet's clock), formulas neutralised by the shared CSV writer.
import type { AttendanceReport } from '../../shared/api/attendance.js';
import { writeCsv } from '../../shared/roster/csv.js';

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

/** The attendance report as CSV (BOM, CRLF, Indonesian headers). */
export function attendanceCsv(report: AttendanceReport): string {
  const rows: string[][] = [
    [
      'sesi',
      'id_sesi',
      'id_peserta',
      'nama',
      'nama_usaha',
      'waktu_masuk_wib',
      'pintu',
      'perangkat',
      'relawan',
      'tanpa_tiket',
      'perlu_diperiksa',
    ],
  ];
  for (const s of report.sessions) {
    for (const a of s.attendees) {
      rows.push([
        s.name ?? '',
        s.sessionId,
        a.participantId ?? '',
        a.name,
        a.business,
        wibDateTime(a.at),
        a.door,
        a.deviceName ?? a.deviceId,
        a.volunteer,
        a.walkIn ? 'ya' : 'tidak',
        a.flagged ? 'ya' : 'tidak',
      ]);
    }
  }
  return writeCsv(rows);
}
