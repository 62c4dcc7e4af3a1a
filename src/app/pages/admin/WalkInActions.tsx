// A walk-in on the "Perlu diperiksa" list: make them a participant (starting from what the door
// typed; they get a ticket and a badge), or, when their phone is already a participant's, link
// the walk-in to that participant. Once confirmed: their ticket and their badge, one click away.
import { useState } from 'preact/hooks';
import type { WalkInItem } from '../../../shared/api/review';
import type {
  Participant,
  ParticipantBody,
  TicketLinks,
  WaveInfo,
} from '../../../shared/api/schemas';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure } from './admin-api';
import { badgesPagePath } from './badge-scope';
import { ParticipantForm } from './ParticipantForm';
import { TicketDialog } from './TicketDialog';

const text = {
  id: {
    confirm: 'Jadikan peserta',
    confirmed: 'Sudah jadi peserta',
    ticket: 'Tiket',
    badge: 'Cetak badge',
    clash: 'Nomor HP ini sudah milik peserta yang terdaftar. Orang yang sama?',
    link: 'Ya, hubungkan ke peserta itu',
  },
  en: {
    confirm: 'Make a participant',
    confirmed: 'Now a participant',
    ticket: 'Ticket',
    badge: 'Print badge',
    clash: 'This phone number belongs to a registered participant. The same person?',
    link: 'Yes, link to that participant',
  },
};

interface Confirmed {
  participant: Participant;
  ticket: TicketLinks;
}

export function WalkInActions(props: {
  eventId: string;
  item: WalkInItem;
  waves: WaveInfo[];
  onChanged: () => void;
}) {
  const t = text[useLang()];
  const base = `/api/events/${encodeURIComponent(props.eventId)}/walk-ins/${encodeURIComponent(props.item.scanId)}`;
  const [form, setForm] = useState(false);
  const [clashWith, setClashWith] = useState<string | null>(null);
  const [done, setDone] = useState<Confirmed | null>(null);
  const [ticketOf, setTicketOf] = useState<{
    participant: Participant;
    links?: TicketLinks;
  } | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const participantId = done?.participant.id ?? props.item.participantId;

  const register = async (body: ParticipantBody): Promise<Participant> => {
    try {
      const res = await adminApi<Confirmed>(`${base}/register`, { body });
      setDone(res);
      return res.participant;
    } catch (err) {
      const failure = asFailure(err);
      const other = (failure.details as { participantId?: string } | undefined)?.participantId;
      if (failure.code === 'duplicate-participant' && other) {
        // Offer the link beside the item instead of a form that cannot be saved.
        setClashWith(other);
        setForm(false);
      }
      throw failure;
    }
  };

  const link = async () => {
    if (!clashWith) return;
    setError(null);
    try {
      setDone(await adminApi<Confirmed>(`${base}/link`, { body: { participantId: clashWith } }));
      setClashWith(null);
      props.onChanged();
    } catch (err) {
      setError(asFailure(err));
    }
  };

  const showTicket = async () => {
    if (done) return setTicketOf({ participant: done.participant, links: done.ticket });
    if (!participantId) return;
    setError(null);
    try {
      const p = await adminApi<Participant>(
        `/api/participants/${encodeURIComponent(participantId)}`,
      );
      setTicketOf({ participant: p });
    } catch (err) {
      setError(asFailure(err));
    }
  };

  return (
    <div class="walk-in-actions" data-testid="walk-in-actions">
      {participantId ? (
        <>
          <span class="tag ok" data-testid="walk-in-confirmed">
            {t.confirmed}
          </span>{' '}
          <button type="button" class="secondary small" onClick={() => void showTicket()}>
            {t.ticket}
          </button>{' '}
          <a
            class="button secondary small"
            href={badgesPagePath(props.eventId, { kind: 'ids', ids: [participantId] })}
          >
            {t.badge}
          </a>
        </>
      ) : (
        <button
          type="button"
          class="small"
          data-testid="walk-in-confirm"
          onClick={() => {
            setClashWith(null);
            setForm(true);
          }}
        >
          {t.confirm}
        </button>
      )}
      {clashWith && !participantId && (
        <p class="notice" data-testid="walk-in-clash">
          {t.clash}{' '}
          <button type="button" class="secondary small" onClick={() => void link()}>
            {t.link}
          </button>
        </p>
      )}
      <ErrorNotice error={error} />
      {form && (
        <ParticipantForm
          eventId={props.eventId}
          waves={props.waves}
          defaultWaveId={props.item.waveId ?? undefined}
          walkIn={{ ...props.item, save: register }}
          onSaved={(p) => {
            setForm(false);
            setTicketOf({ participant: p });
            props.onChanged();
          }}
          onClose={() => setForm(false)}
        />
      )}
      {ticketOf && (
        <TicketDialog
          participant={ticketOf.participant}
          {...(ticketOf.links ? { links: ticketOf.links } : {})}
          onClose={() => setTicketOf(null)}
        />
      )}
    </div>
  );
}
