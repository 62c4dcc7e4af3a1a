import type { TicketInfo } from '../../../shared/api/schemas';
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

/** "What to do at the door", with the arrival time when it is known. */
export function DoorSteps(props: { info: TicketInfo | null; lang: Lang }) {
  const t = ticketText(props.lang);
  const arriveBy = props.info ? arrivalTime(props.info, props.lang) : '';
  return (
    <section class="ticket-door">
      <h2>{t.atTheDoor}</h2>
      <ol>
        {t.doorSteps(arriveBy || null).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </section>
  );
}
