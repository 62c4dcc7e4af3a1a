import type { BadgeSheet } from '../../../shared/api/schemas';
import { formatWibDate } from './wib-time';

type Badge = BadgeSheet['badges'][number];
type Wave = BadgeSheet['waves'][number];

/**
 * One 90 × 60 mm badge: logo and event on top, the name across the whole width, then the
 * business and wave beside the QR. Texts marked data-fit are sized by fitBadgeText.
 */
export function BadgeCard(props: {
  badge: Badge;
  wave: Wave | undefined;
  eventName: string;
  logoUrl: string | null;
  qrUrl: string | undefined;
  lang: 'id' | 'en';
  qrAlt: string;
  logoAlt: string;
}) {
  const { badge: b, wave } = props;
  return (
    <article class="badge" data-participant-id={b.participantId}>
      <header class="badge-head">
        {props.logoUrl ? <img class="badge-logo" src={props.logoUrl} alt={props.logoAlt} /> : null}
        <p class="badge-event" data-fit="event">
          {props.eventName}
        </p>
      </header>
      <p class="badge-name" data-fit="name" data-testid="badge-name">
        {b.name}
      </p>
      <div class="badge-foot">
        <div class="badge-facts">
          {b.business ? (
            <p class="badge-business" data-fit="business" data-testid="badge-business">
              {b.business}
            </p>
          ) : null}
          {wave ? (
            <p class="badge-wave">
              {wave.name} · {wave.venue}
              <br />
              {formatWibDate(wave.startsAt, props.lang)}
            </p>
          ) : null}
          <p class="badge-id">{b.participantId}</p>
        </div>
        <img class="badge-qr" src={props.qrUrl} alt={props.qrAlt} decoding="async" />
      </div>
    </article>
  );
}
