// Everyone's certificate eligibility in an event: each wave's rule (or the default) judged
// against the participants' attended sessions, with admins' overrides.
import type { EligibilityReport, WaveEligibility } from '../../shared/api/eligibility.js';
import { DEFAULT_RULE, judge, ruleProblems } from '../../shared/certificates/eligibility.js';
import { notFound } from '../http/problem.js';
import type { Store } from '../store/database.js';
import { eligibilityOverrides, eligibilityRules } from '../store/eligibility.js';
import { getEventDetail } from '../store/events.js';
import { allParticipants } from '../store/participants.js';
import { attendedSessions } from './attended.js';

const EVENT = { id: 'Acara', en: 'Event' };

/** The eligibility of every participant of the event, per wave (404 for an unknown event). */
export async function eligibilityReport(store: Store, eventId: string): Promise<EligibilityReport> {
  const { db } = store;
  const event = await getEventDetail(db, eventId);
  if (!event) throw notFound(EVENT);
  const [rules, overrides, attended, people] = await Promise.all([
    eligibilityRules(db, eventId),
    eligibilityOverrides(db, eventId),
    attendedSessions(store, eventId),
    allParticipants(db, eventId),
  ]);
  const waves: WaveEligibility[] = event.waves.map((w) => {
    const sessions = w.sessions.map((s) => ({ id: s.id, name: s.name }));
    const rule = rules.get(w.id) ?? DEFAULT_RULE;
    const participants = people
      .filter((p) => p.wave_id === w.id)
      .map((p) => ({
        participantId: p.id,
        name: p.name,
        business: p.business,
        status: p.status,
        ...judge({
          rule,
          sessions,
          attended: attended.get(p.id) ?? new Set(),
          cancelled: p.status === 'cancelled',
          override: overrides.get(p.id) ?? null,
        }),
      }));
    const eligible = participants.filter((p) => p.eligible).length;
    return {
      waveId: w.id,
      waveName: w.name,
      sessions,
      rule,
      defaultRule: !rules.has(w.id),
      ruleProblems: ruleProblems(rule, sessions),
      eligible,
      notEligible: participants.length - eligible,
      participants,
    };
  });
  return { eventId, waves };
}
