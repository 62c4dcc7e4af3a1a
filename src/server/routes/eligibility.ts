// Certificate eligibility: each wave's rule, admins' overrides, and everyone's judgement from the
// event's attendance fold (corrected times, undos and double admissions already folded).
import { Hono } from 'hono';
import { EligibilityOverrideBody } from '../../shared/api/eligibility.js';
import type { EligibilityRule } from '../../shared/certificates/eligibility.js';
import { EligibilityRuleBody } from '../../shared/certificates/eligibility.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import { eligibilityReport } from '../scans/eligibility-report.js';
import { audit } from '../store/audit-log.js';
import {
  removeEligibilityOverride,
  saveEligibilityOverride,
  saveEligibilityRule,
} from '../store/eligibility.js';
import { getEventDetail, getWave } from '../store/events.js';
import { getParticipantRow } from '../store/participants.js';

/** /events/:eventId/eligibility, /waves/:waveId/eligibility-rule, /participants/:id/eligibility-override */
export function eligibilityRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  const report = (eventId: string) => eligibilityReport(deps.store, eventId);

  r.get('/events/:eventId/eligibility', async (c) => c.json(await report(c.req.param('eventId'))));

  r.put('/waves/:waveId/eligibility-rule', async (c) => {
    const wave = await getWave(db, c.req.param('waveId'));
    if (!wave) throw notFound({ id: 'Gelombang', en: 'Wave' });
    const rule: EligibilityRule = await readJson(c, EligibilityRuleBody);
    const event = await getEventDetail(db, wave.event_id);
    const sessions = event?.waves.find((w) => w.id === wave.id)?.sessions ?? [];
    const unknown = rule.mandatory.filter((id) => !sessions.some((s) => s.id === id));
    if (unknown.length > 0) {
      throw fail(
        400,
        'unknown-session',
        'Sesi wajib yang dipilih tidak ada di gelombang ini (mungkin sudah dihapus). Muat ulang halaman lalu pilih lagi.',
        'A mandatory session chosen is not in this wave (it may have been deleted). Reload the page and choose again.',
        { sessionIds: unknown },
      );
    }
    const mandatory = [...new Set(rule.mandatory)];
    await saveEligibilityRule(db, {
      eventId: wave.event_id,
      waveId: wave.id,
      rule: { ...rule, mandatory },
      organizerId: c.get('organizer').id,
    });
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'eligibility-rule',
      eventId: wave.event_id,
      details: {
        wave: wave.name,
        ...rule,
        mandatory: mandatory.map((id) => sessions.find((s) => s.id === id)?.name ?? id),
      },
    });
    return c.json(await report(wave.event_id));
  });

  const participantOrFail = async (id: string) => {
    const p = await getParticipantRow(db, id);
    if (!p) throw notFound({ id: 'Peserta', en: 'Participant' });
    return p;
  };

  r.put('/participants/:id/eligibility-override', async (c) => {
    const p = await participantOrFail(c.req.param('id'));
    const body = await readJson(c, EligibilityOverrideBody);
    await saveEligibilityOverride(db, {
      eventId: p.event_id,
      participantId: p.id,
      eligible: body.eligible,
      reason: body.reason,
      organizerId: c.get('organizer').id,
    });
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'eligibility-override',
      eventId: p.event_id,
      details: { participantId: p.id, name: p.name, eligible: body.eligible, reason: body.reason },
    });
    return c.json(await report(p.event_id));
  });

  r.delete('/participants/:id/eligibility-override', async (c) => {
    const p = await participantOrFail(c.req.param('id'));
    if (!(await removeEligibilityOverride(db, p.id))) {
      throw notFound({
        id: 'Keputusan panitia untuk peserta ini',
        en: 'An override for this participant',
      });
    }
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'eligibility-override-remove',
      eventId: p.event_id,
      details: { participantId: p.id, name: p.name },
    });
    return c.json(await report(p.event_id));
  });
  return r;
}
