// The eligibility page's data: per wave, the rule, what is wrong with it, and every participant's
// judgement. Words for reasons and rule problems: shared/certificates/eligibility-words.ts.
import * as v from 'valibot';
import type {
  EligibilityRule,
  Judgement,
  RuleProblem,
  SessionRef,
} from '../certificates/eligibility.js';

export interface EligibilityRow extends Judgement {
  participantId: string;
  name: string;
  business: string;
  status: 'active' | 'cancelled';
}

export interface WaveEligibility {
  waveId: string;
  waveName: string;
  sessions: SessionRef[];
  rule: EligibilityRule;
  /** True when the organizer has not chosen a rule yet (every session applies). */
  defaultRule: boolean;
  ruleProblems: RuleProblem[];
  eligible: number;
  notEligible: number;
  participants: EligibilityRow[];
}

/** GET /api/events/:eventId/eligibility */
export interface EligibilityReport {
  eventId: string;
  waves: WaveEligibility[];
}

/** PUT /api/participants/:id/eligibility-override: an admin's decision, with a written reason. */
export const EligibilityOverrideBody = v.strictObject({
  eligible: v.boolean(),
  reason: v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(500)),
});
export type EligibilityOverrideBody = v.InferOutput<typeof EligibilityOverrideBody>;
