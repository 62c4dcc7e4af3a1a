// Words for where ticket (or certificate) links point, when participants' phones could not
// open them.
import type { SendKind } from '../../../shared/api/sending';
import type { LinkOrigin } from '../../../shared/sending/link-origin';
import type { Lang } from '../../i18n/i18n';

const why = {
  id: {
    local: 'alamat ini hanya ada di komputer ini',
    private: 'alamat ini hanya bisa dibuka dari jaringan kantor/Wi-Fi yang sama',
    'plain-http': 'alamat ini tidak memakai https',
    invalid: 'alamat ini tidak bisa dibaca',
  },
  en: {
    local: 'this address exists only on this computer',
    private: 'this address only opens on the same office network/Wi-Fi',
    'plain-http': 'this address does not use https',
    invalid: 'this address cannot be read',
  },
};

/** The warning, or null when links are fine to send. */
export function linkOriginWarning(
  o: LinkOrigin,
  lang: Lang,
  kind: SendKind = 'tiket',
): { title: string; body: string } | null {
  if (o.problem === null) return null;
  const reason = why[lang][o.problem];
  const cert = kind === 'sertifikat';
  return lang === 'en'
    ? {
        title: `${cert ? 'Certificate' : 'Ticket'} links would not open on participants’ phones.`,
        body: `They point to ${o.origin} — ${reason}. Ask whoever runs the server to set PUBLIC_URL to its public https address (for example https://hadir.tangsel.go.id) and restart it before ${cert ? 'sending certificate links' : 'sending or exporting tickets'}.`,
      }
    : {
        title: `Tautan ${cert ? 'sertifikat' : 'tiket'} tidak akan terbuka di HP peserta.`,
        body: `Tautan mengarah ke ${o.origin} — ${reason}. Minta pengelola server mengatur PUBLIC_URL ke alamat https publik server (misalnya https://hadir.tangsel.go.id) lalu menjalankan ulang server, sebelum ${cert ? 'mengirim tautan sertifikat' : 'mengirim atau mengekspor tiket'}.`,
      };
}

/** Why the send button is off, in a line beside it. */
export function sendBlockedReason(o: LinkOrigin, lang: Lang): string | null {
  if (o.problem === null) return null;
  return lang === 'en'
    ? `Sending is off: links would point to ${o.origin}. Set PUBLIC_URL first.`
    : `Pengiriman dimatikan: tautan akan mengarah ke ${o.origin}. Atur PUBLIC_URL dulu.`;
}
