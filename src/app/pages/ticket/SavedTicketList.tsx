import { useEffect, useState } from 'preact/hooks';
import { LangToggle } from '../../components/LangToggle';
import { useLang } from '../../i18n/i18n';
import type { SavedTicket } from '../../ticket-store/saved-tickets';
import { forgetFrames } from '../../ticket-store/kept-frame';
import { listSavedTickets, removeSavedTicket } from '../../ticket-store/saved-tickets';
import { formatSpan } from './format-time';
import { ticketText } from './ticket-text';

/** "Tiket saya": the tickets kept on this phone; tap one to open it, or remove it. */
export function SavedTicketList() {
  const lang = useLang();
  const t = ticketText(lang);
  const [tickets, setTickets] = useState(listSavedTickets);
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t.myTickets} — Hadir`;
  }, [t]);

  const remove = (ticket: SavedTicket) => {
    removeSavedTicket(ticket.info.participantId);
    forgetFrames(ticket.token);
    setConfirming(null);
    setTickets(listSavedTickets());
  };

  return (
    <main class="page ticket-page">
      <header class="ticket-header">
        <a href="/">Hadir</a>
        <LangToggle />
      </header>
      <h1>{t.myTickets}</h1>
      <p>{tickets.length ? t.listIntro : t.listEmpty}</p>
      <ul class="ticket-list" data-testid="saved-tickets">
        {tickets.map((ticket) => {
          const { info } = ticket;
          const id = info.participantId;
          return (
            <li key={id} class="ticket-list-item">
              <a href={`/t#${ticket.token}`} class="ticket-list-link">
                <strong>{info.name}</strong>
                <span>{info.eventName}</span>
                <span>
                  {info.wave.name} · {info.wave.venue}
                </span>
                <span>{formatSpan(info.wave.startsAt, info.wave.endsAt, lang)}</span>
                {info.status !== 'valid' && (
                  <span class="ticket-badge">
                    {info.status === 'cancelled' ? t.statusCancelled : t.statusSuperseded}
                  </span>
                )}
              </a>
              {confirming === id ? (
                <div
                  class="ticket-list-confirm"
                  role="group"
                  aria-label={t.removeConfirm(info.name)}
                >
                  <p>{t.removeConfirm(info.name)}</p>
                  <button type="button" class="danger" onClick={() => remove(ticket)}>
                    {t.removeYes}
                  </button>
                  <button type="button" class="secondary" onClick={() => setConfirming(null)}>
                    {t.cancel}
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${t.remove}: ${info.name}`}
                  onClick={() => setConfirming(id)}
                >
                  {t.remove}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </main>
  );
}
