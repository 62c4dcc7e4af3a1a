import { useEffect, useRef, useState } from 'preact/hooks';
import type { BadgeSheet } from '../../../shared/api/schemas';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { LinkOriginWarning } from '../../components/admin/LinkOriginWarning';
import { ErrorNotice, distinctFailures } from '../../components/admin/ErrorNotice';
import { useLang } from '../../i18n/i18n';
import { navigate, useLocation } from '../../router';
import { imagesReady, intoPages, qrImageUrls } from './badges';
import { useApiData, useEventDetail } from './admin-api';
import { formatWibDate } from './wib-time';

const text = {
  id: {
    title: 'Cetak badge',
    intro:
      'Satu halaman A4 berisi 8 badge (±90 × 60 mm). Cetak dengan skala 100% ("Ukuran sebenarnya"), lalu gunting di garis putus-putus.',
    wave: 'Gelombang',
    choose: 'Pilih gelombang',
    print: 'Cetak / Print',
    loading: 'Memuat daftar badge…',
    making: (d: number, n: number) => `Membuat kode QR ${d} dari ${n}…`,
    progressLabel: 'Kemajuan pembuatan kode QR',
    none: 'Belum ada peserta aktif di gelombang ini.',
    count: (n: number, p: number) => `${n} badge di ${p} halaman.`,
    qrAlt: (n: string) => `Kode QR tiket ${n}`,
    noWaves: 'Buat gelombang dulu di halaman Acara.',
  },
  en: {
    title: 'Print badges',
    intro:
      'One A4 page holds 8 badges (about 90 × 60 mm). Print at 100% scale ("Actual size"), then cut along the dashed lines.',
    wave: 'Wave',
    choose: 'Choose a wave',
    print: 'Cetak / Print',
    loading: 'Loading the badges…',
    making: (d: number, n: number) => `Making QR code ${d} of ${n}…`,
    progressLabel: 'QR code progress',
    none: 'No active participants in this wave yet.',
    count: (n: number, p: number) => `${n} badges on ${p} pages.`,
    qrAlt: (n: string) => `Ticket QR code for ${n}`,
    noWaves: 'Create a wave on the Event page first.',
  },
};

/** /admin/events/:eventId/badges?wave=: printable A4 sheets of QR badges for one wave. */
export default function BadgesPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = text[lang];
  const eventId = params.eventId ?? '';
  const base = `/admin/events/${encodeURIComponent(eventId)}`;
  const { search } = useLocation();
  const waveId = search.get('wave') ?? '';
  const event = useEventDetail(eventId);
  const waves = event.data?.waves ?? [];
  const sheet = useApiData<BadgeSheet>(
    waveId
      ? `/api/events/${encodeURIComponent(eventId)}/badges?wave=${encodeURIComponent(waveId)}`
      : null,
  );
  const [qrs, setQrs] = useState<Map<string, string> | null>(null);
  const [made, setMade] = useState(0);
  const [ready, setReady] = useState(false);
  const container = useRef<HTMLDivElement>(null);

  // No wave chosen yet: take the first one so the page shows something useful at once.
  useEffect(() => {
    if (!waveId && waves[0])
      navigate(`${base}/badges?wave=${encodeURIComponent(waves[0].id)}`, { replace: true });
  }, [waveId, waves, base]);

  const data = sheet.data && sheet.data.wave.id === waveId ? sheet.data : null;
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

  useEffect(() => {
    if (!qrs || !container.current) return;
    let live = true;
    void imagesReady(container.current).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [qrs]);

  const pages = data ? intoPages(data.badges) : [];
  const total = data?.badges.length ?? 0;
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
            <label for="badge-wave">{t.wave}</label>
            <select
              id="badge-wave"
              value={waveId}
              onChange={(e) =>
                navigate(`${base}/badges?wave=${encodeURIComponent(e.currentTarget.value)}`, {
                  replace: true,
                })
              }
            >
              {waveId ? null : <option value="">{t.choose}</option>}
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
        {distinctFailures(event.error, sheet.error)
          .filter((e) => e === sheet.error)
          .map((e) => (
            <ErrorNotice key={e.code} error={e} onRetry={sheet.reload} />
          ))}
        {waveId && !data && !sheet.error ? <p aria-busy="true">{t.loading}</p> : null}
        {data && !qrs && total > 0 ? (
          <div class="progress-row">
            <label for="qr-progress">{t.progressLabel}</label>
            <progress id="qr-progress" max={total} value={made} />
            <span>{t.making(made, total)}</span>
          </div>
        ) : null}
        {data && total === 0 ? <p>{t.none}</p> : null}
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
                  <article
                    class="badge"
                    key={b.participantId}
                    data-participant-id={b.participantId}
                  >
                    <img
                      class="badge-qr"
                      src={qrs.get(b.token)}
                      alt={t.qrAlt(b.name)}
                      decoding="async"
                    />
                    <div class="badge-text">
                      <p class="badge-event">{data.eventName}</p>
                      <p class="badge-name">{b.name}</p>
                      {b.business ? <p class="badge-business">{b.business}</p> : null}
                      <p class="badge-wave">
                        {data.wave.name} · {data.wave.venue}
                        <br />
                        {formatWibDate(data.wave.startsAt, lang)}
                      </p>
                      <p class="badge-id">{b.participantId}</p>
                    </div>
                  </article>
                ))}
              </div>
            ))
          : null}
      </div>
    </AdminLayout>
  );
}
