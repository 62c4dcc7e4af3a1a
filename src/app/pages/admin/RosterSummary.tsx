// Attendance against the roster: per wave and session "Hadir X dari Y" with a progress bar, the
// arrivals chart, and who has not come yet with a ready WhatsApp reminder.
import type {
  AttendanceSummary,
  SessionSummary,
  WaveSummary,
} from '../../../shared/api/attendance-summary';
import { reminderMessage } from '../../../shared/roster/reminder';
import { whatsAppLink } from '../../../shared/roster/whatsapp';
import { useLang } from '../../i18n/i18n';
import { ArrivalsChart } from './ArrivalsChart';
import { rosterSummaryText } from './roster-summary-text';
import { formatWibRange } from './wib-time';

/** A labelled progress bar: "Hadir 312 dari 382". */
function Progress(props: { present: number; roster: number; testId: string }) {
  const t = rosterSummaryText[useLang()];
  const text = t.present(props.present, props.roster);
  const share = props.roster > 0 ? Math.min(100, (props.present / props.roster) * 100) : 0;
  return (
    <div class="roster-progress">
      <p class="roster-count" data-testid={props.testId}>
        {text}
      </p>
      <div
        class="progress-track"
        role="progressbar"
        aria-label={text}
        aria-valuemin={0}
        aria-valuemax={props.roster}
        aria-valuenow={props.present}
        aria-valuetext={text}
      >
        <div class="progress-fill" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

function MissingList(props: {
  summary: AttendanceSummary;
  wave: WaveSummary;
  session: SessionSummary;
}) {
  const lang = useLang();
  const t = rosterSummaryText[lang];
  const { summary, wave, session } = props;
  if (session.missing.length === 0) return <p data-testid="all-in">{t.allIn}</p>;
  return (
    <details class="missing" data-testid="missing">
      <summary>{t.missing(session.missing.length)}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.business}</th>
            <th scope="col">{t.phone}</th>
            <th scope="col">
              <span class="visually-hidden">{t.remind}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {session.missing.map((m) => {
            const link = whatsAppLink(
              m.phone,
              reminderMessage({
                personName: m.name,
                eventName: summary.eventName,
                waveName: wave.name,
                sessionName: session.name,
                venue: wave.venue,
                address: wave.address,
                startsAt: session.startsAt,
              }),
            );
            return (
              <tr key={m.participantId} data-participant-id={m.participantId}>
                <th scope="row">{m.name}</th>
                <td>{m.business}</td>
                <td class="nowrap">{m.phone}</td>
                <td>
                  {link ? (
                    <a
                      href={link}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={t.remindLabel(m.name)}
                      data-testid="whatsapp-reminder"
                    >
                      {t.remind}
                    </a>
                  ) : (
                    <span class="muted">{t.noWhatsApp}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

/** The summary of every wave; `summary` null while it loads. */
export function RosterSummary(props: { summary: AttendanceSummary | null }) {
  const lang = useLang();
  const t = rosterSummaryText[lang];
  const s = props.summary;
  if (!s) return null;
  return (
    <section class="roster-summary" data-testid="roster-summary" aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t.heading}</h2>
      {s.waves.map((w) => (
        <section key={w.waveId} class="roster-wave" data-testid="roster-wave" data-wave={w.waveId}>
          <h3>
            {w.name} · {w.venue}
          </h3>
          <Progress present={w.present} roster={w.rosterCount} testId="wave-count" />
          {w.sessions.length === 0 && <p class="muted">{t.noSessions}</p>}
          {w.sessions.map((session) => (
            <div
              key={session.sessionId}
              class="roster-session"
              data-testid="roster-session"
              data-session={session.sessionId}
            >
              <h4>
                {session.name} · {formatWibRange(session.startsAt, session.endsAt, lang)}
              </h4>
              <Progress
                present={session.present}
                roster={session.rosterCount}
                testId="session-count"
              />
              {session.others > 0 && <p class="muted">{t.others(session.others)}</p>}
              <ArrivalsChart session={session} />
              <MissingList summary={s} wave={w} session={session} />
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
