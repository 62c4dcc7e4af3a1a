import { useEffect, useRef, useState } from 'preact/hooks';
import type { BadgeSheet } from '../../../shared/api/schemas';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { LinkOriginWarning } from '../../components/admin/LinkOriginWarning';
import { ErrorNotice, distinctFailures } from '../../components/admin/ErrorNotice';
import { useLang } from '../../i18n/i18n';
import { navigate, useLocation } from '../../router';
import { fitBadgeText } from './badge-fit';
import type { BadgeScope } from './badge-scope';
import { badgeScopeQuery, badgesPagePath, readBadgeScope } from './badge-scope';
import { imagesReady, intoPages, qrImageUrls } from './badges';
import { badgesText } from './badges-text';
import { BadgeCard } from './BadgeCard';
import { useApiData, useEventDetail } from './admin-api';
import { useCan } from './me';

const SELECTED = '__selected__';
const ALL = '__all__';

/** The scope chosen in the select: a wave id, all waves, or the selection the page came with. */
function scopeOfChoice(value: string, current: BadgeScope): BadgeScope {
  if (value === ALL) return { kind: 'all' };
  if (value === SELECTED) return current;
  return { kind: 'wave', waveId: value };
}

/**
 * /admin/events/:eventId/badges?wave=|all=1|ids=: printable A4 sheets of QR badges for one wave,
 * every wave, or the participants chosen on the participants page.
 */
export default function BadgesPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = badgesText[lang];
  const admin = useCan('admin');
  const eventId = params.eventId ?? '';
  const base = `/admin/events/${encodeURIComponent(eventId)}`;
  const { search } = useLocation();
  const scope = readBadgeScope(search);
  const query = badgeScopeQuery(scope);
  const event = useEventDetail(eventId);
  const waves = event.data?.waves ?? [];
  const sheet = useApiData<BadgeSheet>(
    query ? `/api/events/${encodeURIComponent(eventId)}/badges${query}` : null,
  );
  const [qrs, setQrs] = useState<Map<string, string> | null>(null);
  const [made, setMade] = useState(0);
  const [ready, setReady] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  // The selection stays in the list while the organizer looks at a wave instead.
  const [remembered, remember] = useState(scope.kind === 'ids' ? scope : null);
  const selection = scope.kind === 'ids' ? scope : remembered;
  const selectionKey = scope.kind === 'ids' ? scope.ids.join(',') : '';
  useEffect(() => {
    if (selectionKey) remember({ kind: 'ids', ids: selectionKey.split(',') });
  }, [selectionKey]);

  // Nothing chosen yet: take the first wave so the page shows something useful at once.
  useEffect(() => {
    if (scope.kind === 'none' && waves[0])
      navigate(badgesPagePath(eventId, { kind: 'wave', waveId: waves[0].id }), { replace: true });
  }, [scope.kind, waves, eventId]);

  const data = sheet.loading ? null : sheet.data;
  useEffect(() => {
    setQrs(null);
    setReady(false);
    setMade(0);
    if (!data) return;
    let cancelled = false;
    void qrImageUrls(
      data.badges.map((b) => b.token),
      { onProgress: (n) => !cancelled && setMade(n), isCancelled: () => cancelled },
    ).then((urls) => !cancelled && urls && setQrs(urls));
    return () => {
      cancelled = true;
    };
  }, [data]);

  // Names are fitted once the QR codes, the logo and the fonts are in: only then can it print.
  useEffect(() => {
    const root = container.current;
    if (!qrs || !root) return;
    let live = true;
    void imagesReady(root)
      .then(() => (live ? fitBadgeText(root) : undefined))
      .then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [qrs]);

  const pages = data ? intoPages(data.badges) : [];
  const total = data?.badges.length ?? 0;
  const waveOf = new Map((data?.waves ?? []).map((w) => [w.id, w]));
  const choice =
    scope.kind === 'ids'
      ? SELECTED
      : scope.kind === 'all'
        ? ALL
        : scope.kind === 'wave'
          ? scope.waveId
          : '';
  const none = scope.kind === 'ids' ? t.noneIds : scope.kind === 'all' ? t.noneAll : t.noneWave;
  return (
    <AdminLayout section="badges" eventId={eventId} eventName={event.data?.name}>
      <div class="no-print">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <ErrorNotice error={event.error} onRetry={event.reload} />
        <LinkOriginWarning />
        {event.data && waves.length === 0 ? (
          <p class="notice">
            {t.noWaves} <a href={base}>{event.data.name}</a>
          </p>
        ) : null}
        <div class="toolbar">
          <div class="field">
            <label for="badge-scope">{t.scope}</label>
            <select
              id="badge-scope"
              value={choice}
              data-testid="badge-scope"
              onChange={(e) =>
                navigate(
                  badgesPagePath(eventId, scopeOfChoice(e.currentTarget.value, selection ?? scope)),
                  { replace: true },
                )
              }
            >
              {choice ? null : <option value="">{t.choose}</option>}
              {selection ? (
                <option value={SELECTED}>{t.selected(selection.ids.length)}</option>
              ) : null}
              <option value={ALL}>{t.allWaves}</option>
              {waves.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} — {w.venue}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            class="big"
            disabled={!ready || total === 0}
            onClick={() => window.print()}
            data-testid="badge-print"
          >
            {t.print}
          </button>
        </div>
        {selection ? null : (
          <p class="muted">
            {t.selectHint} <a href={`${base}/participants`}>{t.selectHintLink}</a>.
          </p>
        )}
        {admin && event.data && !event.data.logoUrl ? (
          <p class="muted">
            {t.noLogo} <a href={base}>{event.data.name}</a>.
          </p>
        ) : null}
        {distinctFailures(event.error, sheet.error)
          .filter((e) => e === sheet.error)
          .map((e) => (
            <ErrorNotice key={e.code} error={e} onRetry={sheet.reload} />
          ))}
        {query && !data && !sheet.error ? <p aria-busy="true">{t.loading}</p> : null}
        {data && !qrs && total > 0 ? (
          <div class="progress-row">
            <label for="qr-progress">{t.progressLabel}</label>
            <progress id="qr-progress" max={total} value={made} />
            <span>{t.making(made, total)}</span>
          </div>
        ) : null}
        {data && qrs && !ready && total > 0 ? <p aria-busy="true">{t.fitting}</p> : null}
        {data && data.leftOut.length > 0 ? (
          <p class="notice" role="status" data-testid="badge-left-out">
            {t.leftOut(data.leftOut.length)}
          </p>
        ) : null}
        {data && total === 0 ? <p>{none}</p> : null}
        {data && total > 0 ? <p class="muted">{t.count(total, pages.length)}</p> : null}
      </div>
      <div
        ref={container}
        class="badge-sheet"
        data-testid="badge-sheet"
        data-ready={ready || (data !== null && total === 0) ? 'true' : 'false'}
      >
        {data && qrs
          ? pages.map((page, i) => (
              <div class="badge-page" key={i}>
                {page.map((b) => (
                  <BadgeCard
                    key={b.participantId}
                    badge={b}
                    wave={waveOf.get(b.waveId)}
                    eventName={data.eventName}
                    logoUrl={data.logoUrl}
                    qrUrl={qrs.get(b.token)}
                    lang={lang}
                    qrAlt={t.qrAlt(b.name)}
                    logoAlt={t.logoAlt}
                  />
                ))}
              </div>
            ))
          : null}
      </div>
    </AdminLayout>
  );
}
