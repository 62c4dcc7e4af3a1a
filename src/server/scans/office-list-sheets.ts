// The office's lists as export sheets (.xlsx or CSV through export/download.ts): a session's
// Daftar Hadir or absentees, and the recap per wave, with the same columns as the printed lists.
import type { EventRecap, SessionLists } from '../../shared/api/office-lists.js';
import type { ExportSheet } from '../../shared/roster/export-sheet.js';
import { wibDateTime } from './attendance-sheet.js';

/** The Daftar Hadir (`hadir`) or the absentees (`absen`) of a session. */
export function sessionListSheet(lists: SessionLists, kind: 'hadir' | 'absen'): ExportSheet {
  const present = kind === 'hadir';
  const rows = present ? lists.present : lists.absent;
  return {
    name: present ? 'Daftar Hadir' : 'Tidak Hadir',
    columns: [
      { header: 'No' },
      { header: 'Nama' },
      { header: 'Nama Usaha' },
      { header: 'NIK', kind: 'nik' },
      { header: 'No. HP', kind: 'phone' },
      ...(present
        ? [{ header: 'Jam Hadir (WIB)' }, { header: 'Pintu' }, { header: 'Keterangan' }]
        : []),
    ],
    rows: rows.map((r, i) => [
      String(i + 1),
      r.name,
      r.business,
      r.nik,
      r.phone,
      ...(present
        ? [r.at ? wibDateTime(r.at) : '', r.door ?? '', r.walkIn ? 'tanpa tiket' : '']
        : []),
    ]),
  };
}

/** The recap: one row per wave and session. */
export function recapSheet(recap: EventRecap): ExportSheet {
  return {
    name: 'Rekap',
    columns: [
      { header: 'Gelombang' },
      { header: 'Tempat' },
      { header: 'Terdaftar' },
      { header: 'Sesi' },
      { header: 'Hadir di sesi' },
      { header: 'Hadir minimal 1 sesi' },
      { header: 'Berhak sertifikat' },
      { header: 'Sertifikat terbit' },
      { header: 'Tanpa tiket' },
      { header: 'Tanpa tiket, sudah jadi peserta' },
    ],
    rows: recap.waves.flatMap((w) =>
      (w.sessions.length > 0 ? w.sessions : [null]).map((s) => [
        w.waveName,
        w.venue,
        String(w.registered),
        s?.name ?? '',
        s ? String(s.attended) : '',
        String(w.attendedAny),
        String(w.eligible),
        String(w.certificates),
        String(w.walkIns),
        String(w.walkInsConfirmed),
      ]),
    ),
  };
}
