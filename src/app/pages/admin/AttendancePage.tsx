// /admin/events/:eventId/attendance: who is in, per session, arriving live from every door
// (server-sent events) in words; everything to review (ReviewList); the export for certificates; and the import
// of a tablet's "scans not sent yet" file, the last resort when a tablet never synced.
import './attendance.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LiveScan } from '../../../shared/api/attendance';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { LinkOriginWarning } from '../../components/admin/LinkOriginWarning';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { ExportLinks } from '../../components/admin/ExportLinks';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, useEventDetail } from './admin-api';
import { attendanceText, wibTime } from './attendance-text';
import { LiveFeed } from './LiveFeed';
import { ReviewList } from './ReviewList';
import { RosterSummary } from './RosterSummary';
import { useAttendanceReport } from './use-attendance-report';
import { useRosterSummary } from './use-roster-summary';

/** How many of the latest scans the live feed shows. */
const FEED_LENGTH = 15;
/**
 * After a burst of live scans (this long after the last) the attendance table fetches only the
 * changes since its cursor and the review list is read again; the roster summary above them
 * applies each scan at once (use-roster-summary.ts).
 */
const RELOAD_AFTER_MS = 400;

/** Live arrivals: the newest scans of the event, from GET /api/events/:id/live. */
function useLiveScans(
  eventId: string,
  onScan: (scan: LiveScan, seq: number) => void,
  onReady: (after: number) => void,
): { scans: LiveScan[]; live: boolean } {
  const [scans, setScans] = useState<LiveScan[]>([]);
  const [live, setLive] = useState(false);
  const callback = useRef(onScan);
  callback.current = onScan;
  const ready = useRef(onReady);
  ready.current = onReady;
  useEffect(() => {
    if (typeof EventSource !== 'function') return;
    // The latest scans first, so the feed is not empty when the page opens mid-event.
    const source = new EventSource(
      `/api/events/${encodeURIComponent(eventId)}/live?recent=${FEED_LENGTH}`,
    );
    source.addEventListener('ready', (e) => {
      setLive(true);
      ready.current((JSON.parse((e as MessageEvent<string>).data) as { after: number }).after);
    });
    source.addEventListener('scan', (e) => {
      const scan = JSON.parse((e as MessageEvent<string>).data) as LiveScan;
      setScans((list) => [scan, ...list.filter((s) => s.id !== scan.id)].slice(0, FEED_LENGTH));
      callback.current(scan, Number((e as MessageEvent<string>).lastEventId));
    });
    // EventSource reconnects by itself (sending Last-Event-ID); only show that it is away.
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [eventId]);
  return { scans, live };
}

/** The attendance page. */
export default function AttendancePage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = attendanceText[lang];
  const eventId = params.eventId ?? '';
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const event = useEventDetail(eventId);
  const report = useAttendanceReport(eventId);
  const [arrivals, setArrivals] = useState(0);
  const roster = useRosterSummary(eventId);
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { scans, live } = useLiveScans(
    eventId,
    (scan, seq) => {
      roster.onScan(scan, seq);
      if (reloadTimer.current) clearTimeout(reloadTimer.current);
      reloadTimer.current = setTimeout(() => {
        report.refresh();
        setArrivals((n) => n + 1);
      }, RELOAD_AFTER_MS);
    },
    roster.onReady,
  );
  const [sessionId, setSessionId] = useState<string | null>(null);
  const sessions = report.data?.sessions ?? [];
  const shown = sessions.find((s) => s.sessionId === sessionId) ?? sessions[0];
  const names = new Map(
    (event.data?.waves ?? []).flatMap((w) =>
      w.sessions.map((s) => [s.id, `${w.name} · ${s.name}`]),
    ),
  );

  return (
    <AdminLayout section="attendance" eventId={eventId} eventName={event.data?.name}>
      <h1>{t.title}</h1>
      <ErrorNotice error={report.error} />
      <LinkOriginWarning />
      <p class="live-state" data-testid="live-state" data-live={String(live)}>
        {live ? t.live : t.notLive}
      </p>
      <div class="attendance-tools">
        <ExportLinks
          path={`${base}/attendance`}
          title={t.attendanceExport}
          testId="export-attendance"
        />
        <ImportUnsynced
          eventId={eventId}
          onImported={() => {
            report.reload();
            roster.reload();
            setArrivals((n) => n + 1);
          }}
        />
      </div>

      <ErrorNotice error={roster.error} />
      <RosterSummary summary={roster.summary} />

      {/* What needs a look and what just happened come before the long per-session lists. */}
      <ReviewList eventId={eventId} refresh={arrivals} waves={event.data?.waves ?? []} />
      <LiveFeed scans={scans} waves={event.data?.waves ?? []} />

      <h2>{t.bySession}</h2>
      {sessions.length === 0 && report.data && <p>{t.nobody}</p>}
      {sessions.length > 1 && (
        <div class="session-tabs" role="group" aria-label={t.bySession}>
          {sessions.map((s) => (
            <button
              type="button"
              key={s.sessionId}
              class={s.sessionId === shown?.sessionId ? '' : 'secondary'}
              aria-pressed={s.sessionId === shown?.sessionId}
              onClick={() => setSessionId(s.sessionId)}
            >
              {names.get(s.sessionId) ?? s.name ?? t.deletedSession} ({s.count})
            </button>
          ))}
        </div>
      )}
      {shown && (
        <table data-testid="attendance-table" data-session={shown.sessionId}>
          <caption>
            {names.get(shown.sessionId) ?? shown.name ?? t.deletedSession}: {shown.count} {t.people}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.time}</th>
              <th scope="col">{t.door}</th>
              <th scope="col">{t.volunteer}</th>
              <th scope="col">{t.note}</th>
            </tr>
          </thead>
          <tbody>
            {shown.attendees.map((a) => (
              <tr key={a.personId} data-person={a.personId}>
                <td>
                  {a.name}
                  {a.business && <div class="muted">{a.business}</div>}
                </td>
                <td>{wibTime(a.at, lang)}</td>
                <td>
                  {a.door}
                  <div class="muted">{a.deviceName ?? a.deviceId}</div>
                </td>
                <td>{a.volunteer}</td>
                <td>
                  {a.walkIn && <span class="tag">{t.walkIn}</span>}
                  {a.flagged && <span class="tag warn">{t.flagged}</span>}
                  {a.admissions > 1 && (
                    <span class="tag">
                      {a.admissions}× {t.admissions}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

/** Imports a tablet's exported file of scans that never reached the server. */
function ImportUnsynced(props: { eventId: string; onImported: () => void }) {
  const lang = useLang();
  const t = attendanceText[lang];
  const [error, setError] = useState<ApiFailure | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div class="import-unsynced">
      <label for="unsynced-file">{t.importLabel}</label>
      <input
        id="unsynced-file"
        type="file"
        accept="application/json,.json"
        disabled={busy}
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          setBusy(true);
          setError(null);
          setResult(null);
          try {
            const answer = await adminApi<{ stored: number; duplicate: number; rejected: number }>(
              `/api/events/${encodeURIComponent(props.eventId)}/scans/import`,
              { raw: await file.text(), contentType: 'application/json' },
            );
            setResult(t.imported(answer.stored, answer.duplicate, answer.rejected));
            props.onImported();
          } catch (err) {
            setError(asFailure(err));
          } finally {
            setBusy(false);
          }
        }}
      />
      {result && (
        <p role="status" data-testid="import-result">
          {result}
        </p>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
