// /admin/audit (admin): the activity log, newest first, in WIB time and in words.
import { useState } from 'preact/hooks';
import type { AuditEntry, AuditList } from '../../../shared/api/team';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, useApiData } from './admin-api';
import { auditSentence } from './team-text';
import { formatWib } from './wib-time';

const PAGE = 100;

const text = {
  id: {
    title: 'Log aktivitas',
    intro:
      'Siapa melakukan apa dan kapan: impor peserta, pembatalan, terbit ulang tiket, tablet pintu, dan perubahan tim.',
    loading: 'Memuat log…',
    none: 'Belum ada aktivitas yang dicatat.',
    when: 'Waktu (WIB)',
    who: 'Siapa',
    what: 'Apa',
    event: 'Acara',
    nobody: 'sistem',
    more: 'Tampilkan yang lebih lama',
    loadingMore: 'Memuat…',
  },
  en: {
    title: 'Activity log',
    intro:
      'Who did what and when: roster imports, cancellations, reissued tickets, door tablets and team changes.',
    loading: 'Loading the log…',
    none: 'Nothing has been logged yet.',
    when: 'Time (WIB)',
    who: 'Who',
    what: 'What',
    event: 'Event',
    nobody: 'system',
    more: 'Show older entries',
    loadingMore: 'Loading…',
  },
};

/** The audit log, a page at a time. */
export default function AuditPage(_: { params: Record<string, string> }) {
  const lang = useLang();
  const t = text[lang];
  const first = useApiData<AuditList>(`/api/audit?limit=${PAGE}`);
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);

  const entries = [...(first.data?.entries ?? []), ...older];
  const more = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setBusy(true);
    setError(null);
    try {
      const page = await adminApi<AuditList>(`/api/audit?limit=${PAGE}&before=${last.id}`);
      setOlder((o) => [...o, ...page.entries]);
      setDone(page.entries.length < PAGE);
    } catch (err) {
      setError(asFailure(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AdminLayout section="audit">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorNotice error={first.error} onRetry={first.reload} />
      {first.loading && !first.data ? <p aria-busy="true">{t.loading}</p> : null}
      {first.data && entries.length === 0 ? <p>{t.none}</p> : null}
      {entries.length > 0 ? (
        <table data-testid="audit-log">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.who}</th>
              <th scope="col">{t.what}</th>
              <th scope="col">{t.event}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-entry" data-action={e.action}>
                <td>{formatWib(e.at, lang)}</td>
                <td>{e.actor ?? t.nobody}</td>
                <td>{auditSentence(e, lang)}</td>
                <td>{e.eventName ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ErrorNotice error={error} />
      {first.data && first.data.entries.length === PAGE && !done ? (
        <button type="button" class="secondary" disabled={busy} onClick={() => void more()}>
          {busy ? t.loadingMore : t.more}
        </button>
      ) : null}
    </AdminLayout>
  );
}
