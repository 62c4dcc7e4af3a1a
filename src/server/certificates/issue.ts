// Issuing certificates: numbers taken from the event's counter inside the writing transaction
// (never reused, gap-free, unique across processes), each version signed with the event key and
// stored with the template as it is now, so later template edits leave it as issued.
import type { Kysely, Transaction } from 'kysely';
import type { CertificatePayload } from '../../shared/certificate/token.js';
import { signCertificate } from '../../shared/certificate/token.js';
import { certificateNumber } from '../../shared/certificate/number.js';
import { randomId } from '../../shared/base32.js';
import { wibIsoDate } from '../../shared/door/wib-format.js';
import type { EventSigningKey } from '../../shared/ticket/crypto.js';
import { getSigningKey } from '../store/events.js';
import { getEventLogo } from '../store/event-logos.js';
import { getStoredTemplate, putCertificateImage } from '../store/certificate-templates.js';
import type { CertificateRow } from '../store/certificates.js';
import {
  certificatesByIds,
  endCertificate,
  insertCertificates,
  lockCounter,
  takeNumbers,
  validCertificates,
} from '../store/certificates.js';
import type { CertificateTable, Database, ParticipantTable, WaveTable } from '../store/schema.js';
import type { StoredTemplate } from './template.js';
import { certificateImagePath, templateView } from './template.js';

/** Everything a version needs besides its participant and number, read before the transaction. */
interface IssueSetup {
  eventId: string;
  programme: string;
  waves: Map<string, WaveTable>;
  key: EventSigningKey;
  template: StoredTemplate;
  /** The template as the certificate page shows it, frozen with each version. */
  snapshot: string;
}

async function issueSetup(db: Kysely<Database>, eventId: string): Promise<IssueSetup> {
  const [event, waves, key, template, logo] = await Promise.all([
    db.selectFrom('events').select('name').where('id', '=', eventId).executeTakeFirstOrThrow(),
    db.selectFrom('waves').selectAll().where('event_id', '=', eventId).execute(),
    getSigningKey(db, eventId),
    getStoredTemplate(db, eventId),
    getEventLogo(db, eventId),
  ]);
  // The logo is copied by its hash, so replacing the event logo later leaves issued ones alone.
  const logoUrl = logo
    ? certificateImagePath(
        eventId,
        await putCertificateImage(db, eventId, {
          type: logo.content_type,
          bytes: new Uint8Array(logo.bytes),
        }),
      )
    : null;
  return {
    eventId,
    programme: event.name,
    waves: new Map(waves.map((w) => [w.id, w])),
    key,
    template,
    snapshot: JSON.stringify(templateView(eventId, template, logoUrl)),
  };
}

const wibDay = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? wibIsoDate(ms) : iso;
};

/** Signs and shapes one version's row. */
async function versionRow(
  s: IssueSetup,
  v: {
    participant: ParticipantTable;
    waveId: string;
    seq: number;
    number: string;
    version: number;
    now: number;
    organizerId: string;
  },
): Promise<CertificateTable> {
  const wave = s.waves.get(v.waveId);
  const id = randomId();
  const payload: CertificatePayload = {
    kid: s.key.kid,
    id,
    number: v.number,
    participantId: v.participant.id,
    name: v.participant.name,
    business: v.participant.business,
    programme: s.programme,
    wave: wave?.name ?? '',
    venue: wave?.venue ?? '',
    from: wave ? wibDay(wave.starts_at) : '',
    to: wave ? wibDay(wave.ends_at) : '',
    issuedAt: new Date(v.now).toISOString(),
    version: v.version,
  };
  return {
    id,
    event_id: s.eventId,
    participant_id: v.participant.id,
    wave_id: v.waveId,
    seq: v.seq,
    number: v.number,
    version: v.version,
    issued_at: v.now,
    issued_by: v.organizerId,
    template: s.snapshot,
    token: await signCertificate(payload, s.key),
    status: 'valid',
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
  };
}

export interface IssueOutcome {
  /** Versions issued now. */
  created: CertificateRow[];
  /** Valid certificates the participants already had (nothing new for them). */
  existing: CertificateRow[];
}

/**
 * Issues version 1 to each participant (all of one event) who has no valid certificate yet.
 * Eligibility is the caller's decision; this only numbers, signs and stores.
 */
export async function issueCertificates(
  db: Kysely<Database>,
  input: { eventId: string; participants: ParticipantTable[]; organizerId: string; now?: number },
): Promise<IssueOutcome> {
  if (input.participants.length === 0) return { created: [], existing: [] };
  const setup = await issueSetup(db, input.eventId);
  const now = input.now ?? Date.now();
  const year = Number(wibIsoDate(now).slice(0, 4));
  const ids = await db.transaction().execute(async (tx) => {
    // The lock comes first: whatever another process committed before it is visible below.
    await lockCounter(tx, input.eventId);
    const had = await validCertificates(
      tx,
      input.participants.map((p) => p.id),
    );
    const todo = input.participants.filter((p) => !had.has(p.id));
    if (todo.length === 0) return { created: [], existing: [...had.values()] };
    const first = await takeNumbers(tx, input.eventId, todo.length);
    const rows: CertificateTable[] = [];
    for (const [i, participant] of todo.entries()) {
      const seq = first + i;
      rows.push(
        await versionRow(setup, {
          participant,
          waveId: participant.wave_id,
          seq,
          number: certificateNumber(setup.template.numberPattern, seq, year),
          version: 1,
          now,
          organizerId: input.organizerId,
        }),
      );
    }
    await insertCertificates(tx, rows);
    return { created: rows.map((r) => r.id), existing: [...had.values()] };
  });
  const created = await certificatesByIds(db, ids.created);
  created.sort((a, b) => a.seq - b.seq);
  return { created, existing: ids.existing };
}

/**
 * A new version of a valid certificate: the same number, the participant's current name and
 * business, the current template; the old version becomes superseded. Undefined when the old
 * one was no longer valid (revoked or superseded meanwhile).
 */
export async function reissueCertificate(
  db: Kysely<Database>,
  input: { old: CertificateRow; participant: ParticipantTable; organizerId: string; now?: number },
): Promise<CertificateRow | undefined> {
  const setup = await issueSetup(db, input.old.event_id);
  const now = input.now ?? Date.now();
  const id = await db.transaction().execute(async (tx: Transaction<Database>) => {
    if (!(await endCertificate(tx, input.old.id, { status: 'superseded' }))) return undefined;
    const row = await versionRow(setup, {
      participant: input.participant,
      waveId: input.old.wave_id,
      seq: Number(input.old.seq),
      number: input.old.number,
      version: Number(input.old.version) + 1,
      now,
      organizerId: input.organizerId,
    });
    await insertCertificates(tx, [row]);
    return row.id;
  });
  return id === undefined ? undefined : (await certificatesByIds(db, [id]))[0];
}
