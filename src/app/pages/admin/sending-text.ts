// Every word of the "Kirim" page (tickets or certificates) and its message settings, Bahasa
// Indonesia first.
import type { SendKind } from '../../../shared/api/sending';
import type { Lang } from '../../i18n/i18n';

const id = {
  title: 'Kirim tiket',
  intro:
    'Kirim tiket lewat WhatsApp satu per satu: tombol membuka pesan untuk peserta berikutnya di WhatsApp, lalu mencatatnya sebagai terkirim atas nama Anda.',
  wave: 'Gelombang',
  choose: 'Pilih gelombang',
  noWaves: 'Buat gelombang dulu di halaman Acara.',
  loading: 'Memuat antrean…',
  progress: (sent: number, total: number) => `Terkirim ${sent} dari ${total}`,
  progressLabel: 'Kemajuan pengiriman',
  unsentCount: (n: number) => `${n} belum dikirim`,
  staleCount: (n: number) => `${n} tiket baru belum dikirim`,
  next: 'Berikutnya',
  send: 'Kirim ke WhatsApp',
  skip: 'Lewati',
  undoLast: 'Batalkan tanda terakhir',
  keys: 'Tombol: Enter atau N = kirim berikutnya · S = lewati · U = batalkan tanda terakhir.',
  allSent: 'Semua tiket di gelombang ini sudah terkirim.',
  empty: 'Belum ada peserta dengan nomor WhatsApp di gelombang ini.',
  allSkipped: (n: number) => `Tidak ada lagi yang perlu dikirim; ${n} dilewati.`,
  showSkipped: 'Tampilkan lagi yang dilewati',
  skipped: (n: number) => `${n} dilewati di sesi ini`,
  noContact:
    'Nomor WhatsApp panitia belum diisi, jadi pesan tidak memuat kontak. Isi di "Pesan dan petunjuk" di bawah.',
  popupBlocked:
    'Browser memblokir jendela WhatsApp. Izinkan pop-up untuk situs ini, lalu tekan Kirim lagi.',
  filters: 'Tampilkan',
  filter: {
    all: 'Semua',
    unsent: 'Belum dikirim',
    sent: 'Terkirim',
    stale: 'Tiket baru belum dikirim',
  },
  name: 'Nama',
  phone: 'No. HP',
  state: 'Status',
  undo: 'Batalkan tanda',
  undoLabel: (n: string) => `Batalkan tanda terkirim untuk ${n}`,
  olderSent: (line: string) => `tiket lama ${line}`,
  none: 'Tidak ada peserta di sini.',
  noPhoneTitle: (n: number) => `${n} peserta tanpa nomor WhatsApp yang bisa dipakai`,
  noPhoneIntro:
    'Nomor HP mereka tidak bisa dipakai untuk WhatsApp, jadi mereka tidak masuk antrean. Perbaiki nomornya di halaman Peserta, atau kirim tiketnya dengan cara lain (cetak badge, email).',
  settings: 'Pesan dan petunjuk',
  kinds: 'Yang dikirim',
  kind: { tiket: 'Tiket', sertifikat: 'Sertifikat' },
  noCertificate: (n: number) =>
    `${n} peserta aktif di gelombang ini belum punya sertifikat yang berlaku, jadi tidak masuk antrean.`,
  certificatesPage: 'Terbitkan sertifikat di halaman Sertifikat',
};

type Text = typeof id;

/** The words that differ when the queue sends certificate links. */
const certificateId: Partial<Text> = {
  title: 'Kirim sertifikat',
  intro:
    'Kirim tautan sertifikat lewat WhatsApp satu per satu: tombol membuka pesan untuk peserta berikutnya di WhatsApp, lalu mencatatnya sebagai terkirim atas nama Anda. Hanya peserta dengan sertifikat yang berlaku yang masuk antrean.',
  staleCount: (n: number) => `${n} sertifikat baru belum dikirim`,
  allSent: 'Semua sertifikat di gelombang ini sudah terkirim.',
  empty: 'Belum ada sertifikat yang berlaku di gelombang ini untuk dikirim.',
  filter: {
    all: 'Semua',
    unsent: 'Belum dikirim',
    sent: 'Terkirim',
    stale: 'Sertifikat baru belum dikirim',
  },
  olderSent: (line: string) => `sertifikat versi lama ${line}`,
  none: 'Tidak ada peserta di sini.',
  noPhoneIntro:
    'Nomor HP mereka tidak bisa dipakai untuk WhatsApp, jadi mereka tidak masuk antrean. Perbaiki nomornya di halaman Peserta, atau kirim tautan sertifikatnya dengan cara lain.',
  settings: 'Pesan sertifikat',
  noContact:
    'Nomor WhatsApp panitia belum diisi, jadi pesan tidak memuat kontak. Isi di "Pesan sertifikat" di bawah.',
};

const en: Text = {
  title: 'Send tickets',
  intro:
    'Send tickets over WhatsApp one by one: the button opens the message for the next participant in WhatsApp, then records it as sent in your name.',
  wave: 'Wave',
  choose: 'Choose a wave',
  noWaves: 'Create a wave on the Event page first.',
  loading: 'Loading the queue…',
  progress: (sent, total) => `Sent ${sent} of ${total}`,
  progressLabel: 'Sending progress',
  unsentCount: (n) => `${n} not sent yet`,
  staleCount: (n) => `${n} new tickets not sent yet`,
  next: 'Next',
  send: 'Send on WhatsApp',
  skip: 'Skip',
  undoLast: 'Undo the last mark',
  keys: 'Keys: Enter or N = send the next · S = skip · U = undo the last mark.',
  allSent: 'Every ticket in this wave has been sent.',
  empty: 'No participant of this wave has a WhatsApp number yet.',
  allSkipped: (n) => `Nothing left to send; ${n} skipped.`,
  showSkipped: 'Show the skipped ones again',
  skipped: (n) => `${n} skipped in this sitting`,
  noContact:
    'The organizers’ WhatsApp number is not set, so messages carry no contact. Fill it in under "Message and instructions" below.',
  popupBlocked:
    'The browser blocked the WhatsApp window. Allow pop-ups for this site, then press Send again.',
  filters: 'Show',
  filter: {
    all: 'All',
    unsent: 'Not sent yet',
    sent: 'Sent',
    stale: 'New ticket not sent yet',
  },
  name: 'Name',
  phone: 'Phone',
  state: 'Status',
  undo: 'Undo mark',
  undoLabel: (n) => `Undo the sent mark for ${n}`,
  olderSent: (line) => `old ticket ${line}`,
  none: 'Nobody here.',
  noPhoneTitle: (n) => `${n} participants without a usable WhatsApp number`,
  noPhoneIntro:
    'Their phone numbers cannot be used for WhatsApp, so they are not in the queue. Fix the number on the Participants page, or send their ticket another way (printed badge, email).',
  settings: 'Message and instructions',
  kinds: 'What to send',
  kind: { tiket: 'Tickets', sertifikat: 'Certificates' },
  noCertificate: (n) =>
    `${n} active participants of this wave hold no valid certificate, so they are not in the queue.`,
  certificatesPage: 'Issue certificates on the Certificates page',
};

const certificateEn: Partial<Text> = {
  title: 'Send certificates',
  intro:
    'Send certificate links over WhatsApp one by one: the button opens the message for the next participant in WhatsApp, then records it as sent in your name. Only participants holding a valid certificate are in the queue.',
  staleCount: (n) => `${n} new certificates not sent yet`,
  allSent: 'Every certificate in this wave has been sent.',
  empty: 'No valid certificate in this wave to send yet.',
  filter: {
    all: 'All',
    unsent: 'Not sent yet',
    sent: 'Sent',
    stale: 'New certificate not sent yet',
  },
  olderSent: (line) => `old certificate version ${line}`,
  noPhoneIntro:
    'Their phone numbers cannot be used for WhatsApp, so they are not in the queue. Fix the number on the Participants page, or send their certificate link another way.',
  settings: 'Certificate message',
  noContact:
    'The organizers’ WhatsApp number is not set, so messages carry no contact. Fill it in under "Certificate message" below.',
};

/** The sending page's words in `lang`, for tickets or certificates. */
export function sendingText(lang: Lang, kind: SendKind = 'tiket'): Text {
  const base = lang === 'en' ? en : id;
  if (kind === 'tiket') return base;
  return { ...base, ...(lang === 'en' ? certificateEn : certificateId) };
}

const settingsId = {
  title: 'Pesan dan petunjuk',
  intro:
    'Berlaku untuk seluruh acara: pesan WhatsApp di antrean dan di tombol "Kirim via WhatsApp" tiap peserta, serta halaman tiket peserta.',
  contact: 'Nomor WhatsApp panitia',
  contactHint: 'Muncul di pesan ({kontak}) dan di halaman tiket. Contoh: 0812 3456 7890.',
  instructions: 'Petunjuk di halaman tiket',
  instructionsHint: 'Satu petunjuk per baris, paling banyak 10.',
  template: 'Pesan WhatsApp',
  placeholders: 'Bisa dipakai:',
  preview: (name: string) => `Pratinjau untuk ${name}`,
  previewNobody: 'Pratinjau (contoh peserta)',
  reset: 'Pakai pesan bawaan',
  save: 'Simpan',
  saving: 'Menyimpan…',
  saved: 'Tersimpan.',
  unsaved: 'Ada perubahan yang belum disimpan; antrean masih memakai pesan yang tersimpan.',
  fixFirst: 'Perbaiki pesan di atas dulu, baru bisa disimpan.',
  certificateIntro:
    'Berlaku untuk seluruh acara: pesan WhatsApp yang membawa tautan sertifikat. Nomor kontak sama dengan yang di pesan tiket.',
  certificateTemplate: 'Pesan WhatsApp sertifikat',
};

const settingsEn: typeof settingsId = {
  title: 'Message and instructions',
  intro:
    'For the whole event: the WhatsApp message in the queue and on each participant’s "Send via WhatsApp" button, and the participants’ ticket page.',
  contact: 'Organizers’ WhatsApp number',
  contactHint: 'Shown in the message ({kontak}) and on the ticket page. E.g. 0812 3456 7890.',
  instructions: 'Instructions on the ticket page',
  instructionsHint: 'One per line, at most 10.',
  template: 'WhatsApp message',
  placeholders: 'You can use:',
  preview: (name) => `Preview for ${name}`,
  previewNobody: 'Preview (sample participant)',
  reset: 'Use the default message',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  unsaved: 'There are unsaved changes; the queue still uses the saved message.',
  fixFirst: 'Fix the message above first; then it can be saved.',
  certificateIntro:
    'For the whole event: the WhatsApp message that carries the certificate link. The contact number is the same as in the ticket message.',
  certificateTemplate: 'Certificate WhatsApp message',
};

/** The message settings' words in `lang`. */
export function settingsText(lang: Lang) {
  return lang === 'en' ? settingsEn : settingsId;
}
