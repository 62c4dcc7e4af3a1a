import { useEffect, useRef, useState } from 'preact/hooks';
import type { SendKind, SendMark, SendingQueue, SendingRow } from '../../../shared/api/sending';
import { phoneText } from '../../../shared/roster/phone';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { LinkOriginWarning } from '../../components/admin/LinkOriginWarning';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { navigate, useLocation } from '../../router';
import { adminApi, asFailure, useApiData, useEventDetail } from './admin-api';
import { sendBlockedReason } from './link-origin-text';
import { MessageSettings } from './MessageSettings';
import { SendKindSwitch, SendingRows } from './SendingRows';
import type { SendFilter } from './sending-queue';
import {
  countsOf,
  markBody,
  messageFor,
  nextToSend,
  sendingPath,
  whatsAppFor,
  withMark,
} from './sending-queue';
import { sendingText } from './sending-text';
import './sending.css';

/** One window for every message, so hundreds of sends do not leave hundreds of tabs. */
const WHATSAPP_WINDOW = 'hadir-whatsapp';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(t.tagName));

/**
 * /admin/events/:eventId/sending?wave=&kind=: the WhatsApp sending queue of one wave, of
 * tickets or (kind=sertifikat) certificate links.
 */
export default function SendingPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const search = useLocation().search;
  const kind: SendKind = search.get('kind') === 'sertifikat' ? 'sertifikat' : 'tiket';
  const t = sendingText(lang, kind);
  const eventId = params.eventId ?? '';
  const base = `/admin/events/${encodeURIComponent(eventId)}`;
  const waveId = search.get('wave') ?? '';
  const event = useEventDetail(eventId);
  const waves = event.data?.waves ?? [];
  const loaded = useApiData<SendingQueue>(
    waveId
      ? `/api/events/${encodeURIComponent(eventId)}/sending?wave=${encodeURIComponent(waveId)}&kind=${kind}`
      : null,
  );
  const [filter, setFilter] = useState<SendFilter>('all');
  // Kept in refs, changed at once: a second key press may come before the next render.
  const skipped = useRef(new Set<string>());
  const pending = useRef(new Set<string>());
  const [, setTick] = useState(0);
  const rerender = () => setTick((n) => n + 1);
  const [lastMarked, setLastMarked] = useState<SendingRow | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [blockedPopup, setBlockedPopup] = useState(false);

  useEffect(() => {
    if (!waveId && waves[0]) navigate(sendingPath(base, waves[0].id, kind), { replace: true });
  }, [waveId, waves, base, kind]);

  const queue =
    loaded.data && loaded.data.wave.id === waveId && loaded.data.kind === kind ? loaded.data : null;
  const rows = queue?.rows ?? [];
  const held = () => new Set([...skipped.current, ...pending.current]);
  const next = nextToSend(rows, held());
  const blocked = queue ? sendBlockedReason(queue.linkOrigin, lang) : null;

  // The newest queue, also between a mark's answer and the render it causes.
  const current = useRef<SendingQueue | null>(null);
  current.current = queue;

  const send = () => {
    const q = current.current;
    const target = q && nextToSend(q.rows, held());
    if (!q || !target || sendBlockedReason(q.linkOrigin, lang)) return;
    // Opened inside the key press or click: a window opened after an await is a blocked pop-up.
    const win = window.open(whatsAppFor(q, target), WHATSAPP_WINDOW);
    setBlockedPopup(win === null);
    if (win === null) return;
    // The WhatsApp page must not be able to steer this console (reverse tabnabbing).
    try {
      win.opener = null;
    } catch {
      // Some browsers refuse the assignment; the window is cross-origin either way.
    }
    pending.current.add(target.participantId);
    rerender();
    setError(null);
    adminApi<SendMark>(`/api/events/${encodeURIComponent(eventId)}/sending/marks`, {
      method: 'POST',
      body: markBody(q.kind, target),
    })
      .then(
        (mark) => {
          current.current = withMark(current.current ?? q, target.participantId, mark);
          loaded.setData(current.current);
          setLastMarked(target);
        },
        (err: unknown) => setError(asFailure(err)),
      )
      .finally(() => {
        pending.current.delete(target.participantId);
        rerender();
      });
  };
  const skip = () => {
    const target = current.current && nextToSend(current.current.rows, held());
    if (!target) return;
    skipped.current.add(target.participantId);
    rerender();
  };
  const unskip = () => {
    skipped.current = new Set();
    rerender();
  };
  const undo = async (row: SendingRow, version: number) => {
    setError(null);
    try {
      await adminApi<void>(
        `/api/events/${encodeURIComponent(eventId)}/sending/marks/${encodeURIComponent(row.participantId)}/${version}?kind=${kind}`,
        { method: 'DELETE' },
      );
      if (lastMarked?.participantId === row.participantId) setLastMarked(null);
      loaded.reload();
    } catch (err) {
      setError(asFailure(err));
    }
  };

  // Keys act on the latest state, whatever render the listener was made in.
  const actions = useRef({ send, skip, undoLast: () => {} });
  actions.current = {
    send,
    skip,
    undoLast: () => void (lastMarked && undo(lastMarked, lastMarked.version)),
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || typing(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'enter' || key === 'n') actions.current.send();
      else if (key === 's') actions.current.skip();
      else if (key === 'u') actions.current.undoLast();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const counts = countsOf(rows);
  // Another wave or kind: a new sitting (nothing skipped, nothing to undo).
  const go = (wave: string, k: SendKind) => {
    skipped.current = new Set();
    setLastMarked(null);
    setError(null);
    navigate(sendingPath(base, wave, k), { replace: true });
  };
  return (
    <AdminLayout section="sending" eventId={eventId} eventName={event.data?.name}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorNotice error={event.error} onRetry={event.reload} />
      <LinkOriginWarning origin={queue?.linkOrigin ?? null} kind={kind} />
      {event.data && waves.length === 0 ? (
        <p class="notice">
          {t.noWaves} <a href={base}>{event.data.name}</a>
        </p>
      ) : null}
      <div class="toolbar">
        <div class="field">
          <label for="sending-wave">{t.wave}</label>
          <select
            id="sending-wave"
            value={waveId}
            onChange={(e) => go(e.currentTarget.value, kind)}
          >
            {waveId ? null : <option value="">{t.choose}</option>}
            {waves.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} — {w.venue}
              </option>
            ))}
          </select>
        </div>
        <SendKindSwitch kind={kind} disabled={!waveId} onKind={(k) => go(waveId, k)} />
      </div>
      <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
      {waveId && !queue && !loaded.error ? <p aria-busy="true">{t.loading}</p> : null}
      {queue ? (
        <>
          <div class="sending-progress">
            <p class="sending-count" data-testid="sending-count">
              {t.progress(counts.sent, counts.total)}
            </p>
            <progress max={counts.total || 1} value={counts.sent} aria-label={t.progressLabel} />
            <p class="muted">
              {t.unsentCount(counts.unsent)}
              {counts.stale > 0 ? ` · ${t.staleCount(counts.stale)}` : ''}
              {skipped.current.size > 0 ? ` · ${t.skipped(skipped.current.size)}` : ''}
            </p>
          </div>
          {queue.settings.contact ? null : <p class="notice">{t.noContact}</p>}
          {queue.counts.noCertificate > 0 ? (
            <p class="notice" data-testid="sending-no-certificate">
              {t.noCertificate(queue.counts.noCertificate)}{' '}
              <a href={`${base}/certificates`}>{t.certificatesPage}</a>
            </p>
          ) : null}
          <section class="card sending-next" aria-labelledby="sending-next-title">
            <h2 id="sending-next-title">{t.next}</h2>
            {next ? (
              <div data-testid="sending-next" data-participant-id={next.participantId}>
                <p class="sending-next-who">
                  <strong data-testid="sending-next-name">{next.name}</strong>{' '}
                  <span class="muted">{phoneText(next.phone)}</span>
                </p>
                <pre class="message-preview" data-testid="sending-next-message">
                  {messageFor(queue, next)}
                </pre>
              </div>
            ) : (
              <p data-testid="sending-done">
                {rows.length === 0
                  ? t.empty
                  : skipped.current.size > 0
                    ? t.allSkipped(skipped.current.size)
                    : t.allSent}
              </p>
            )}
            <div class="form-actions">
              <button
                type="button"
                class="big whatsapp"
                onClick={send}
                disabled={!next || blocked !== null}
                aria-describedby={blocked ? 'sending-blocked' : undefined}
                data-testid="sending-send"
              >
                {t.send}
              </button>
              <button type="button" class="secondary" onClick={skip} disabled={!next}>
                {t.skip}
              </button>
              {skipped.current.size > 0 ? (
                <button type="button" class="secondary" onClick={unskip}>
                  {t.showSkipped}
                </button>
              ) : null}
              {lastMarked ? (
                <button type="button" class="secondary" onClick={() => actions.current.undoLast()}>
                  {t.undoLast}
                </button>
              ) : null}
            </div>
            {blocked ? (
              <p id="sending-blocked" class="field-error" data-testid="sending-blocked">
                {blocked}
              </p>
            ) : null}
            {blockedPopup ? <p class="field-error">{t.popupBlocked}</p> : null}
            <ErrorNotice error={error} />
            <p class="muted">{t.keys}</p>
          </section>
          <details class="card">
            <summary>
              <h2 class="inline">{t.settings}</h2>
            </summary>
            <MessageSettings
              key={kind}
              eventId={eventId}
              queue={queue}
              previewFor={next}
              onSaved={(settings) => loaded.setData({ ...queue, settings })}
            />
          </details>
          <SendingRows queue={queue} filter={filter} onFilter={setFilter} onUndo={undo} />
        </>
      ) : null}
    </AdminLayout>
  );
}
