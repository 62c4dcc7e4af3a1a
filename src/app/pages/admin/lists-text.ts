// Words of the office's lists page, Indonesian first. The printed lists themselves are official
// documents in Indonesian (their headings do not follow the language toggle).
import type { Lang } from '../../i18n/i18n';

const id = {
  title: 'Daftar untuk laporan',
  intro:
    'Daftar hadir per sesi, daftar yang tidak hadir, dan rekap per gelombang untuk laporan / SPJ. Pilih sesi, periksa nama penanda tangan, lalu cetak atau simpan sebagai PDF (A4 tegak).',
  session: 'Sesi',
  kind: 'Daftar',
  present: 'Daftar hadir',
  absent: 'Tidak hadir',
  nik: 'NIK',
  nikFull: 'Lengkap',
  nikMasked: 'Disamarkan (3674********0001)',
  agency: 'Instansi (baris pertama kop)',
  signLeft: 'Mengetahui — jabatan',
  signLeftName: 'Mengetahui — nama',
  signRight: 'Penanggung jawab — jabatan',
  signRightName: 'Penanggung jawab — nama',
  signersSaving: 'Menyimpan…',
  signersSaved: 'Tersimpan untuk semua panitia acara ini.',
  signersShared: 'Kop dan penanda tangan disimpan untuk semua panitia acara ini.',
  print: 'Cetak / simpan PDF',
  loading: 'Memuat daftar…',
  recap: 'Rekap per gelombang',
  noSessions: 'Belum ada sesi. Buat sesi di halaman Acara.',
  count: (n: number) => `${n} orang`,
};

const en: typeof id = {
  title: 'Lists for the report',
  intro:
    'The attendance list per session, the absentees, and the recap per wave for the office’s report. Choose a session, check the signers’ names, then print or save as PDF (A4 portrait).',
  session: 'Session',
  kind: 'List',
  present: 'Attendance list',
  absent: 'Absent',
  nik: 'NIK',
  nikFull: 'Full',
  nikMasked: 'Masked (3674********0001)',
  agency: 'Agency (first line of the letterhead)',
  signLeft: 'Acknowledged by — position',
  signLeftName: 'Acknowledged by — name',
  signRight: 'Person in charge — position',
  signRightName: 'Person in charge — name',
  signersSaving: 'Saving…',
  signersSaved: 'Saved for everyone on this event’s team.',
  signersShared: 'The letterhead and signers are kept for everyone on this event’s team.',
  print: 'Print / save PDF',
  loading: 'Loading the list…',
  recap: 'Recap per wave',
  noSessions: 'No sessions yet. Create one on the Event page.',
  count: (n) => `${n} people`,
};

export const listsText: Record<Lang, typeof id> = { id, en };

/** The printed document's own words (Indonesian, as the office files it). */
export const printed = {
  defaultAgency: 'PEMERINTAH KOTA TANGERANG SELATAN',
  present: 'DAFTAR HADIR',
  absent: 'DAFTAR PESERTA TIDAK HADIR',
  recap: 'REKAP KEHADIRAN PER GELOMBANG',
  columns: ['No', 'Nama', 'Nama Usaha', 'NIK', 'No. HP', 'Jam Hadir (WIB)', 'Pintu'],
  session: 'Sesi',
  venue: 'Tempat',
  date: 'Hari, tanggal',
  walkIn: 'tanpa tiket',
  signature: 'Tanda tangan',
  acknowledged: 'Mengetahui,',
  inCharge: 'Penanggung jawab,',
  defaultLeft: 'Kepala Dinas Koperasi dan UKM',
  defaultRight: 'Ketua Panitia',
  recapColumns: [
    'Gelombang',
    'Terdaftar',
    'Hadir (min. 1 sesi)',
    'Berhak sertifikat',
    'Sertifikat terbit',
    'Tanpa tiket (dikonfirmasi)',
  ],
};
