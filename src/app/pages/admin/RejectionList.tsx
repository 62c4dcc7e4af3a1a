// The scans the server refused (a session outside the tablet's waves, another device's scan, an
// undo of another door's scan, a malformed event), each with its device and the reason the
// tablet was given: kept by the server so the organizer can decide what they mean.
import type { RejectionReport } from '../../../shared/api/attendance';
import { pickText, splitBilingual, useLang } from '../../i18n/i18n';
import { wibTime } from './attendance-text';

/** The refused scans, oldest first; nothing when there are none. */
export function RejectionList(props: { report: RejectionReport | null }) {
  const lang = useLang();
  const rows = props.report?.rejections ?? [];
  if (rows.length === 0) return null;
  return (
    <>
      <h3>
        {pickText(
          {
            id: `Pemindaian yang ditolak server (${rows.length})`,
            en: `Scans the server refused (${rows.length})`,
          },
          lang,
        )}
      </h3>
      <ul class="conflicts" data-testid="rejections">
        {rows.map((r) => (
          <li key={`${r.id}|${r.receivedAt}|${r.code}`} data-code={r.code}>
            {wibTime(r.receivedAt, lang)} · {r.deviceName ?? r.deviceId} · {r.id || '—'}:{' '}
            {pickText(splitBilingual(r.message || r.code), lang)}
          </li>
        ))}
      </ul>
    </>
  );
}
