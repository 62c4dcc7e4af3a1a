// The participants list's attendance: a filter (hadir / belum hadir, per session or any) applied
// by the server, and per person which sessions of their wave they have attended.
import type { WaveInfo } from '../../../shared/api/schemas';
import { useLang } from '../../i18n/i18n';
import type { ListFilter } from './participants-query';
import { participantsAttendanceText } from './participants-attendance-text';

/** Two selects for the filter form. */
export function AttendanceFilter(props: {
  filter: ListFilter;
  waves: WaveInfo[];
  apply: (f: Partial<ListFilter>) => void;
}) {
  const t = participantsAttendanceText[useLang()];
  const { filter } = props;
  const waves = props.waves.filter((w) => !filter.wave || w.id === filter.wave);
  return (
    <>
      <div class="field">
        <label for="filter-attendance">{t.attendance}</label>
        <select
          id="filter-attendance"
          value={filter.attendance ?? ''}
          onChange={(e) =>
            props.apply({
              attendance: (e.currentTarget.value || undefined) as ListFilter['attendance'],
            })
          }
        >
          <option value="">{t.all}</option>
          <option value="hadir">{t.hadir}</option>
          <option value="belum">{t.belum}</option>
        </select>
      </div>
      <div class="field">
        <label for="filter-session">{t.session}</label>
        <select
          id="filter-session"
          value={filter.session ?? ''}
          onChange={(e) => props.apply({ session: e.currentTarget.value || undefined })}
        >
          <option value="">{t.anySession}</option>
          {waves.flatMap((w) =>
            w.sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {w.name} · {s.name}
              </option>
            )),
          )}
        </select>
      </div>
    </>
  );
}

/** One person's sessions: "✓ Hari 1" (hadir), "– Hari 2" (belum), in words for screen readers. */
export function AttendanceCell(props: { wave: WaveInfo | undefined; attended: string[] }) {
  const t = participantsAttendanceText[useLang()];
  const sessions = props.wave?.sessions ?? [];
  if (sessions.length === 0) return <span class="muted">{t.noSessions}</span>;
  return (
    <ul class="attended">
      {sessions.map((s) => {
        const here = props.attended.includes(s.id);
        return (
          <li key={s.id} data-session={s.id} data-present={String(here)}>
            <span class={here ? 'tag' : 'muted'}>
              <span aria-hidden="true">{here ? '✓ ' : '– '}</span>
              {s.name}
              <span class="visually-hidden">: {here ? t.present : t.absent}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
