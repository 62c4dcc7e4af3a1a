import { useEffect, useRef } from 'preact/hooks';
import { LangToggle } from '../../components/LangToggle';
import { useLang } from '../../i18n/i18n';
import { whenIdle } from '../../lib/when-idle';
import { forgetFrames, keepFrame } from '../../ticket-store/kept-frame';
import { formatDate, formatTime } from './format-time';
import { DoorSteps, TicketDetails } from './TicketDetails';
import { TicketQr } from './TicketQr';
import { ticketText } from './ticket-text';
import { useTicket } from './use-ticket';
import { useWakeLock } from './use-wake-lock';

/** One ticket: the QR to show at the door and where and when to go, online or not. */
export function TicketView(props: { hash: string }) {
  const lang = useLang();
  const t = ticketText(lang);
  const state = useTicket(props.hash);
  const info = state.kind === 'ticket' ? state.info : null;
  // A newer ticket on this phone means this one was replaced, even if we cannot ask the server.
  const status =
    state.kind !== 'ticket'
      ? 'valid'
      : state.newer
        ? 'superseded'
        : (state.status ?? info?.status ?? 'valid');
  const showQr = state.kind === 'ticket' && !state.unknown && status === 'valid';
  useWakeLock(showQr);

  useEffect(() => {
    document.title = info ? `${t.pageTitle}: ${info.name} — Hadir` : `${t.pageTitle} — Hadir`;
  }, [info, t]);

  const note =
    state.kind !== 'ticket'
      ? ''
      : state.loading && !info
        ? t.loading
        : !state.loading && state.source === 'saved' && state.savedAt
          ? t.savedCopy(`${formatDate(state.savedAt, lang)}, ${formatTime(state.savedAt, lang)}`)
          : !state.loading && !info && !state.unknown
            ? t.offlineNoInfo
            : state.saveFailed
              ? t.notSaved
              : '';

  // The next open's first frame (src/shared/ticket-boot.ts): kept while the page shows what
  // a reopen renders first from the saved ticket (valid, its details, no note), forgotten once the
  // ticket turns out not to be one to show. Kept when idle, after this frame has painted.
  const page = useRef<HTMLElement>(null);
  const token = state.kind === 'ticket' ? state.token : null;
  const keepable = showQr && info !== null && note === '';
  const settled = state.kind === 'ticket' && !state.loading;
  useEffect(() => {
    if (!token) return;
    if (keepable) {
      return whenIdle(() => {
        if (!page.current) return;
        const html = page.current.outerHTML;
        keepFrame({ hash: `#${props.hash}`, token, lang, title: document.title, html });
      });
    }
    if (settled && !showQr) forgetFrames(token);
  }, [props.hash, token, keepable, settled, showQr, lang, info]);

  const header = (
    <header class="ticket-header">
      <a href="/t">{t.myTickets}</a>
      <LangToggle />
    </header>
  );

  if (state.kind === 'invalid') {
    return (
      <main class="page ticket-page">
        {header}
        <div class="ticket-problem" role="alert" data-testid="ticket-error">
          <h1>{t.invalidTitle}</h1>
          <p>{t.invalidBody}</p>
          {/* The other language too: the person may not find the toggle on a broken page. */}
          <p lang={lang === 'en' ? 'id' : 'en'}>
            {ticketText(lang === 'en' ? 'id' : 'en').invalidBody}
          </p>
        </div>
      </main>
    );
  }

  const problem = state.unknown
    ? { title: t.unknownTitle, body: t.unknownBody }
    : status === 'cancelled'
      ? { title: t.cancelledTitle, body: t.cancelledBody }
      : status === 'superseded'
        ? { title: t.supersededTitle, body: t.supersededBody }
        : null;

  return (
    <main class="page ticket-page" ref={page}>
      {header}
      {/* Room reserved for the heading: the details arrive after the QR is drawn, and must not
          push it down (layout shift) on a first, slow visit. */}
      <div class="ticket-heading">
        <p class="ticket-event">{info?.eventName ?? t.ticketFor}</p>
        {info ? (
          <>
            <h1 class="ticket-name" data-testid="ticket-name">
              {info.name}
            </h1>
            {info.business && <p class="ticket-business">{info.business}</p>}
          </>
        ) : (
          <h1 class="ticket-name">{t.ticketFor}</h1>
        )}
      </div>

      {problem && (
        <div class="ticket-problem" role="alert" data-testid="ticket-status">
          <h2>{problem.title}</h2>
          <p>{problem.body}</p>
          {state.newer && (
            <a class="button" href={`/t#${state.newer.token}`}>
              {t.openNewer}
            </a>
          )}
        </div>
      )}

      {showQr && (
        <TicketQr token={state.token} alt={t.qrAlt(info?.name ?? '')} tokenLabel={t.tokenLabel} />
      )}

      <p class="ticket-note" aria-live="polite">
        {note}
      </p>

      {info && <TicketDetails info={info} lang={lang} />}
      {/* Once the details are known (saved or fresh) or cannot be: shown earlier, the steps would
          be pushed down when the details arrive on a first visit (layout shift). */}
      {showQr && (info || !state.loading) && <DoorSteps info={info} lang={lang} />}
    </main>
  );
}
