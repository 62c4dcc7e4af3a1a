// Words of the roster summary on the attendance page, Indonesian first.
import type { Lang } from '../../i18n/i18n';

const id = {
  heading: 'Kehadiran dibanding daftar peserta',
  present: (x: number, y: number) => `Hadir ${x} dari ${y}`,
  others: (n: number) => `+${n} lainnya (tanpa tiket, gelombang lain atau sudah dibatalkan)`,
  noSessions: 'Gelombang ini belum punya sesi.',
  arrivals: 'Kedatangan per 10 menit per pintu (WIB)',
  noArrivals: 'Belum ada kedatangan.',
  chartLabel: (n: number, from: string, to: string) =>
    `Grafik kedatangan: ${n} orang antara ${from} dan ${to} WIB`,
  table: 'Lihat sebagai tabel',
  time: 'Jam (WIB)',
  missing: (n: number) => `Belum hadir (${n})`,
  allIn: 'Semua peserta sudah hadir.',
  name: 'Nama',
  business: 'Usaha',
  phone: 'Nomor HP',
  remind: 'Ingatkan lewat WhatsApp',
  remindLabel: (name: string) => `Ingatkan ${name} lewat WhatsApp`,
  noWhatsApp: 'nomor tidak bisa dihubungi lewat WhatsApp',
};

const en: typeof id = {
  heading: 'Attendance against the roster',
  present: (x, y) => `Present ${x} of ${y}`,
  others: (n) => `+${n} others (walk-ins, another wave, or cancelled)`,
  noSessions: 'This wave has no sessions yet.',
  arrivals: 'Arrivals per 10 minutes per door (WIB)',
  noArrivals: 'No arrivals yet.',
  chartLabel: (n, from, to) => `Arrivals chart: ${n} people between ${from} and ${to} WIB`,
  table: 'Show as a table',
  time: 'Time (WIB)',
  missing: (n) => `Not arrived yet (${n})`,
  allIn: 'Everyone on the roster is here.',
  name: 'Name',
  business: 'Business',
  phone: 'Phone',
  remind: 'Remind on WhatsApp',
  remindLabel: (name) => `Remind ${name} on WhatsApp`,
  noWhatsApp: 'number cannot be reached on WhatsApp',
};

export const rosterSummaryText: Record<Lang, typeof id> = { id, en };
