// Every word on the participant's certificate pages (/c and /v), Bahasa Indonesia first. The
// certificate itself is printed in Indonesian: it is the office's document.
import type { Lang } from '../../i18n/i18n';

const id = {
  verifyTitle: 'Verifikasi sertifikat',
  verifyIntro:
    'Halaman ini memeriksa tanda tangan digital sertifikat di perangkat ini, juga tanpa internet.',
  checking: 'Memeriksa tanda tangan…',
  genuine: 'Sertifikat asli',
  genuineEnded: 'Sertifikat asli, tetapi tidak berlaku lagi',
  genuineBody: (programme: string) =>
    `Tanda tangan digital cocok: sertifikat ini diterbitkan oleh panitia ${programme} dan isinya tidak diubah.`,
  refused: 'Bukan sertifikat yang sah',
  name: 'Nama',
  business: 'Nama usaha',
  programme: 'Program',
  wave: 'Gelombang',
  venue: 'Tempat',
  dates: 'Tanggal',
  number: 'Nomor sertifikat',
  issuedAt: 'Diterbitkan',
  version: 'Versi',
  openCertificate: 'Lihat sertifikat',
  pasteLabel: 'Tempel kode atau tautan sertifikat',
  pasteHint: 'Kode diawali HS1. atau tautan yang memuat /v# atau /c#.',
  pasteCheck: 'Periksa',
  pasteEmpty: 'Tempel dulu kode atau tautan sertifikat.',
  emptyIntro:
    'Pindai QR pada sertifikat dengan kamera HP, atau tempel kodenya di bawah untuk memeriksa keasliannya.',
  certificateTitle: 'Sertifikat',
  print: 'Cetak / simpan PDF',
  printHint: 'Pilih “Simpan sebagai PDF” di jendela cetak untuk menyimpan berkasnya.',
  loading: 'Memuat sertifikat…',
  savedCopy: (when: string) => `Tampilan tersimpan di HP ini (diperbarui ${when}).`,
  notSaved: 'Sertifikat ini belum bisa disimpan di HP ini (penyimpanan penuh atau diblokir).',
  needOnline:
    'Sertifikat ini belum pernah dibuka di HP ini. Sambungkan ke internet sekali untuk memuat tampilannya; setelah itu tetap bisa dibuka tanpa internet.',
  unknown:
    'Server panitia tidak mengenal sertifikat ini. Minta panitia mengirim ulang tautan sertifikat Anda.',
  invalidTitle: 'Tautan sertifikat tidak valid',
  invalidBody:
    'Tautan ini rusak atau tidak lengkap. Buka lagi tautan dari pesan panitia, atau minta panitia mengirim ulang.',
  verifyLink: 'Periksa keaslian',
  qrAlt: 'Kode QR verifikasi sertifikat',
};

const en: typeof id = {
  verifyTitle: 'Certificate verification',
  verifyIntro:
    'This page checks the certificate’s digital signature on this device, even without internet.',
  checking: 'Checking the signature…',
  genuine: 'Genuine certificate',
  genuineEnded: 'Genuine certificate, but no longer valid',
  genuineBody: (programme: string) =>
    `The digital signature matches: this certificate was issued by the organizers of ${programme} and has not been altered.`,
  refused: 'Not a valid certificate',
  name: 'Name',
  business: 'Business',
  programme: 'Programme',
  wave: 'Wave',
  venue: 'Venue',
  dates: 'Dates',
  number: 'Certificate number',
  issuedAt: 'Issued',
  version: 'Version',
  openCertificate: 'View the certificate',
  pasteLabel: 'Paste a certificate code or link',
  pasteHint: 'A code starting with HS1. or a link containing /v# or /c#.',
  pasteCheck: 'Check',
  pasteEmpty: 'Paste a certificate code or link first.',
  emptyIntro:
    'Scan the QR on the certificate with a phone camera, or paste its code below to check it.',
  certificateTitle: 'Certificate',
  print: 'Print / save as PDF',
  printHint: 'Choose “Save as PDF” in the print window to keep the file.',
  loading: 'Loading the certificate…',
  savedCopy: (when: string) => `Copy kept on this phone (updated ${when}).`,
  notSaved: 'This certificate could not be kept on this phone (storage full or blocked).',
  needOnline:
    'This certificate has not been opened on this phone before. Go online once to load it; after that it opens without internet.',
  unknown:
    'The organizer’s server does not know this certificate. Ask the organizers to send your certificate link again.',
  invalidTitle: 'Invalid certificate link',
  invalidBody:
    'This link is broken or incomplete. Open the link from the organizers’ message again, or ask them to resend it.',
  verifyLink: 'Check it is genuine',
  qrAlt: 'Certificate verification QR code',
};

/** The words for the chosen language. */
export const certificateWords = (lang: Lang) => (lang === 'en' ? en : id);
