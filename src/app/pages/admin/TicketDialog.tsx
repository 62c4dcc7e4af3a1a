import { useEffect, useRef, useState } from 'preact/hooks';
import type { Participant, TicketLinks } from '../../../shared/api/schemas';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { Modal } from '../../components/admin/Modal';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure } from './admin-api';
import { badgesPagePath } from './badge-scope';

const text = {
  id: {
    title: (n: string) => `Tiket: ${n}`,
    loading: 'Menyiapkan tautan tiket…',
    reissued: 'Tiket baru sudah diterbitkan. Tiket lama tidak berlaku lagi; kirim tautan baru ini.',
    link: 'Tautan tiket',
    open: 'Buka tiket',
    whatsapp: 'Kirim via WhatsApp',
    copy: 'Salin tautan',
    badge: 'Cetak badge',
    copied: 'Tautan disalin.',
    copyFailed: 'Tidak bisa menyalin otomatis; tautan sudah dipilih, tekan Ctrl+C.',
    close: 'Tutup',
  },
  en: {
    title: (n: string) => `Ticket: ${n}`,
    loading: 'Preparing the ticket link…',
    reissued: 'A new ticket was issued. The old one no longer works; send this new link.',
    link: 'Ticket link',
    open: 'Open ticket',
    whatsapp: 'Send via WhatsApp',
    copy: 'Copy link',
    badge: 'Print badge',
    copied: 'Link copied.',
    copyFailed: 'Could not copy automatically; the link is selected, press Ctrl+C.',
    close: 'Close',
  },
};

/** The participant's ticket link, a WhatsApp message with it, and a copy button. */
export function TicketDialog(props: {
  participant: Participant;
  links?: TicketLinks;
  reissued?: boolean;
  onClose: () => void;
}) {
  const t = text[useLang()];
  const [links, setLinks] = useState<TicketLinks | null>(props.links ?? null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [copyState, setCopyState] = useState<'' | 'copied' | 'failed'>('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (props.links) return;
    let live = true;
    adminApi<TicketLinks>(
      `/api/participants/${encodeURIComponent(props.participant.id)}/ticket`,
    ).then(
      (l) => live && setLinks(l),
      (err: unknown) => live && setError(asFailure(err)),
    );
    return () => {
      live = false;
    };
  }, [props.participant.id, props.links]);

  const copy = async () => {
    if (!links) return;
    try {
      await navigator.clipboard.writeText(links.link);
      setCopyState('copied');
    } catch {
      // No clipboard permission (e.g. plain http on a LAN address): select the text instead.
      input.current?.select();
      const ok = document.execCommand?.('copy') ?? false;
      setCopyState(ok ? 'copied' : 'failed');
    }
  };

  return (
    <Modal
      title={t.title(props.participant.name)}
      onClose={props.onClose}
      testId="ticket-dialog"
      wide
    >
      {props.reissued ? <p class="notice">{t.reissued}</p> : null}
      <ErrorNotice error={error} />
      {!links && !error ? <p aria-busy="true">{t.loading}</p> : null}
      {links ? (
        <>
          <div class="field">
            <label for="ticket-link">{t.link}</label>
            <input
              id="ticket-link"
              ref={input}
              type="text"
              readOnly
              value={links.link}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="ticket-link"
            />
          </div>
          <div class="form-actions">
            <a
              class="button"
              href={links.link}
              target="_blank"
              rel="noopener"
              data-testid="ticket-open"
            >
              {t.open}
            </a>
            <a
              class="button whatsapp"
              href={links.whatsappLink}
              target="_blank"
              rel="noopener"
              data-testid="ticket-whatsapp"
            >
              {t.whatsapp}
            </a>
            <button
              type="button"
              class="secondary"
              onClick={() => void copy()}
              data-testid="ticket-copy"
            >
              {t.copy}
            </button>
            <a
              class="button secondary"
              href={badgesPagePath(props.participant.eventId, {
                kind: 'ids',
                ids: [props.participant.id],
              })}
              data-testid="ticket-badge"
            >
              {t.badge}
            </a>
          </div>
          <p role="status" class={copyState === 'failed' ? 'error-notice' : 'saved'}>
            {copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}
          </p>
        </>
      ) : null}
      <div class="form-actions">
        <button type="button" class="secondary" onClick={props.onClose}>
          {t.close}
        </button>
      </div>
    </Modal>
  );
}
