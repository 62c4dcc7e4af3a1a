import type { Participant, WaveInfo } from '../../../shared/api/schemas';
import { useLang } from '../../i18n/i18n';
import { AttendanceCell } from './ParticipantAttendance';
import { participantsAttendanceText } from './participants-attendance-text';
import { housekeepingText } from './housekeeping-text';
import { participantsText } from './participants-text';
import { useCan } from './me';
import { pageSelectionState } from './participant-selection';

/** The ticked participants (for printing their badges) and how to change them. */
export interface RowSelection {
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
}

/** The participants table; each action names its participant for screen readers. */
export function ParticipantRows(props: {
  participants: Participant[];
  waveName: Map<string, string>;
  /** Waves by id and each person's sessions attended: the attendance column. */
  waves: Map<string, WaveInfo>;
  attended: Record<string, string[]>;
  onEdit: (p: Participant) => void;
  onTicket: (p: Participant) => void;
  onReissue: (p: Participant) => void;
  onCancel: (p: Participant) => void;
  onReactivate: (p: Participant) => void;
  /** Checkboxes in the first column; only active participants can be ticked. */
  selection?: RowSelection;
}) {
  const lang = useLang();
  const t = participantsText[lang];
  const ta = participantsAttendanceText[lang];
  const staf = useCan('staf');
  const sel = props.selection;
  const tickable = props.participants.filter((p) => p.status === 'active').map((p) => p.id);
  const pageState = sel ? pageSelectionState(sel.selected, tickable) : 'none';
  return (
    <div class="table-scroll">
      <table class="participants" data-testid="participants-table">
        <thead>
          <tr>
            {sel ? (
              <th scope="col" class="select-col">
                <input
                  type="checkbox"
                  aria-label={t.selectPage}
                  checked={pageState === 'all'}
                  indeterminate={pageState === 'some'}
                  disabled={tickable.length === 0}
                  onChange={(e) => sel.onSelect(tickable, e.currentTarget.checked)}
                  data-testid="select-page"
                />
              </th>
            ) : null}
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colBusiness}</th>
            <th scope="col">{t.colPhone}</th>
            <th scope="col">{t.colWave}</th>
            <th scope="col">{ta.attendance}</th>
            <th scope="col">{t.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {props.participants.map((p) => {
            const active = p.status === 'active';
            return (
              <tr key={p.id} data-participant-id={p.id} class={active ? undefined : 'cancelled'}>
                {sel ? (
                  <td class="select-col">
                    {active ? (
                      <input
                        type="checkbox"
                        aria-label={t.selectOne(p.name)}
                        checked={sel.selected.has(p.id)}
                        onChange={(e) => sel.onSelect([p.id], e.currentTarget.checked)}
                        data-testid="select-participant"
                      />
                    ) : null}
                  </td>
                ) : null}
                <th scope="row">
                  <span class="p-name">{p.name}</span>
                  {active ? null : (
                    <>
                      {' '}
                      <span class="status cancelled">{t.cancelledStatus}</span>
                    </>
                  )}
                </th>
                <td>{p.business}</td>
                <td class="nowrap">{p.phone}</td>
                <td>{props.waveName.get(p.waveId) ?? '—'}</td>
                <td data-testid="participant-attendance">
                  <AttendanceCell
                    wave={props.waves.get(p.waveId)}
                    attended={props.attended[p.id] ?? []}
                  />
                </td>
                <td>
                  <span class="row-actions" hidden={!staf}>
                    <button
                      type="button"
                      class="secondary small"
                      onClick={() => props.onEdit(p)}
                      aria-label={`${t.edit}: ${p.name}`}
                      data-testid="participant-edit"
                    >
                      {t.edit}
                    </button>
                    {active ? (
                      <>
                        <button
                          type="button"
                          class="small"
                          onClick={() => props.onTicket(p)}
                          aria-label={`${t.ticket}: ${p.name}`}
                          data-testid="participant-ticket"
                        >
                          {t.ticket}
                        </button>
                        <button
                          type="button"
                          class="secondary small"
                          onClick={() => props.onReissue(p)}
                          aria-label={`${t.reissue}: ${p.name}`}
                          data-testid="participant-reissue"
                        >
                          {t.reissue}
                        </button>
                        <button
                          type="button"
                          class="secondary small danger-text"
                          onClick={() => props.onCancel(p)}
                          aria-label={`${t.cancel}: ${p.name}`}
                          data-testid="participant-cancel"
                        >
                          {t.cancel}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        class="secondary small"
                        onClick={() => props.onReactivate(p)}
                        aria-label={`${housekeepingText[lang].reactivate}: ${p.name}`}
                        data-testid="participant-reactivate"
                      >
                        {housekeepingText[lang].reactivate}
                      </button>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
