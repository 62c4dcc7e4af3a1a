// Who earned the certificate: a wave's rule (every session, at least N of them, and/or named
// mandatory sessions) judged against the sessions a participant attended, with an admin's
// override (either way, with a written reason) always having the last word. Pure and monotone:
// attending more never takes eligibility away (the property tests hold it to that).
import * as v from 'valibot';
import type { Attendance } from '../door/attendance.js';

/** A wave's rule. An empty rule (nothing required) is refused when saved. */
export interface EligibilityRule {
  /** Every session of the wave. */
  all: boolean;
  /** At least this many of the wave's sessions; null for no minimum. */
  atLeast: number | null;
  /** Sessions that must be attended, by id. */
  mandatory: string[];
}

/** Until the organizer chooses: every session of the wave. */
export const DEFAULT_RULE: EligibilityRule = { all: true, atLeast: null, mandatory: [] };

export const EligibilityRuleBody = v.pipe(
  v.strictObject({
    all: v.boolean(),
    atLeast: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
    mandatory: v.pipe(
      v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(20))),
      v.maxLength(100),
    ),
  }),
  v.check(
    (r) => r.all || r.atLeast !== null || r.mandatory.length > 0,
    'Pilih setidaknya satu syarat / Choose at least one requirement',
  ),
);

/** A session of the wave, in the wave's order. */
export interface SessionRef {
  id: string;
  name: string;
}

/** Why someone is not eligible by the rule. */
export type IneligibleReason =
  | { kind: 'absent'; sessionId: string; sessionName: string }
  | { kind: 'too-few'; attended: number; needed: number }
  | { kind: 'no-sessions' }
  | { kind: 'cancelled' };

/** An admin's decision that overrides the rule. */
export interface EligibilityOverride {
  eligible: boolean;
  reason: string;
  by: string;
  at: string;
}

export interface Judgement {
  /** The final answer: the override's when there is one, else the rule's. */
  eligible: boolean;
  /** What the rule alone says. */
  byRule: boolean;
  /** Why the rule says no (empty when it says yes). */
  reasons: IneligibleReason[];
  override: EligibilityOverride | null;
  /** The wave's sessions attended, in the wave's order. */
  attended: string[];
}

/** Problems with the rule itself, for the organizer (a session deleted after it was chosen…). */
export type RuleProblem =
  | { kind: 'unknown-session'; sessionId: string }
  | { kind: 'no-sessions' }
  | { kind: 'needs-more-than-exist'; needed: number; sessions: number };

/** What is wrong with `rule` for a wave with `sessions`; unknown sessions are then ignored. */
export function ruleProblems(
  rule: EligibilityRule,
  sessions: readonly SessionRef[],
): RuleProblem[] {
  const known = new Set(sessions.map((s) => s.id));
  const out: RuleProblem[] = [];
  if (sessions.length === 0) out.push({ kind: 'no-sessions' });
  for (const id of rule.mandatory) {
    if (!known.has(id)) out.push({ kind: 'unknown-session', sessionId: id });
  }
  if (rule.atLeast !== null && sessions.length > 0 && rule.atLeast > sessions.length) {
    out.push({ kind: 'needs-more-than-exist', needed: rule.atLeast, sessions: sessions.length });
  }
  return out;
}

/** Judges one participant. Sessions of other waves in `attended` do not count. */
export function judge(input: {
  rule: EligibilityRule;
  sessions: readonly SessionRef[];
  attended: ReadonlySet<string>;
  cancelled: boolean;
  override: EligibilityOverride | null;
}): Judgement {
  const { rule, sessions, attended } = input;
  const reasons: IneligibleReason[] = [];
  if (input.cancelled) reasons.push({ kind: 'cancelled' });
  if (sessions.length === 0) reasons.push({ kind: 'no-sessions' });
  const mandatory = new Set(rule.mandatory);
  for (const s of sessions) {
    if ((rule.all || mandatory.has(s.id)) && !attended.has(s.id)) {
      reasons.push({ kind: 'absent', sessionId: s.id, sessionName: s.name });
    }
  }
  const here = sessions.filter((s) => attended.has(s.id)).map((s) => s.id);
  if (rule.atLeast !== null && here.length < rule.atLeast) {
    reasons.push({ kind: 'too-few', attended: here.length, needed: rule.atLeast });
  }
  const byRule = reasons.length === 0;
  return {
    eligible: input.override ? input.override.eligible : byRule,
    byRule,
    reasons,
    override: input.override,
    attended: here,
  };
}

/**
 * Participant id → the sessions they attended, from the attendance fold; a walk-in's attendance
 * counts for the participant it was confirmed as (`walkIns`: walk-in event id → participant id).
 */
export function attendedByParticipant(
  attendance: Attendance,
  walkIns: ReadonlyMap<string, string> = new Map(),
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, cells] of attendance) {
    const person = walkIns.get(key) ?? key;
    const sessions = out.get(person) ?? new Set<string>();
    for (const session of cells.keys()) sessions.add(session);
    out.set(person, sessions);
  }
  return out;
}
