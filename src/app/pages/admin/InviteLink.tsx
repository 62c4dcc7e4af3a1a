// The invitation link just made: shown once (only its hash is kept), with a copy button and a
// WhatsApp share, since that is how an office passes a link on.
import { useRef, useState } from 'preact/hooks';
import type { InvitationCreated } from '../../../shared/api/team';
import { useLang } from '../../i18n/i18n';
import { roleName } from './team-text';
import { formatWib } from './wib-time';

const text = {
  id: {
    label: 'Tautan undangan (sekali pakai)',
    hint: (role: string, until: string) =>
      `Untuk peran ${role}, berlaku sampai ${until}. Tautan ini hanya ditampilkan sekarang; kirim ke orangnya saja.`,
    copy: 'Salin tautan',
    copied: 'Tautan disalin.',
    copyFailed: 'Tidak bisa menyalin otomatis; pilih tautan lalu salin.',
    whatsapp: 'Kirim lewat WhatsApp',
  },
  en: {
    label: 'Invitation link (single use)',
    hint: (role: string, until: string) =>
      `For the role ${role}, valid until ${until}. The link is shown only now; send it to that person only.`,
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Could not copy automatically; select the link and copy it.',
    whatsapp: 'Send by WhatsApp',
  },
};

// The message goes to an Indonesian colleague, so it is in Indonesian whatever the screen shows.
const whatsappMessage = (role: string, link: string) =>
  `Anda diundang bergabung ke tim panitia Hadir sebagai ${role}. Buka tautan ini untuk membuat akun: ${link}`;

/** The fresh link with copy and share buttons. */
export function InviteLink(props: { invitation: InvitationCreated }) {
  const lang = useLang();
  const t = text[lang];
  const input = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { link, role, expiresAt } = props.invitation;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState('copied');
    } catch {
      // No clipboard permission (e.g. plain http on a LAN address): select the text instead.
      input.current?.select();
      const ok = document.execCommand?.('copy') ?? false;
      setCopyState(ok ? 'copied' : 'failed');
    }
  };

  const share = `https://wa.me/?text=${encodeURIComponent(whatsappMessage(roleName(role, 'id'), link))}`;
  return (
    <div class="invite-link">
      <div class="field">
        <label for="invite-link">{t.label}</label>
        <input
          id="invite-link"
          ref={input}
          type="text"
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="invite-link"
        />
        <small class="hint">{t.hint(roleName(role, lang), formatWib(expiresAt, lang))}</small>
      </div>
      <div class="form-actions">
        <button
          type="button"
          class="secondary"
          onClick={() => void copy()}
          data-testid="invite-copy"
        >
          {t.copy}
        </button>
        <a class="button whatsapp" href={share} target="_blank" rel="noopener">
          {t.whatsapp}
        </a>
      </div>
      <p role="status" class={copyState === 'failed' ? 'error-notice' : 'saved'}>
        {copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}
      </p>
    </div>
  );
}
