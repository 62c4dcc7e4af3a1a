// Words of the participants list's attendance column and filter, Indonesian first.
import type { Lang } from '../../i18n/i18n';

const id = {
  attendance: 'Kehadiran',
  all: 'Semua',
  hadir: 'Sudah hadir',
  belum: 'Belum hadir',
  session: 'Sesi',
  anySession: 'Sesi mana pun',
  present: 'hadir',
  absent: 'belum hadir',
  noSessions: 'belum ada sesi',
};

const en: typeof id = {
  attendance: 'Attendance',
  all: 'All',
  hadir: 'Present',
  belum: 'Not arrived yet',
  session: 'Session',
  anySession: 'Any session',
  present: 'present',
  absent: 'not arrived',
  noSessions: 'no sessions yet',
};

export const participantsAttendanceText: Record<Lang, typeof id> = { id, en };
