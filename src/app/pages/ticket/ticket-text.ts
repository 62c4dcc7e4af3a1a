// Every word on the ticket pages, Bahasa Indonesia first. Functions where a value goes inside.
import type { Lang } from '../../i18n/i18n';

const id = {
  pageTitle: 'Tiket',
  myTickets: 'Tiket saya',
  ticketFor: 'Tiket masuk',
  qrAlt: (name: string) => (name ? `Kode QR tiket ${name}` : 'Kode QR tiket'),
  tokenLabel: 'Kode tiket',
  loading: 'Memuat detail tiket…',
  venue: 'Tempat',
  openMap: 'Buka peta',
  when: 'Waktu',
  sessions: 'Sesi',
  atTheDoor: 'Di pintu masuk',
  doorStepsBefore: [
    'Tunjukkan QR ini ke petugas di pintu masuk.',
    'Naikkan kecerahan layar supaya QR mudah dipindai.',
  ],
  /** The event's own lines when the organizer wrote none. */
  defaultInstructions: (arriveBy: string | null) => [
    arriveBy
      ? `Datang 30 menit lebih awal, sekitar pukul ${arriveBy}.`
      : 'Datang 30 menit lebih awal.',
    'Bawa KTP asli.',
  ],
  doorStepsAfter: [
    'Satu tiket untuk satu orang: jangan bagikan QR ini.',
    'Tidak perlu internet: tiket ini tersimpan di HP ini dan tetap bisa dibuka.',
  ],
  contact: 'Pertanyaan? Hubungi panitia lewat WhatsApp:',
  invalidTitle: 'Tiket tidak valid',
  invalidBody:
    'Tautan tiket ini rusak atau tidak lengkap. Buka lagi tautan dari pesan panitia, atau minta panitia mengirim ulang.',
  unknownTitle: 'Tiket tidak dikenal',
  unknownBody:
    'Server panitia tidak mengenal tiket ini. Minta panitia mengirim ulang tautan tiket Anda.',
  cancelledTitle: 'Tiket dibatalkan',
  cancelledBody:
    'Pendaftaran ini telah dibatalkan oleh panitia, jadi QR tidak bisa dipakai. Hubungi panitia jika ini keliru.',
  supersededTitle: 'Tiket sudah diganti',
  supersededBody:
    'Panitia sudah mengirim tiket baru untuk Anda; QR lama ini tidak berlaku. Buka tautan tiket terbaru dari panitia.',
  openNewer: 'Buka tiket terbaru',
  offlineNoInfo:
    'Tidak ada koneksi, jadi detail acara belum bisa dimuat. QR di atas tetap bisa dipindai petugas.',
  savedCopy: (when: string) =>
    `Tanpa koneksi: ini salinan yang tersimpan di HP (diperbarui ${when}).`,
  notSaved: 'Tiket tidak bisa disimpan di HP ini (penyimpanan browser diblokir).',
  listIntro: 'Tiket yang pernah Anda buka di HP ini. Bisa dibuka tanpa internet.',
  listEmpty:
    'Belum ada tiket tersimpan. Buka tautan tiket dari panitia (misalnya lewat WhatsApp) satu kali saat ada internet; setelah itu tiket tersimpan di HP ini.',
  remove: 'Hapus',
  removeConfirm: (name: string) => `Hapus tiket ${name} dari HP ini?`,
  removeYes: 'Ya, hapus',
  cancel: 'Batal',
  statusCancelled: 'Dibatalkan',
  statusSuperseded: 'Sudah diganti',
};

type Text = typeof id;

const en: Text = {
  pageTitle: 'Ticket',
  myTickets: 'My tickets',
  ticketFor: 'Admission ticket',
  qrAlt: (name) => (name ? `Ticket QR code for ${name}` : 'Ticket QR code'),
  tokenLabel: 'Ticket code',
  loading: 'Loading ticket details…',
  venue: 'Venue',
  openMap: 'Open map',
  when: 'When',
  sessions: 'Sessions',
  atTheDoor: 'At the door',
  doorStepsBefore: [
    'Show this QR code to the staff at the entrance.',
    'Turn your screen brightness up so the QR scans easily.',
  ],
  defaultInstructions: (arriveBy) => [
    arriveBy ? `Arrive 30 minutes early, around ${arriveBy}.` : 'Arrive 30 minutes early.',
    'Bring your original KTP (ID card).',
  ],
  doorStepsAfter: [
    'One ticket per person: do not share this QR code.',
    'No internet needed: this ticket is saved on this phone and still opens offline.',
  ],
  contact: 'Questions? Contact the organizers on WhatsApp:',
  invalidTitle: 'Invalid ticket',
  invalidBody:
    'This ticket link is broken or incomplete. Open the link from the organizers’ message again, or ask them to resend it.',
  unknownTitle: 'Unknown ticket',
  unknownBody:
    'The organizers’ server does not know this ticket. Ask them to resend your ticket link.',
  cancelledTitle: 'Ticket cancelled',
  cancelledBody:
    'The organizers cancelled this registration, so the QR code cannot be used. Contact them if this is a mistake.',
  supersededTitle: 'Ticket replaced',
  supersededBody:
    'The organizers sent you a new ticket; this old QR code is no longer valid. Open the newest ticket link they sent.',
  openNewer: 'Open the newest ticket',
  offlineNoInfo:
    'No connection, so the event details could not be loaded. The QR code above can still be scanned at the door.',
  savedCopy: (when) => `Offline: this is the copy saved on this phone (updated ${when}).`,
  notSaved: 'This ticket could not be saved on this phone (browser storage is blocked).',
  listIntro: 'Tickets you have opened on this phone. They open without internet.',
  listEmpty:
    'No saved tickets yet. Open the ticket link from the organizers (e.g. on WhatsApp) once while online; after that it is saved on this phone.',
  remove: 'Remove',
  removeConfirm: (name) => `Remove ${name}’s ticket from this phone?`,
  removeYes: 'Yes, remove',
  cancel: 'Cancel',
  statusCancelled: 'Cancelled',
  statusSuperseded: 'Replaced',
};

/** The ticket pages' words in `lang`. */
export function ticketText(lang: Lang): Text {
  return lang === 'en' ? en : id;
}
