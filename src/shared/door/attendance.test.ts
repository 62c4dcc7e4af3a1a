import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Attendance } from './attendance.js';
import type { ScanEvent, ScanEventKind, VerdictKind } from './types.js';
import { VERDICT_KINDS } from './types.js';
import {
  applyEvent,
  attendanceLookup,
  createAttendanceState,
  foldAttendance,
} from './attendance.js';
import { scan } from './test-fixtures.js';

const P = 'PPPPPPPPPPPPPPPP';
const S = 'S1D1';

/** Attendance as sorted plain data, so comparisons never depend on Map insertion order. */
function plain(a: Attendance) {
  return [...a]
    .map(([person, sessions]) => [person, [...sessions].sort(byFirst)] as const)
    .sort(byFirst);
}
const byFirst = (x: readonly [string, unknown], y: readonly [string, unknown]) =>
  x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0;

const incremental = (events: readonly ScanEvent[]) => {
  const state = createAttendanceState();
  for (const e of events) applyEvent(state, e);
  return state.attendance;
};

describe('foldAttendance: rules', () => {
  it('records the first admission: when, which door, which device, which volunteer', () => {
    const e = scan({ participantId: P, deviceTime: 1000, door: 'Pintu Timur', volunteer: 'Rina' });
    expect(foldAttendance([e]).get(P)?.get(S)).toEqual({
      firstEventId: e.id,
      at: 1000,
      door: 'Pintu Timur',
      deviceId: e.deviceId,
      volunteer: 'Rina',
      admissions: 1,
      flagged: false,
    });
  });

  it('counts only check-ins whose verdict let someone in', () => {
    for (const verdict of VERDICT_KINDS) {
      const counted = foldAttendance([scan({ participantId: P, verdict })]).size === 1;
      expect(counted, verdict).toBe(verdict === 'admitted' || verdict === 'valid-not-in-roster');
    }
    expect(foldAttendance([scan({ participantId: null, verdict: 'admitted' })]).size).toBe(0);
    expect(foldAttendance([scan({ participantId: P, verdict: null })]).size).toBe(0);
  });

  it('counts re-entry and override as explicit admissions; override is flagged, re-entry not', () => {
    const first = scan({ participantId: P, deviceTime: 10 });
    const again = scan({
      participantId: P,
      deviceTime: 20,
      kind: 're-entry',
      verdict: 'already-in',
    });
    const r = foldAttendance([again, first]).get(P)?.get(S);
    expect(r).toMatchObject({ firstEventId: first.id, at: 10, admissions: 2, flagged: false });

    const override = scan({ participantId: P, kind: 'override', verdict: 'wrong-wave' });
    expect(foldAttendance([override]).get(P)?.get(S)).toMatchObject({
      firstEventId: override.id,
      admissions: 1,
      flagged: true,
    });
  });

  it('flags valid-not-in-roster admissions and events carrying flags', () => {
    const a = scan({ participantId: P, verdict: 'valid-not-in-roster' });
    expect(foldAttendance([a]).get(P)?.get(S)?.flagged).toBe(true);
    const b = scan({ participantId: P, flags: ['manual-search'] });
    expect(foldAttendance([b]).get(P)?.get(S)?.flagged).toBe(true);
  });

  it('keeps both admissions from two offline doors, counts the person once and flags it', () => {
    const east = scan({
      participantId: P,
      deviceId: 'DEV-E',
      deviceTime: 500,
      door: 'Pintu Timur',
    });
    const west = scan({
      participantId: P,
      deviceId: 'DEV-W',
      deviceTime: 400,
      door: 'Pintu Barat',
    });
    for (const order of [
      [east, west],
      [west, east],
    ]) {
      const a = foldAttendance(order);
      expect(a.size).toBe(1);
      expect(a.get(P)?.get(S)).toMatchObject({
        firstEventId: west.id,
        door: 'Pintu Barat',
        admissions: 2,
        flagged: true,
      });
    }
  });

  it('breaks a device-time tie by event id', () => {
    const a = scan({ id: 'A', participantId: P, deviceTime: 7, volunteer: 'Ani' });
    const b = scan({ id: 'B', participantId: P, deviceTime: 7, volunteer: 'Budi' });
    expect(foldAttendance([b, a]).get(P)?.get(S)?.volunteer).toBe('Ani');
  });

  it('keys a walk-in by its own event id, admitted at once and flagged', () => {
    const walkIn = scan({
      participantId: null,
      kind: 'walk-in',
      walkIn: { name: 'Dewi', business: 'Batik Dewi', phone: '+6281234567890' },
    });
    expect(foldAttendance([walkIn]).get(walkIn.id)?.get(S)).toMatchObject({
      firstEventId: walkIn.id,
      admissions: 1,
      flagged: true,
    });
    const undo = scan({ participantId: null, kind: 'undo', undoes: walkIn.id });
    expect(foldAttendance([walkIn, undo]).size).toBe(0);
  });

  it('undo cancels the named event, whichever arrives first; nothing is deleted', () => {
    const checkIn = scan({ participantId: P });
    const undo = scan({ participantId: P, kind: 'undo', undoes: checkIn.id, verdict: null });
    expect(foldAttendance([checkIn, undo]).size).toBe(0);
    expect(foldAttendance([undo, checkIn]).size).toBe(0);
    expect(incremental([undo, checkIn]).size).toBe(0);
  });

  it('undo then a new check-in admits again, with the new event first', () => {
    const checkIn = scan({ participantId: P, deviceTime: 1 });
    const undo = scan({ participantId: P, kind: 'undo', undoes: checkIn.id, deviceTime: 2 });
    const again = scan({ participantId: P, deviceTime: 3 });
    for (const events of [
      [checkIn, undo, again],
      [again, undo, checkIn],
    ]) {
      expect(foldAttendance(events).get(P)?.get(S)).toMatchObject({
        firstEventId: again.id,
        admissions: 1,
        flagged: false,
      });
      expect(plain(incremental(events))).toEqual(plain(foldAttendance(events)));
    }
  });

  it('ignores an undo of an unknown event and an undo of an undo', () => {
    const checkIn = scan({ participantId: P });
    const stray = scan({ participantId: P, kind: 'undo', undoes: 'NO-SUCH-EVENT' });
    const undo = scan({ participantId: P, kind: 'undo', undoes: checkIn.id });
    const undoUndo = scan({ participantId: P, kind: 'undo', undoes: undo.id });
    expect(plain(foldAttendance([checkIn, stray]))).toEqual(plain(foldAttendance([checkIn])));
    // Undoing an undo is not a redo: a redo is a new check-in, so the record says who did it.
    expect(foldAttendance([checkIn, undo, undoUndo]).size).toBe(0);
  });

  it('counts a repeated event id once, and picks the same copy of a clashing id in any order', () => {
    const e = scan({ participantId: P });
    expect(plain(foldAttendance([e, e, { ...e }]))).toEqual(plain(foldAttendance([e])));
    const clash = { ...e, volunteer: 'Someone else', deviceTime: e.deviceTime - 5 };
    expect(plain(foldAttendance([e, clash]))).toEqual(plain(foldAttendance([clash, e])));
    expect(plain(incremental([e, clash]))).toEqual(plain(foldAttendance([clash, e])));
  });

  it('gives decideVerdict a keyed lookup', () => {
    const e = scan({ participantId: P });
    const lookup = attendanceLookup(foldAttendance([e]));
    expect(lookup(P, S)?.firstEventId).toBe(e.id);
    expect(lookup(P, 'OTHER')).toBeUndefined();
    expect(lookup('NOBODY', S)).toBeUndefined();
  });

  it('folds 100,000 events, in full and one by one, well within the test timeout', () => {
    // A quadratic slip (rescanning all events per scan) would take minutes here, not seconds.
    // No wall-clock assertion: shared CI runners make those flaky.
    const events: ScanEvent[] = [];
    for (let i = 0; i < 100_000; i++) {
      const participantId = `P${i % 40_000}`;
      const e = scan({ participantId, deviceTime: i, sessionId: `S${i % 3}` });
      events.push(e);
      if (i % 10 === 0) events.push(scan({ kind: 'undo', undoes: e.id, participantId }));
    }
    const state = createAttendanceState();
    for (const e of events) applyEvent(state, e);
    expect(plain(state.attendance)).toEqual(plain(foldAttendance(events)));
    expect(state.attendance.size).toBe(36_000); // P0, P10, P20…: every admission undone
  });
});

// ---- properties: the pure core the sync work relies on ----

const ids = Array.from({ length: 10 }, (_, i) => `E${i}`);
const kindArb = fc.oneof(
  { arbitrary: fc.constant<ScanEventKind>('check-in'), weight: 5 },
  { arbitrary: fc.constant<ScanEventKind>('undo'), weight: 3 },
  { arbitrary: fc.constantFrom<ScanEventKind>('re-entry', 'override', 'walk-in'), weight: 2 },
);
const verdictArb = fc.oneof(
  { arbitrary: fc.constant<VerdictKind | null>('admitted'), weight: 4 },
  { arbitrary: fc.constantFrom<VerdictKind | null>(...VERDICT_KINDS, null), weight: 2 },
);
const flagsArb = fc.oneof(
  { arbitrary: fc.constant<string[] | undefined>(undefined), weight: 5 },
  { arbitrary: fc.constant<string[] | undefined>(['manual']), weight: 1 },
);

/** Events over a few people, sessions and times, with ids that may clash (hostile clients). */
function eventArb(idPool: string[]): fc.Arbitrary<ScanEvent> {
  return fc
    .record({
      id: fc.constantFrom(...idPool),
      deviceId: fc.constantFrom('D1', 'D2'),
      deviceSeq: fc.nat(50),
      participantId: fc.constantFrom('P1', 'P2', null),
      sessionId: fc.constantFrom('S1', 'S2'),
      kind: kindArb,
      deviceTime: fc.integer({ min: 0, max: 4 }),
      volunteer: fc.constantFrom('Rina', 'Budi'),
      door: fc.constantFrom('Pintu Timur', 'Pintu Barat'),
      verdict: verdictArb,
      undoes: fc.constantFrom(...idPool, 'UNKNOWN'),
      flags: flagsArb,
      ticketVersion: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    })
    .map(({ undoes, flags, ticketVersion, ...e }): ScanEvent => ({
      ...e,
      ...(ticketVersion === undefined ? {} : { ticketVersion }),
      ...(e.kind === 'undo' ? { undoes } : {}),
      ...(flags === undefined ? {} : { flags }),
    }));
}

/** A set of events with distinct ids (what honest devices write). */
const uniqueEventsArb = fc
  .uniqueArray(eventArb(ids), { selector: (e) => e.id, maxLength: ids.length })
  .filter((es) => es.length > 0);
/** Any events, ids clashing included. */
const anyEventsArb = fc.array(eventArb(ids.slice(0, 6)), { maxLength: 14 });

const permuted = <T>(xs: T[]) =>
  fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length });
const withRepeats = <T>(xs: T[]) =>
  fc.subarray(xs).chain((extra) => permuted([...xs, ...extra, ...extra]));

describe('foldAttendance: properties', () => {
  it('gives the same attendance for any order of the same events', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(uniqueEventsArb, anyEventsArb)
          .chain((es) => fc.tuple(fc.constant(es), permuted(es))),
        ([events, shuffled]) => {
          expect(plain(foldAttendance(shuffled))).toEqual(plain(foldAttendance(events)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives the same attendance however often any event is repeated', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(uniqueEventsArb, anyEventsArb)
          .chain((es) => fc.tuple(fc.constant(es), withRepeats(es))),
        ([events, repeated]) => {
          expect(plain(foldAttendance(repeated))).toEqual(plain(foldAttendance(events)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is unchanged when events come back from the server carrying their receive time', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(uniqueEventsArb, anyEventsArb)
          .chain((es) => fc.tuple(fc.constant(es), fc.subarray(es), fc.nat())),
        ([events, pulled, receivedAt]) => {
          const copies = pulled.map((e) => ({ ...e, receivedAt }));
          const expected = plain(foldAttendance(events));
          expect(plain(foldAttendance([...copies, ...events]))).toEqual(expected);
          expect(plain(createAttendanceState([...copies, ...events]).attendance)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is unchanged by an undo of an event nobody has', () => {
    fc.assert(
      fc.property(uniqueEventsArb, eventArb(['U-STRAY']), (events, stray) => {
        const undo: ScanEvent = { ...stray, kind: 'undo', undoes: 'NO-SUCH-EVENT' };
        expect(plain(foldAttendance([...events, undo]))).toEqual(plain(foldAttendance(events)));
      }),
      { numRuns: 500 },
    );
  });

  it('undo then re-check-in admits again, in any order and among any other events', () => {
    const checkIn: ScanEvent = scan({ id: 'X-IN', participantId: 'P9', sessionId: 'S1' });
    const undo: ScanEvent = scan({
      id: 'X-UNDO',
      kind: 'undo',
      undoes: 'X-IN',
      participantId: 'P9',
    });
    const again: ScanEvent = scan({ id: 'X-AGAIN', participantId: 'P9', sessionId: 'S1' });
    fc.assert(
      fc.property(
        uniqueEventsArb.chain((es) => permuted([...es, checkIn, undo, again])),
        (events) => {
          const record = foldAttendance(events).get('P9')?.get('S1');
          expect(record).toMatchObject({ firstEventId: 'X-AGAIN', admissions: 1 });
          const withoutAgain = events.filter((e) => e.id !== 'X-AGAIN');
          expect(foldAttendance(withoutAgain).get('P9')).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('applyEvent, one event at a time in any order with repeats, equals the full fold at every step', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(fc.oneof(uniqueEventsArb, anyEventsArb).chain(withRepeats), (events) => {
        const state = createAttendanceState();
        events.forEach((e, i) => {
          applyEvent(state, e);
          expect(plain(state.attendance)).toEqual(plain(foldAttendance(events.slice(0, i + 1))));
        });
        if (state.attendance.size > 0) nonEmpty += 1;
      }),
      { numRuns: 1000 },
    );
    // The generators must exercise real attendance, not mostly empty folds.
    expect(nonEmpty).toBeGreaterThan(500);
  });
});
