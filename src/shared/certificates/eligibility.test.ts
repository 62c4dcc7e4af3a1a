// Eligibility by rule: the rules in words, and the properties the issue asks for, with the real
// attendance fold in between — adding an attendance never makes anyone ineligible, removing one
// never makes anyone eligible, an override always wins, and the order and duplication of scan
// events never change the result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldAttendance } from '../door/attendance.js';
import type { ScanEvent } from '../door/types.js';
import { scan } from '../door/test-fixtures.js';
import type { EligibilityOverride, EligibilityRule, SessionRef } from './eligibility.js';
import { attendedByParticipant, judge, ruleProblems } from './eligibility.js';

const SESSIONS: SessionRef[] = [
  { id: 'S1', name: 'Hari 1 — Pagi' },
  { id: 'S2', name: 'Hari 1 — Siang' },
  { id: 'S3', name: 'Hari 2 — Pagi' },
  { id: 'S4', name: 'Hari 2 — Siang' },
];
const PEOPLE = ['P1', 'P2', 'P3'];

const judgeSet = (
  rule: EligibilityRule,
  attended: string[],
  override: EligibilityOverride | null = null,
) => judge({ rule, sessions: SESSIONS, attended: new Set(attended), cancelled: false, override });

describe('eligibility: the rules', () => {
  it('every session: names each session missed', () => {
    const j = judgeSet({ all: true, atLeast: null, mandatory: [] }, ['S1', 'S2', 'S3']);
    expect(j.eligible).toBe(false);
    expect(j.reasons).toEqual([{ kind: 'absent', sessionId: 'S4', sessionName: 'Hari 2 — Siang' }]);
    expect(
      judgeSet({ all: true, atLeast: null, mandatory: [] }, ['S1', 'S2', 'S3', 'S4']).eligible,
    ).toBe(true);
  });

  it('at least N, and named mandatory sessions, together', () => {
    const rule = { all: false, atLeast: 3, mandatory: ['S4'] };
    expect(judgeSet(rule, ['S1', 'S2', 'S3']).reasons).toEqual([
      { kind: 'absent', sessionId: 'S4', sessionName: 'Hari 2 — Siang' },
    ]);
    expect(judgeSet(rule, ['S1', 'S4']).reasons).toEqual([
      { kind: 'too-few', attended: 2, needed: 3 },
    ]);
    expect(judgeSet(rule, ['S1', 'S3', 'S4']).eligible).toBe(true);
  });

  it('sessions of another wave do not count', () => {
    expect(judgeSet({ all: false, atLeast: 1, mandatory: [] }, ['OTHER']).eligible).toBe(false);
  });

  it('a wave with no sessions, a cancelled participant: not eligible, with why', () => {
    const none = judge({
      rule: { all: true, atLeast: null, mandatory: [] },
      sessions: [],
      attended: new Set(),
      cancelled: false,
      override: null,
    });
    expect(none.reasons).toEqual([{ kind: 'no-sessions' }]);
    const cancelled = judge({
      rule: { all: false, atLeast: 1, mandatory: [] },
      sessions: SESSIONS,
      attended: new Set(['S1']),
      cancelled: true,
      override: null,
    });
    expect(cancelled).toMatchObject({ eligible: false, reasons: [{ kind: 'cancelled' }] });
  });

  it('tells what is wrong with a rule: a deleted session, more sessions than the wave has', () => {
    expect(ruleProblems({ all: false, atLeast: 5, mandatory: ['GONE', 'S1'] }, SESSIONS)).toEqual([
      { kind: 'unknown-session', sessionId: 'GONE' },
      { kind: 'needs-more-than-exist', needed: 5, sessions: 4 },
    ]);
    // The deleted session is ignored when judging: the rest of the rule still applies.
    expect(
      judgeSet({ all: false, atLeast: null, mandatory: ['GONE', 'S1'] }, ['S1']).eligible,
    ).toBe(true);
    expect(ruleProblems({ all: true, atLeast: null, mandatory: [] }, [])).toEqual([
      { kind: 'no-sessions' },
    ]);
  });
});

// --- properties -------------------------------------------------------------------------------

const arbRule: fc.Arbitrary<EligibilityRule> = fc.record({
  all: fc.boolean(),
  atLeast: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  mandatory: fc.subarray(SESSIONS.map((s) => s.id)),
});
const arbAttended = fc.subarray(SESSIONS.map((s) => s.id));
const arbOverride: fc.Arbitrary<EligibilityOverride | null> = fc.option(
  fc.record({
    eligible: fc.boolean(),
    reason: fc.constant('Keputusan panitia'),
    by: fc.constant('admin'),
    at: fc.constant('2026-12-09T10:00:00.000Z'),
  }),
  { nil: null },
);

/** Scan events about PEOPLE × SESSIONS: check-ins (admitted or refused), re-entries, undos. */
const arbEvents: fc.Arbitrary<ScanEvent[]> = fc
  .array(
    fc.record({
      person: fc.constantFrom(...PEOPLE),
      session: fc.constantFrom(...SESSIONS.map((s) => s.id), 'OTHER'),
      kind: fc.constantFrom('check-in', 'check-in', 're-entry', 'override'),
      admitted: fc.boolean(),
      device: fc.constantFrom('DEV-A', 'DEV-B'),
      time: fc.integer({ min: 0, max: 10_000 }),
      undo: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((specs) => {
    const out: ScanEvent[] = [];
    for (const s of specs) {
      const e = scan({
        participantId: s.person,
        sessionId: s.session,
        kind: s.kind as ScanEvent['kind'],
        verdict: s.kind === 'check-in' ? (s.admitted ? 'admitted' : 'wrong-wave') : 'already-in',
        deviceId: s.device,
        deviceTime: 1_800_000_000_000 + s.time,
      });
      out.push(e);
      if (s.undo) {
        out.push(
          scan({
            participantId: s.person,
            sessionId: s.session,
            kind: 'undo',
            verdict: null,
            undoes: e.id,
            deviceId: s.device,
            deviceTime: e.deviceTime + 1,
          }),
        );
      }
    }
    return out;
  });

/** Everyone's judgement from a list of scan events, through the real fold. */
function judgeAll(rule: EligibilityRule, events: readonly ScanEvent[]) {
  const attended = attendedByParticipant(foldAttendance(events));
  return PEOPLE.map((p) =>
    judge({
      rule,
      sessions: SESSIONS,
      attended: attended.get(p) ?? new Set(),
      cancelled: false,
      override: null,
    }),
  );
}

describe('eligibility: properties', () => {
  it('adding an attendance never makes anyone ineligible; removing one never makes anyone eligible', () => {
    fc.assert(
      fc.property(
        arbRule,
        arbAttended,
        fc.constantFrom(...SESSIONS.map((s) => s.id)),
        (rule, attended, extra) => {
          const without = judgeSet(
            rule,
            attended.filter((s) => s !== extra),
          );
          const withIt = judgeSet(rule, [...new Set([...attended, extra])]);
          if (without.eligible) expect(withIt.eligible).toBe(true);
          if (!withIt.eligible) expect(without.eligible).toBe(false);
        },
      ),
    );
  });

  it('an override always wins', () => {
    fc.assert(
      fc.property(
        arbRule,
        arbAttended,
        arbOverride,
        fc.boolean(),
        (rule, attended, override, cancelled) => {
          const j = judge({
            rule,
            sessions: SESSIONS,
            attended: new Set(attended),
            cancelled,
            override,
          });
          expect(j.eligible).toBe(override ? override.eligible : j.byRule);
        },
      ),
    );
  });

  it('adding an admission (a scan event) to the stream never makes anyone ineligible', () => {
    fc.assert(
      fc.property(
        arbRule,
        arbEvents,
        fc.constantFrom(...PEOPLE),
        fc.constantFrom(...SESSIONS.map((s) => s.id)),
        (rule, events, person, session) => {
          const before = judgeAll(rule, events);
          const after = judgeAll(rule, [
            ...events,
            scan({ participantId: person, sessionId: session, deviceTime: 1_800_000_005_000 }),
          ]);
          before.forEach((b, i) => {
            if (b.eligible) expect(after[i]!.eligible).toBe(true);
          });
        },
      ),
    );
  });

  it('the order and duplication of scan events never change the result', () => {
    fc.assert(
      fc.property(
        arbRule,
        arbEvents.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            fc.subarray(events),
          ),
        ),
        (rule, [events, shuffled, again]) => {
          const reference = judgeAll(rule, events);
          expect(judgeAll(rule, shuffled)).toEqual(reference);
          expect(judgeAll(rule, [...again, ...shuffled, ...again])).toEqual(reference);
        },
      ),
    );
  });
});
