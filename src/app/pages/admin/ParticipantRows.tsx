import type { Participant, WaveInfo } from '../../../shared/api/schemas';
import { useLang } from '../../i18n/i18n';
import { AttendanceCell } from './ParticipantAttendance';
import { participantsAttendanceText } from './participants-attendance-text';
import { housekeepingText } from './housekeeping-text';
import { participantsText } from './participants-text';
import { useCan } from './me';

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
}) {
  const lang = useLang();
  const t = participantsText[lang];
  const ta = participantsAttendanceText[lang];
  const staf = useCan('staf');
  return (
    <div class="table-scroll">
      <table class="participants" data-testid="participants-table">
        <thead>
          <tr>
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
