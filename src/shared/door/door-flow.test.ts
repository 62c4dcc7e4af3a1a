// The pieces together, as the scan page will use them: cool-down, verdict, event, fold.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventSigningKey } from '../ticket/crypto.js';
import type { ScanEvent, ScanEventKind } from './types.js';
import type { Verdict } from './verdict.js';
import { generateEventKey } from '../ticket/crypto.js';
import { applyEvent, attendanceLookup, createAttendanceState } from './attendance.js';
import { createCooldown } from './cooldown.js';
import { decideVerdict, verdictParticipantId } from './verdict.js';
import { door, entry, scan, ticketFor, w1day1 } from './test-fixtures.js';

let key: EventSigningKey;
beforeAll(async () => {
  key = await generateEventKey();
});

describe('a door, start to finish', () => {
  it('admits once per showing, says already-in after, records re-entry and undo explicitly', async () => {
    const p = entry();
    const token = await ticketFor(key, p);
    const state = createAttendanceState();
    const cooldown = createCooldown({ ms: 3000 });
    const input = door({ key, roster: [p] });
    const seen: Verdict['kind'][] = [];
    let last: ScanEvent | undefined;

    const record = (kind: ScanEventKind, verdict: Verdict, change: Partial<ScanEvent> = {}) => {
      last = scan({
        participantId: verdictParticipantId(verdict),
        sessionId: w1day1.id,
        kind,
        verdict: verdict.kind,
        ...change,
      });
      applyEvent(state, last);
    };
    const show = async (text: string, now: number) => {
      if (cooldown.shouldIgnore(text, now)) return;
      const verdict = await decideVerdict({
        ...input(text),
        attendance: attendanceLookup(state.attendance),
      });
      record('check-in', verdict);
      seen.push(verdict.kind);
      return verdict;
    };

    // Held up for two seconds at 30 frames a second: one verdict.
    for (let t = 0; t < 2000; t += 33) await show(token, t);
    expect(seen).toEqual(['admitted']);
    // Put away, shown again later: already-in, and it does not count again.
    const again = await show(token, 10_000);
    expect(again?.kind).toBe('already-in');
    expect(state.attendance.get(p.participantId)?.get(w1day1.id)?.admissions).toBe(1);

    // The volunteer lets them back in on purpose: an explicit re-entry event.
    record('re-entry', again!);
    expect(state.attendance.get(p.participantId)?.get(w1day1.id)).toMatchObject({
      admissions: 2,
      flagged: false,
    });

    // Undo the re-entry, then undo the first admission: an undo event each, nothing deleted.
    record('undo', again!, { undoes: last!.id });
    const first = [...state.events.values()].find((e) => e.verdict === 'admitted')!;
    record('undo', again!, { undoes: first.id });
    expect(state.attendance.get(p.participantId)).toBeUndefined();
    expect(state.events.size).toBe(5);

    // So the next showing admits again.
    expect((await show(token, 20_000))?.kind).toBe('admitted');
  });
});
