// What each participant would be sent now, for either kind of sending queue: the current ticket
// version and its link, or the valid certificate version with its number and /c# link. One
// place decides this for the queue and for a mark, so they never disagree.
import type { Kysely } from 'kysely';
import type { SendKind } from '../../shared/api/sending.js';
import { fail } from '../http/problem.js';
import { certificateRecord, validCertificates } from '../store/certificates.js';
import type { Database, ParticipantTable } from '../store/schema.js';
import type { SendTarget } from '../store/send-marks.js';
import { ticketLinksFor } from '../tickets/links.js';

/** One participant's current ticket or certificate, as a queue row carries it. */
export interface Sendable {
  version: number;
  link: string;
  certificateId?: string;
  number?: string;
}

/** The mark a sendable would be recorded under. */
export const targetOf = (
  kind: SendKind,
  s: Pick<Sendable, 'version' | 'certificateId'>,
): SendTarget =>
  kind === 'sertifikat'
    ? { kind, certificateId: s.certificateId! }
    : { kind: 'tiket', version: s.version };

/**
 * The current sendable of each participant that has one: every participant for tickets; only
 * holders of a valid certificate for certificates (revoked and superseded ones are never sent).
 */
export async function sendablesFor(
  db: Kysely<Database>,
  q: { kind: SendKind; eventId: string; participants: ParticipantTable[]; origin: string },
): Promise<Map<string, Sendable>> {
  const out = new Map<string, Sendable>();
  if (q.kind === 'tiket') {
    const links = await ticketLinksFor(db, q.eventId, q.participants, q.origin);
    for (const p of q.participants) {
      out.set(p.id, { version: p.ticket_version, link: links.get(p.id)!.link });
    }
    return out;
  }
  const valid = await validCertificates(
    db,
    q.participants.map((p) => p.id),
  );
  for (const [participantId, row] of valid) {
    const record = certificateRecord(row, q.origin);
    out.set(participantId, {
      version: record.version,
      link: record.certificateLink,
      certificateId: record.id,
      number: record.number,
    });
  }
  return out;
}

/**
 * The participant's current sendable, checked against what the organizer's queue showed
 * (`version`, and for certificates its id): 409 when it changed or there is none.
 */
export async function currentSendable(
  db: Kysely<Database>,
  q: {
    kind: SendKind;
    participant: ParticipantTable;
    origin: string;
    version: number;
    certificateId?: string;
  },
): Promise<Sendable> {
  const p = q.participant;
  const now = (
    await sendablesFor(db, {
      kind: q.kind,
      eventId: p.event_id,
      participants: [p],
      origin: q.origin,
    })
  ).get(p.id);
  if (q.kind === 'tiket') {
    if (now && q.version === now.version) return now;
    throw fail(
      409,
      'ticket-changed',
      'Tiket peserta ini baru saja diterbitkan ulang. Muat ulang antrean dan kirim tiket yang baru.',
      "This participant's ticket was just reissued. Reload the queue and send the new one.",
      { version: p.ticket_version },
    );
  }
  if (!now) {
    throw fail(
      409,
      'no-certificate',
      'Peserta ini tidak punya sertifikat yang berlaku (belum diterbitkan atau sudah dicabut). Muat ulang antrean.',
      'This participant holds no valid certificate (not issued yet, or revoked). Reload the queue.',
    );
  }
  if (q.version !== now.version || (q.certificateId && q.certificateId !== now.certificateId)) {
    throw fail(
      409,
      'certificate-changed',
      'Sertifikat peserta ini baru saja diterbitkan ulang. Muat ulang antrean dan kirim tautan yang baru.',
      "This participant's certificate was just re-issued. Reload the queue and send the new link.",
      { version: now.version },
    );
  }
  return now;
}
