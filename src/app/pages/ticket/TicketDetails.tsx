import type { TicketInfo } from '../../../shared/api/schemas';
import { phoneText } from '../../../shared/roster/phone';
import type { Lang } from '../../i18n/i18n';
import { formatSpan, formatTime, minutesBefore } from './format-time';
import { ticketText } from './ticket-text';

/** A map link: the organizer's own, else a search for the venue and address. */
function mapLink(wave: TicketInfo['wave']): string {
  if (wave.mapUrl && /^https?:\/\//i.test(wave.mapUrl)) return wave.mapUrl;
  const query = [wave.venue, wave.address].filter(Boolean).join(', ');
  return 'https://www.google.com/maps/search/?api=1&query=' + encodeURIComponent(query);
}

/** When to be at the door: 30 minutes before the first thing that starts. */
export function arrivalTime(info: TicketInfo, lang: Lang): string {
  const first = [info.wave.startsAt, ...info.sessions.map((s) => s.startsAt)]
    .filter((iso) => !Number.isNaN(Date.parse(iso)))
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return first ? formatTime(minutesBefore(first, 30), lang) : '';
}

/** Where and when: wave, venue with address and map, date and time, sessions. */
export function TicketDetails(props: { info: TicketInfo; lang: Lang }) {
  const { info, lang } = props;
  const t = ticketText(lang);
  const { wave } = info;
  return (
    <section class="ticket-details">
      <h2>{wave.name}</h2>
      <dl>
        <dt>{t.venue}</dt>
        <dd>
          <strong>{wave.venue}</strong>
          {wave.address && <div>{wave.address}</div>}
          <a href={mapLink(wave)} target="_blank" rel="noopener noreferrer">
            {t.openMap}
          </a>
        </dd>
        <dt>{t.when}</dt>
        <dd>{formatSpan(wave.startsAt, wave.endsAt, lang)}</dd>
        {info.sessions.length > 0 && (
          <>
            <dt>{t.sessions}</dt>
            <dd>
              <ul class="ticket-sessions">
                {info.sessions.map((s) => (
                  <li key={s.name + s.startsAt}>
                    <strong>{s.name}</strong>
                    <div>{formatSpan(s.startsAt, s.endsAt, lang)}</div>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/**
 * "What to do at the door": the organizer's own lines (as they wrote them) between the steps
 * every ticket has, else the default lines with the arrival time; then the organizers' contact.
 */
export function DoorSteps(props: { info: TicketInfo | null; lang: Lang }) {
  const t = ticketText(props.lang);
  const { info } = props;
  const arriveBy = info ? arrivalTime(info, props.lang) : '';
  const own = info?.instructions?.length ? info.instructions : null;
  const steps = [
    ...t.doorStepsBefore,
    ...(own ?? t.defaultInstructions(arriveBy || null)),
    ...t.doorStepsAfter,
  ];
  return (
    <section class="ticket-door">
      <h2>{t.atTheDoor}</h2>
      <ol data-testid="ticket-steps">
        {steps.map((step, i) => (
          <li key={`${i}:${step}`}>{step}</li>
        ))}
      </ol>
      {info?.contact ? (
        <p class="ticket-contact" data-testid="ticket-contact">
          {t.contact}{' '}
          <a
            href={`https://wa.me/${info.contact.replace(/\D/g, '')}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            {phoneText(info.contact)}
          </a>
        </p>
      ) : null}
    </section>
  );
}
