// Words of the devices table's "at a glance" columns, Indonesian first.
import type { Lang } from '../../i18n/i18n';

const id = {
  colSeen: 'Terakhir terlihat',
  ago: (span: string) => `${span} lalu`,
  colUnsynced: 'Belum terkirim',
  unsynced: (n: number) => `${n} pemindaian`,
  allSent: 'Semua terkirim',
  unknown: 'Belum ada laporan',
  oldest: (span: string) => `terlama menunggu ${span}`,
  stale:
    'Menyimpan pemindaian yang belum terkirim dan tidak terlihat 10 menit — periksa tablet ini',
  colClock: 'Jam tablet',
  clockOk: 'Tepat',
  clockSlow: (span: string) => `Salah: terlambat ${span}`,
  clockFast: (span: string) => `Salah: terlalu cepat ${span}`,
  colStorage: 'Penyimpanan',
  persisted: 'Permanen',
  notPersisted: 'Bisa terhapus oleh browser',
  app: (v: string) => `Aplikasi ${v}`,
  rosterOld: 'Data acara di tablet belum diperbarui',
};

const en: typeof id = {
  colSeen: 'Last seen',
  ago: (span) => `${span} ago`,
  colUnsynced: 'Not sent yet',
  unsynced: (n) => `${n} scans`,
  allSent: 'All sent',
  unknown: 'No report yet',
  oldest: (span) => `oldest waiting ${span}`,
  stale: 'Holding unsent scans and not seen for 10 minutes — check this tablet',
  colClock: 'Tablet clock',
  clockOk: 'Right',
  clockSlow: (span) => `Wrong: ${span} slow`,
  clockFast: (span) => `Wrong: ${span} fast`,
  colStorage: 'Storage',
  persisted: 'Persistent',
  notPersisted: 'The browser may clear it',
  app: (v) => `App ${v}`,
  rosterOld: 'Event data on the tablet not updated yet',
};

export const deviceGlanceText: Record<Lang, typeof id> = { id, en };
