// Words of the event page's "Data pribadi" card (retention and erasure), Indonesian first.
import type { Lang } from '../../i18n/i18n';

const id = {
  title: 'Data pribadi',
  erasesOn: (day: string) => `Data pribadi peserta dihapus pada ${day}.`,
  noDay: 'Belum ada tanggal penghapusan data pribadi.',
  suggested: (day: string) => `Usulan: ${day} (90 hari setelah gelombang terakhir selesai).`,
  dayLabel: 'Tanggal penghapusan',
  dayHint: 'Mulai pukul 00.00 WIB hari itu server menghapusnya sendiri (diperiksa tiap jam).',
  save: 'Simpan tanggal',
  clear: 'Kosongkan',
  saved: 'Tanggal tersimpan.',
  erasedBy: (when: string, who: string | null) =>
    who
      ? `Data pribadi sudah dihapus pada ${when} oleh ${who}.`
      : `Data pribadi sudah dihapus pada ${when} sesuai jadwal.`,
  erasedTitle: 'Yang dihapus',
  erased: [
    'NIK, nomor HP dan e-mail semua peserta',
    'nama dan nama usaha peserta yang tidak menerima sertifikat (menjadi "Peserta dihapus")',
    'nomor HP pendaftar di pintu, dipotong menjadi 4 digit terakhir',
    'draf impor daftar peserta',
  ],
  keptTitle: 'Yang tetap disimpan',
  kept: [
    'nama pemegang sertifikat, sertifikat dan verifikasinya',
    'jumlah hadir, rekap dan semua hasil pindaian',
  ],
  tablets: 'Tablet pintu sudah menghapus daftar pesertanya saat dicabut.',
  eraseTitle: 'Hapus data pribadi sekarang',
  eraseHint: (name: string) =>
    `Tidak bisa dibatalkan. Ketik nama acara "${name}" untuk memastikan.`,
  eraseLabel: 'Nama acara',
  eraseButton: 'Hapus data pribadi sekarang',
  erasing: 'Menghapus…',
  erasedNow: (n: number) => `Data pribadi ${n} peserta dihapus.`,
};

const en: typeof id = {
  title: 'Personal data',
  erasesOn: (day) => `Participants' personal data is erased on ${day}.`,
  noDay: 'No erasure day for personal data yet.',
  suggested: (day) => `Suggested: ${day} (90 days after the last wave ends).`,
  dayLabel: 'Erasure day',
  dayHint: 'From 00:00 WIB that day the server erases it by itself (checked every hour).',
  save: 'Save day',
  clear: 'Clear',
  saved: 'Day saved.',
  erasedBy: (when, who) =>
    who
      ? `Personal data was erased on ${when} by ${who}.`
      : `Personal data was erased on ${when} on schedule.`,
  erasedTitle: 'Erased',
  erased: [
    "every participant's NIK, phone number and e-mail",
    'names and business names of participants without a certificate (they become "Peserta dihapus")',
    'phone numbers of walk-ins registered at the door, cut to their last 4 digits',
    'roster import drafts',
  ],
  keptTitle: 'Kept',
  kept: [
    'names of certificate holders, their certificates and verification',
    'attendance counts, the recap and every scan',
  ],
  tablets: 'Door tablets already wiped their roster when revoked.',
  eraseTitle: 'Erase personal data now',
  eraseHint: (name) => `This cannot be undone. Type the event's name "${name}" to confirm.`,
  eraseLabel: 'Event name',
  eraseButton: 'Erase personal data now',
  erasing: 'Erasing…',
  erasedNow: (n) => `Personal data of ${n} participants erased.`,
};

export const personalDataText: Record<Lang, typeof id> = { id, en };
