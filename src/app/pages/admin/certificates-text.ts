// Words of the organizer's issued-certificates page, Indonesian first. Standings in words:
// certificates-list.ts; the certificate itself: pages/certificate.

const id = {
  title: 'Sertifikat terbit',
  intro:
    'Sertifikat yang sudah diterbitkan per gelombang, dengan tautan untuk peserta (lihat dan cetak) dan untuk memeriksa keasliannya.',
  eligibilityLink: 'Siapa yang berhak: Kelulusan sertifikat',
  wave: 'Gelombang',
  noWaves: 'Acara ini belum punya gelombang.',
  issue: 'Terbitkan sertifikat untuk yang berhak',
  issuing: 'Menerbitkan…',
  counts: (valid: number, ended: number) =>
    ended ? `Berlaku: ${valid} · Dicabut atau diganti: ${ended}` : `Berlaku: ${valid}`,
  none: 'Belum ada sertifikat terbit di gelombang ini.',
  printAll: (n: number) => `Cetak semua (${n})`,
  number: 'Nomor',
  name: 'Nama',
  status: 'Status',
  issued: 'Diterbitkan',
  by: (who: string) => `oleh ${who}`,
  links: 'Tautan',
  view: 'Lihat',
  verify: 'Periksa',
  actions: 'Tindakan',
  revoke: 'Cabut',
  reissue: 'Terbitkan ulang',
  reissued: (name: string) => `Sertifikat baru untuk ${name} sudah terbit; yang lama diganti.`,
  revokeTitle: (name: string) => `Cabut sertifikat ${name}`,
  revokeWarning:
    'Sertifikat yang dicabut tetap terlihat asli tanda tangannya, tetapi halaman verifikasi yang online akan menyatakannya dicabut beserta alasannya.',
  reason: 'Alasan pencabutan (wajib, terlihat oleh yang memeriksa)',
  needReason: 'Tulis alasannya, minimal 3 huruf.',
  confirmRevoke: 'Cabut sertifikat',
  cancel: 'Batal',
  revoked: (name: string) => `Sertifikat ${name} dicabut.`,
  damaged: 'Kode sertifikat rusak',
  printTitle: (n: number) => `Cetak ${n} sertifikat`,
  printLoading: (done: number, of: number) => `Menyiapkan sertifikat… ${done} dari ${of}`,
  printReady: (n: number) =>
    `${n} sertifikat siap dicetak, satu halaman A4 mendatar per sertifikat. Pilih “Simpan sebagai PDF” untuk menyimpan berkasnya.`,
  printNone: 'Tidak ada sertifikat yang berlaku untuk dicetak.',
  printFailed: (n: number) => `${n} sertifikat tidak bisa dimuat; periksa koneksi lalu coba lagi.`,
  print: 'Cetak / simpan PDF',
  back: 'Kembali ke daftar',
};

const en: typeof id = {
  title: 'Issued certificates',
  intro:
    'Certificates issued per wave, with the links for participants (view and print) and for checking they are genuine.',
  eligibilityLink: 'Who is eligible: certificate eligibility',
  wave: 'Wave',
  noWaves: 'This event has no waves yet.',
  issue: 'Issue certificates to everyone eligible',
  issuing: 'Issuing…',
  counts: (valid: number, ended: number) =>
    ended ? `Valid: ${valid} · Revoked or replaced: ${ended}` : `Valid: ${valid}`,
  none: 'No certificates issued in this wave yet.',
  printAll: (n: number) => `Print all (${n})`,
  number: 'Number',
  name: 'Name',
  status: 'Status',
  issued: 'Issued',
  by: (who: string) => `by ${who}`,
  links: 'Links',
  view: 'View',
  verify: 'Verify',
  actions: 'Actions',
  revoke: 'Revoke',
  reissue: 'Re-issue',
  reissued: (name: string) => `A new certificate for ${name} was issued; the old one is replaced.`,
  revokeTitle: (name: string) => `Revoke ${name}'s certificate`,
  revokeWarning:
    'A revoked certificate still carries a genuine signature, but the verification page, when online, says it was revoked and why.',
  reason: 'Reason for revoking (required, shown to whoever checks it)',
  needReason: 'Write the reason, at least 3 letters.',
  confirmRevoke: 'Revoke certificate',
  cancel: 'Cancel',
  revoked: (name: string) => `${name}'s certificate was revoked.`,
  damaged: 'Damaged certificate code',
  printTitle: (n: number) => `Print ${n} certificates`,
  printLoading: (done: number, of: number) => `Preparing certificates… ${done} of ${of}`,
  printReady: (n: number) =>
    `${n} certificates ready to print, one A4 landscape page each. Choose “Save as PDF” to keep the file.`,
  printNone: 'No valid certificates to print.',
  printFailed: (n: number) =>
    `${n} certificates could not be loaded; check the connection and try again.`,
  print: 'Print / save as PDF',
  back: 'Back to the list',
};

export const certificatesText = { id, en };
