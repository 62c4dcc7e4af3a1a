// Issuing certificates (admin): to every eligible, active participant of a wave, or to one;
// idempotent (a participant's valid certificate is answered again, never a second number). The
// list of every version (pemantau); revoking with a reason and re-issuing a new version under
// the same number (admin, audited). Eligibility is decided on the eligibility page, overrides
// included: this refuses whoever is not eligible there.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { CertificateList, WaveIssueAnswer } from '../../shared/api/certificates.js';
import { RevokeCertificateBody } from '../../shared/api/certificates.js';
import type { EligibilityRow, WaveEligibility } from '../../shared/api/eligibility.js';
import { reasonWords } from '../../shared/certificates/eligibility-words.js';
import type { Bilingual } from '../../shared/messages.js';
import { issueCertificates, reissueCertificate } from '../certificates/issue.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import { eligibilityReport } from '../scans/eligibility-report.js';
import { audit } from '../store/audit-log.js';
import type { CertificateRow } from '../store/certificates.js';
import {
  certificateRecord,
  endCertificate,
  getCertificate,
  listCertificates,
  validCertificates,
} from '../store/certificates.js';
import { getWave } from '../store/events.js';
import { allParticipants, getParticipantRow } from '../store/participants.js';
import { publicOrigin } from '../tickets/origin.js';

const WAVE = { id: 'Gelombang', en: 'Wave' };
const PARTICIPANT = { id: 'Peserta', en: 'Participant' };
const CERTIFICATE = { id: 'Sertifikat', en: 'Certificate' };

const eligibleNow = (p: EligibilityRow) => p.eligible && p.status === 'active';

/** Why nobody in the wave can have a certificate, in words; empty when someone can. */
function nobodyReasons(w: WaveEligibility): Bilingual[] {
  if (w.participants.some(eligibleNow)) return [];
  if (w.sessions.length === 0) return [reasonWords({ kind: 'no-sessions' })];
  if (w.participants.length === 0) {
    return [{ id: 'gelombang ini belum punya peserta', en: 'this wave has no participants' }];
  }
  return [
    {
      id: 'belum ada peserta yang memenuhi syarat sertifikat (lihat halaman kelayakan)',
      en: 'no participant meets the certificate rule yet (see the eligibility page)',
    },
  ];
}

function issueMessage(a: Omit<WaveIssueAnswer, 'message' | 'certificates' | 'waveId'>): Bilingual {
  const why = a.reasons.length ? `: ${a.reasons.map((r) => r.id).join('; ')}` : '';
  const whyEn = a.reasons.length ? `: ${a.reasons.map((r) => r.en).join('; ')}` : '';
  return {
    id: `${a.issued} sertifikat baru diterbitkan; ${a.alreadyIssued} peserta sudah punya; ${a.notEligible} belum berhak${why}.`,
    en: `${a.issued} new certificates issued; ${a.alreadyIssued} participants already had one; ${a.notEligible} not eligible${whyEn}.`,
  };
}

/** POST /waves/:waveId/certificates, /participants/:id/certificate, /certificates/:id/…, GET list */
export function certificateRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  const record = (c: Context, row: CertificateRow) => certificateRecord(row, publicOrigin(deps, c));

  r.post('/waves/:waveId/certificates', async (c) => {
    const wave = await getWave(db, c.req.param('waveId'));
    if (!wave) throw notFound(WAVE);
    const report = await eligibilityReport(deps.store, wave.event_id);
    const w = report.waves.find((x) => x.waveId === wave.id)!;
    const eligible = new Set(w.participants.filter(eligibleNow).map((p) => p.participantId));
    const people = (await allParticipants(db, wave.event_id, wave.id)).filter((p) =>
      eligible.has(p.id),
    );
    const organizerId = c.get('organizer').id;
    const outcome = await issueCertificates(db, {
      eventId: wave.event_id,
      participants: people,
      organizerId,
    });
    const counts = {
      issued: outcome.created.length,
      alreadyIssued: outcome.existing.length,
      notEligible: w.participants.length - eligible.size,
      reasons: nobodyReasons(w),
    };
    if (counts.issued > 0) {
      await audit(db, {
        actorId: organizerId,
        action: 'certificate-issue',
        eventId: wave.event_id,
        details: { wave: wave.name, issued: counts.issued },
      });
    }
    const answer: WaveIssueAnswer = {
      waveId: wave.id,
      ...counts,
      message: issueMessage(counts),
      certificates: outcome.created.map((row) => record(c, row)),
    };
    return c.json(answer);
  });

  r.post('/participants/:id/certificate', async (c) => {
    const p = await getParticipantRow(db, c.req.param('id'));
    if (!p) throw notFound(PARTICIPANT);
    const had = (await validCertificates(db, [p.id])).get(p.id);
    if (had) return c.json(record(c, had), 200);
    const report = await eligibilityReport(deps.store, p.event_id);
    const row = report.waves
      .find((w) => w.waveId === p.wave_id)
      ?.participants.find((x) => x.participantId === p.id);
    if (!row || !eligibleNow(row)) {
      const reasons = (row?.reasons ?? []).map(reasonWords);
      if (row?.override && !row.override.eligible) {
        reasons.push({
          id: `keputusan panitia: ${row.override.reason}`,
          en: `organizers' decision: ${row.override.reason}`,
        });
      }
      throw fail(
        409,
        'not-eligible',
        `${p.name} belum berhak sertifikat: ${reasons.map((x) => x.id).join('; ') || 'tidak memenuhi syarat'}. Keputusan ada di halaman kelayakan sertifikat.`,
        `${p.name} is not eligible for a certificate: ${reasons.map((x) => x.en).join('; ') || 'does not meet the rule'}. Eligibility is decided on the certificate eligibility page.`,
        { reasons },
      );
    }
    const organizerId = c.get('organizer').id;
    const outcome = await issueCertificates(db, {
      eventId: p.event_id,
      participants: [p],
      organizerId,
    });
    const created = outcome.created[0];
    if (!created) return c.json(record(c, outcome.existing[0]!), 200);
    await audit(db, {
      actorId: organizerId,
      action: 'certificate-issue',
      eventId: p.event_id,
      details: { participantId: p.id, name: p.name, number: created.number },
    });
    return c.json(record(c, created), 201);
  });

  r.get('/events/:eventId/certificates', async (c) => {
    const eventId = c.req.param('eventId');
    const event = await db
      .selectFrom('events')
      .select('id')
      .where('id', '=', eventId)
      .executeTakeFirst();
    if (!event) throw notFound({ id: 'Acara', en: 'Event' });
    const rows = await listCertificates(db, eventId, c.req.query('wave') || undefined);
    const answer: CertificateList = { certificates: rows.map((row) => record(c, row)) };
    return c.json(answer);
  });

  const certificateOrFail = async (id: string) => {
    const row = await getCertificate(db, id);
    if (!row) throw notFound(CERTIFICATE);
    return row;
  };
  const notValid = (row: CertificateRow) =>
    row.status === 'revoked'
      ? fail(
          409,
          'certificate-revoked',
          `Sertifikat ${row.number} sudah dicabut.`,
          `Certificate ${row.number} is already revoked.`,
        )
      : fail(
          409,
          'certificate-superseded',
          `Versi ${row.version} sertifikat ${row.number} sudah diganti versi yang lebih baru; gunakan versi terbaru.`,
          `Version ${row.version} of certificate ${row.number} was replaced by a newer one; use the newest version.`,
        );

  r.post('/certificates/:id/revoke', async (c) => {
    const row = await certificateOrFail(c.req.param('id'));
    const { reason } = await readJson(c, RevokeCertificateBody);
    if (row.status !== 'valid') throw notValid(row);
    const organizerId = c.get('organizer').id;
    const done = await endCertificate(db, row.id, {
      status: 'revoked',
      at: Date.now(),
      by: organizerId,
      reason,
    });
    const now = await certificateOrFail(row.id);
    if (!done) throw notValid(now);
    const p = await getParticipantRow(db, row.participant_id);
    await audit(db, {
      actorId: organizerId,
      action: 'certificate-revoke',
      eventId: row.event_id,
      details: {
        participantId: row.participant_id,
        name: p?.name ?? '',
        number: row.number,
        reason,
      },
    });
    return c.json(record(c, now));
  });

  r.post('/certificates/:id/reissue', async (c) => {
    const row = await certificateOrFail(c.req.param('id'));
    if (row.status !== 'valid') throw notValid(row);
    const p = await getParticipantRow(db, row.participant_id);
    if (!p) throw notFound(PARTICIPANT);
    if (p.status === 'cancelled') {
      throw fail(
        409,
        'participant-cancelled',
        `${p.name} sudah dibatalkan sebagai peserta: sertifikatnya tidak diterbitkan ulang. Cabut sertifikatnya bila memang tidak berhak.`,
        `${p.name} was cancelled as a participant: their certificate is not reissued. Revoke it if they are not entitled to it.`,
      );
    }
    const organizerId = c.get('organizer').id;
    const created = await reissueCertificate(db, { old: row, participant: p, organizerId });
    if (!created) throw notValid(await certificateOrFail(row.id));
    await audit(db, {
      actorId: organizerId,
      action: 'certificate-reissue',
      eventId: row.event_id,
      details: { participantId: p.id, name: p.name, number: row.number, version: created.version },
    });
    return c.json(record(c, created), 201);
  });
  return r;
}
