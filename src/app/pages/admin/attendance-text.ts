// Words of the attendance page, Indonesian first.
import type { Lang } from '../../i18n/i18n';

const id = {
  title: 'Kehadiran',
  live: '● Langsung: kedatangan baru muncul otomatis',
  notLive: '○ Menyambungkan ulang pembaruan langsung…',
  attendanceExport: 'Daftar hadir untuk sertifikat',
  bySession: 'Per sesi',
  nobody: 'Belum ada yang hadir.',
  deletedSession: 'Sesi yang sudah dihapus',
  people: 'orang',
  name: 'Nama',
  time: 'Jam (WIB)',
  door: 'Pintu',
  volunteer: 'Relawan',
  note: 'Catatan',
  walkIn: 'tanpa tiket',
  flagged: 'periksa',
  admissions: 'masuk',
  importLabel: 'Impor berkas "pemindaian yang belum terkirim" dari tablet',
  imported: (stored: number, duplicate: number, rejected: number) =>
    `Diimpor: ${stored} baru, ${duplicate} sudah ada, ${rejected} ditolak.`,
};

const en: typeof id = {
  title: 'Attendance',
  live: '● Live: new arrivals appear by themselves',
  notLive: '○ Reconnecting live updates…',
  attendanceExport: 'Attendance list for certificates',
  bySession: 'By session',
  nobody: 'Nobody has arrived yet.',
  deletedSession: 'Deleted session',
  people: 'people',
  name: 'Name',
  time: 'Time (WIB)',
  door: 'Door',
  volunteer: 'Volunteer',
  note: 'Note',
  walkIn: 'walk-in',
  flagged: 'check',
  admissions: 'admissions',
  importLabel: 'Import a tablet\'s "scans not sent yet" file',
  imported: (stored, duplicate, rejected) =>
    `Imported: ${stored} new, ${duplicate} already there, ${rejected} rejected.`,
};

export const attendanceText: Record<Lang, typeof id> = { id, en };

/** "08.12.03" in Western Indonesia Time, from an ISO time (the one formatter: wib-time.ts). */
export { formatWibClock as wibTime } from './wib-time';
