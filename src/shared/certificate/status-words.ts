// What the verification page says about a genuine certificate's standing, in words: the server's
// answer (valid, revoked with the reason, superseded) or why it could not be asked.
import type { CertificateStatusAnswer } from '../api/certificates.js';
import type { Bilingual } from '../messages.js';

/** The standing of a certificate whose signature is good. */
export type CertificateStanding =
  | { kind: 'checking' }
  | { kind: 'valid' }
  | { kind: 'revoked'; reason: string | null; at: string | null }
  | { kind: 'superseded'; newestVersion: number | null }
  /** The server does not know this certificate (another server, or its record is gone). */
  | { kind: 'not-found' }
  /** Offline, or the server did not answer: the signature alone was checked. */
  | { kind: 'unchecked' };

/** The standing from the server's answer to GET /api/certificate-status/:id. */
export function standingOf(answer: CertificateStatusAnswer): CertificateStanding {
  switch (answer.status) {
    case 'valid':
      return { kind: 'valid' };
    case 'revoked':
      return { kind: 'revoked', reason: answer.revokeReason, at: answer.revokedAt };
    case 'superseded':
      return { kind: 'superseded', newestVersion: answer.newestVersion ?? null };
  }
}

/** A heading and a sentence for the standing; `tone` picks the colour and icon beside them. */
export function standingWords(s: CertificateStanding): {
  tone: 'good' | 'bad' | 'warn' | 'neutral';
  title: Bilingual;
  body: Bilingual;
} {
  switch (s.kind) {
    case 'checking':
      return {
        tone: 'neutral',
        title: { id: 'Memeriksa status…', en: 'Checking the status…' },
        body: {
          id: 'Menanyakan ke server panitia apakah sertifikat ini masih berlaku.',
          en: 'Asking the organizer’s server whether this certificate still stands.',
        },
      };
    case 'valid':
      return {
        tone: 'good',
        title: { id: 'Masih berlaku', en: 'Still valid' },
        body: {
          id: 'Server panitia menyatakan sertifikat ini berlaku: tidak dicabut dan tidak diganti.',
          en: 'The organizer’s server says this certificate stands: not revoked, not replaced.',
        },
      };
    case 'revoked': {
      const reason = s.reason?.trim();
      return {
        tone: 'bad',
        title: { id: 'Sertifikat ini telah DICABUT', en: 'This certificate has been REVOKED' },
        body: {
          id: `Panitia mencabut sertifikat ini, jadi tidak berlaku lagi.${reason ? ` Alasan: ${reason}` : ''}`,
          en: `The organizer revoked this certificate; it no longer stands.${reason ? ` Reason: ${reason}` : ''}`,
        },
      };
    }
    case 'superseded':
      return {
        tone: 'warn',
        title: { id: 'Sudah diganti versi baru', en: 'Replaced by a newer version' },
        body: {
          id: `Ada versi yang lebih baru dari sertifikat ini${s.newestVersion ? ` (versi ${s.newestVersion})` : ''}; yang ini tidak berlaku lagi. Minta peserta menunjukkan versi terbaru.`,
          en: `A newer version of this certificate exists${s.newestVersion ? ` (version ${s.newestVersion})` : ''}; this one no longer stands. Ask for the newest one.`,
        },
      };
    case 'not-found':
      return {
        tone: 'warn',
        title: { id: 'Tidak terdaftar di server ini', en: 'Not on record on this server' },
        body: {
          id: 'Tanda tangannya asli, tetapi server ini tidak menyimpan catatan sertifikat ini, jadi pencabutan tidak bisa diperiksa. Tanyakan ke panitia.',
          en: 'The signature is genuine, but this server keeps no record of the certificate, so revocation could not be checked. Ask the organizer.',
        },
      };
    case 'unchecked':
      return {
        tone: 'neutral',
        title: { id: 'Pencabutan belum bisa diperiksa', en: 'Revocation could not be checked' },
        body: {
          id: 'Tidak ada koneksi ke server panitia. Tanda tangan digitalnya sudah diperiksa di perangkat ini dan asli, tetapi apakah sertifikat ini dicabut atau diganti belum bisa diketahui. Buka lagi halaman ini saat online.',
          en: 'No connection to the organizer’s server. The digital signature was checked on this device and is genuine, but whether the certificate was revoked or replaced could not be checked. Open this page again when online.',
        },
      };
  }
}
