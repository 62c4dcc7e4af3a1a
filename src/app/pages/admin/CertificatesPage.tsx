// /admin/events/:eventId/certificates?wave=: the certificates issued in each wave — number, name,
// standing, who issued them and when, the participant's links — with an admin's issue to everyone
// eligible, revoke (with a written reason) and re-issue, and "Cetak semua" for the browser's print.
import { useMemo, useState } from 'preact/hooks';
import type { CertificateList, WaveIssueAnswer } from '../../../shared/api/certificates';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { pickText, useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { navigate, useLocation } from '../../router';
import { adminApi, asFailure, useApiData, useEventDetail } from './admin-api';
import { CertificatePrintAll } from './CertificatePrintAll';
import { CertificateTemplateEditor } from './CertificateTemplateEditor';
import { CertificateTable, RevokeDialog } from './CertificateTable';
import type { CertificateRow } from './certificates-list';
import { certificateCounts, certificateRows, printableRows } from './certificates-list';
import { certificatesText } from './certificates-text';
import { useCan } from './me';

export default function CertificatesPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = certificatesText[lang];
  const eventId = params.eventId ?? '';
  const base = `/admin/events/${encodeURIComponent(eventId)}`;
  const event = useEventDetail(eventId);
  const { search } = useLocation();
  const waves = event.data?.waves ?? [];
  const wave = waves.find((w) => w.id === search.get('wave')) ?? waves[0];
  const printing = search.get('cetak') === '1';
  const admin = useCan('admin');
  const go = (waveId: string, print: boolean) =>
    navigate(`${base}/certificates?wave=${encodeURIComponent(waveId)}${print ? '&cetak=1' : ''}`, {
      replace: !print,
    });

  return (
    <AdminLayout section="certificates" eventId={eventId} eventName={event.data?.name}>
      <div class={printing ? 'no-print' : ''}>
        <h1>{t.title}</h1>
        {!printing && (
          <>
            <p>{t.intro}</p>
            <p>
              <a href={`${base}/eligibility${wave ? `?wave=${encodeURIComponent(wave.id)}` : ''}`}>
                {t.eligibilityLink}
              </a>
            </p>
          </>
        )}
      </div>
      <ErrorNotice error={event.error} />
      {event.data && waves.length === 0 && <p class="notice">{t.noWaves}</p>}
      {!printing && waves.length > 1 && (
        <div class="session-tabs" role="group" aria-label={t.wave}>
          {waves.map((w) => (
            <button
              type="button"
              key={w.id}
              class={w.id === wave?.id ? '' : 'secondary'}
              aria-pressed={w.id === wave?.id}
              onClick={() => go(w.id, false)}
            >
              {w.name}
            </button>
          ))}
        </div>
      )}
      {!printing && admin && <CertificateTemplateEditor eventId={eventId} />}
      {wave && (
        <WaveCertificates
          key={wave.id}
          eventId={eventId}
          waveId={wave.id}
          waveName={wave.name}
          printing={printing}
          onPrint={(on) => go(wave.id, on)}
        />
      )}
    </AdminLayout>
  );
}

function WaveCertificates(props: {
  eventId: string;
  waveId: string;
  waveName: string;
  printing: boolean;
  onPrint: (on: boolean) => void;
}) {
  const lang = useLang();
  const t = certificatesText[lang];
  const admin = useCan('admin');
  const list = useApiData<CertificateList>(
    `/api/events/${encodeURIComponent(props.eventId)}/certificates?wave=${encodeURIComponent(props.waveId)}`,
  );
  const rows = useMemo(() => certificateRows(list.data?.certificates ?? []), [list.data]);
  const printable = useMemo(() => printableRows(rows), [rows]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [revoking, setRevoking] = useState<CertificateRow | null>(null);

  if (props.printing)
    return list.data ? (
      <CertificatePrintAll rows={printable} onBack={() => props.onPrint(false)} />
    ) : (
      <ErrorNotice error={list.error} />
    );

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      setDone(await work());
      list.reload();
    } catch (err) {
      setError(asFailure(err));
    } finally {
      setBusy(false);
    }
  };
  const issueAll = () =>
    act(async () => {
      const answer = await adminApi<WaveIssueAnswer>(
        `/api/waves/${encodeURIComponent(props.waveId)}/certificates`,
        { method: 'POST' },
      );
      return [answer.message, ...answer.reasons].map((m) => pickText(m, lang)).join(' ');
    });
  // A valid one gets a new version under the same number; a revoked one a new certificate.
  const reissue = (row: CertificateRow) =>
    act(async () => {
      await adminApi(
        row.record.status === 'valid'
          ? `/api/certificates/${encodeURIComponent(row.record.id)}/reissue`
          : `/api/participants/${encodeURIComponent(row.record.participantId)}/certificate`,
        { method: 'POST' },
      );
      return t.reissued(row.payload?.name ?? row.record.number);
    });

  const counts = certificateCounts(rows);
  return (
    <section data-testid="certificates-wave" data-wave={props.waveId}>
      <h2>{props.waveName}</h2>
      <div class="cert-actions">
        {admin && (
          <button
            type="button"
            onClick={() => void issueAll()}
            disabled={busy}
            aria-busy={busy}
            data-testid="certificates-issue"
          >
            {busy ? t.issuing : t.issue}
          </button>
        )}
        <button
          type="button"
          class="secondary"
          onClick={() => props.onPrint(true)}
          disabled={printable.length === 0}
          data-testid="certificates-print-all"
        >
          {t.printAll(printable.length)}
        </button>
      </div>
      <p role="status" data-testid="certificates-done">
        {done ?? ''}
      </p>
      <ErrorNotice error={error ?? list.error} />
      {list.data && (
        <p class="roster-count" data-testid="certificates-counts">
          {t.counts(counts.valid, counts.ended)}
        </p>
      )}
      {list.data && rows.length === 0 && <p>{t.none}</p>}
      {rows.length > 0 && (
        <CertificateTable
          rows={rows}
          admin={admin}
          busy={busy}
          onRevoke={setRevoking}
          onReissue={(row) => void reissue(row)}
        />
      )}
      {revoking && (
        <RevokeDialog
          row={revoking}
          onDone={(message) => {
            setRevoking(null);
            setDone(message);
            list.reload();
          }}
          onClose={() => setRevoking(null)}
        />
      )}
    </section>
  );
}
