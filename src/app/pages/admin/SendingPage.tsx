import { useEffect, useRef, useState } from 'preact/hooks';
import type { SendMark, SendingQueue, SendingRow } from '../../../shared/api/sending';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { LinkOriginWarning } from '../../components/admin/LinkOriginWarning';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { navigate, useLocation } from '../../router';
import { adminApi, asFailure, useApiData, useEventDetail } from './admin-api';
import { sendBlockedReason } from './link-origin-text';
import { MessageSettings } from './MessageSettings';
import { SendingRows } from './SendingRows';
import type { SendFilter } from './sending-queue';
import { countsOf, messageFor, nextToSend, whatsAppFor, withMark } from './sending-queue';
import { sendingText } from './sending-text';
import './sending.css';

/** One window for every message, so hundreds of sends do not leave hundreds of tabs. */
const WHATSAPP_WINDOW = 'hadir-whatsapp';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(t.tagName));

/** /admin/events/:eventId/sending?wave=: the WhatsApp sending queue of one wave. */
export default function SendingPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = sendingText(lang);
  const eventId = params.eventId ?? '';
  const base = `/admin/events/${encodeURIComponent(eventId)}`;
  const waveId = useLocation().search.get('wave') ?? '';
  const event = useEventDetail(eventId);
  const waves = event.data?.waves ?? [];
  const loaded = useApiData<SendingQueue>(
    waveId
      ? `/api/events/${encodeURIComponent(eventId)}/sending?wave=${encodeURIComponent(waveId)}`
      : null,
  );
  const [filter, setFilter] = useState<SendFilter>('all');
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [lastMarked, setLastMarked] = useState<SendingRow | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [blockedPopup, setBlockedPopup] = useState(false);

  useEffect(() => {
    if (!waveId && waves[0])
      navigate(`${base}/sending?wave=${encodeURIComponent(waves[0].id)}`, { replace: true });
  }, [waveId, waves, base]);

  const queue = loaded.data && loaded.data.wave.id === waveId ? loaded.data : null;
  const rows = queue?.rows ?? [];
  const next = nextToSend(rows, new Set([...skipped, ...pending]));
  const blocked = queue ? sendBlockedReason(queue.linkOrigin, lang) : null;

  // A mark answering after the next one must not bring back an older copy of the queue.
  const current = useRef<SendingQueue | null>(null);
  current.current = queue;

  const send = () => {
    if (!queue || !next || blocked) return;
    // Opened inside the key press or click: a window opened after an await is a blocked pop-up.
    const win = window.open(whatsAppFor(queue, next), WHATSAPP_WINDOW);
    setBlockedPopup(win === null);
    if (win === null) return;
    setPending((s) => new Set([...s, next.participantId]));
    setError(null);
    adminApi<SendMark>(`/api/events/${encodeURIComponent(eventId)}/sending/marks`, {
      method: 'POST',
      body: { participantId: next.participantId, version: next.version },
    })
      .then(
        (mark) => {
          loaded.setData(withMark(current.current ?? queue, next.participantId, mark));
          setLastMarked(next);
        },
        (err: unknown) => setError(asFailure(err)),
      )
      .finally(() => setPending((s) => new Set([...s].filter((id) => id !== next.participantId))));
  };
  const skip = () => next && setSkipped((s) => new Set([...s, next.participantId]));
  const undo = async (row: SendingRow, version: number) => {
    setError(null);
    try {
      await adminApi<void>(
        `/api/events/${encodeURIComponent(eventId)}/sending/marks/${encodeURIComponent(row.participantId)}/${version}`,
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
  return (
    <AdminLayout section="sending" eventId={eventId} eventName={event.data?.name}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorNotice error={event.error} onRetry={event.reload} />
      <LinkOriginWarning origin={queue?.linkOrigin ?? null} />
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
            onChange={(e) => {
              setSkipped(new Set());
              setLastMarked(null);
              navigate(`${base}/sending?wave=${encodeURIComponent(e.currentTarget.value)}`, {
                replace: true,
              });
            }}
          >
            {waveId ? null : <option value="">{t.choose}</option>}
            {waves.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} — {w.venue}
              </option>
            ))}
          </select>
        </div>
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
              {skipped.size > 0 ? ` · ${t.skipped(skipped.size)}` : ''}
            </p>
          </div>
          {queue.settings.contact ? null : <p class="notice">{t.noContact}</p>}
          <section class="card sending-next" aria-labelledby="sending-next-title">
            <h2 id="sending-next-title">{t.next}</h2>
            {next ? (
              <div data-testid="sending-next" data-participant-id={next.participantId}>
                <p class="sending-next-who">
                  <strong data-testid="sending-next-name">{next.name}</strong>{' '}
                  <span class="muted">{next.phone}</span>
                </p>
                <pre class="message-preview" data-testid="sending-next-message">
                  {messageFor(queue, next)}
                </pre>
              </div>
            ) : (
              <p data-testid="sending-done">
                {skipped.size > 0 ? t.allSkipped(skipped.size) : t.allSent}
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
              {skipped.size > 0 ? (
                <button type="button" class="secondary" onClick={() => setSkipped(new Set())}>
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
          <SendingRows queue={queue} filter={filter} onFilter={setFilter} onUndo={undo} />
          <details class="card">
            <summary>
              <h2 class="inline">{t.settings}</h2>
            </summary>
            <MessageSettings
              eventId={eventId}
              queue={queue}
              previewFor={next}
              onSaved={(settings) => loaded.setData({ ...queue, settings })}
            />
          </details>
        </>
      ) : null}
    </AdminLayout>
  );
}
