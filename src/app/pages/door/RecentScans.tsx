// The last scans on this tablet (the door engine keeps them; after a reload it reads them back
// from IndexedDB): what the volunteer can look back at, and proof that nothing was lost.
import type { RecentScan, ScanEvent } from '../../db';
import { clockText } from '../../../shared/door/wib-format';
import { pickText, useLang } from '../../i18n/i18n';

type Bi = { id: string; en: string };

const VERDICT_WORDS: Record<NonNullable<ScanEvent['verdict']>, Bi> = {
  admitted: { id: 'Masuk', en: 'Admitted' },
  'already-in': { id: 'Sudah masuk', en: 'Already in' },
  'wrong-wave': { id: 'Salah gelombang', en: 'Wrong wave' },
  'wrong-session': { id: 'Bukan sesi ini', en: 'Not this session' },
  revoked: { id: 'Dicabut', en: 'Revoked' },
  'valid-not-in-roster': { id: 'Masuk, belum di daftar', en: 'In, not on list' },
  'not-a-ticket': { id: 'Bukan tiket', en: 'Not a ticket' },
  forged: { id: 'Tidak sah', en: 'Not genuine' },
};

const KIND_WORDS: Partial<Record<ScanEvent['kind'], Bi>> = {
  undo: { id: 'Dibatalkan', en: 'Undone' },
  're-entry': { id: 'Masuk ulang', en: 'Re-entry' },
  override: { id: 'Diizinkan supervisor', en: 'Supervisor override' },
  'walk-in': { id: 'Tanpa tiket', en: 'Walk-in' },
};

/** What one event says, in a few words. */
export function scanWords(event: ScanEvent): Bi {
  return (
    KIND_WORDS[event.kind] ?? (event.verdict ? VERDICT_WORDS[event.verdict] : { id: '—', en: '—' })
  );
}

/** The recent-scans list. */
export function RecentScans(props: { scans: readonly RecentScan[] }) {
  const lang = useLang();
  const { scans } = props;
  if (scans.length === 0) return null;
  return (
    <section
      class="recent-scans"
      aria-label={pickText({ id: 'Pemindaian terakhir', en: 'Recent scans' }, lang)}
    >
      <h2>{pickText({ id: 'Pemindaian terakhir', en: 'Recent scans' }, lang)}</h2>
      <ol data-testid="recent-scans">
        {scans.map(({ event, person }) => (
          <li key={event.id} data-verdict={event.verdict ?? ''} data-kind={event.kind}>
            <time>{pickText(clockText(event.deviceTime), lang)}</time>
            <span class="recent-what">{pickText(scanWords(event), lang)}</span>
            <span class="recent-who">{person ?? ''}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
