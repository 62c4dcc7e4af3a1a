// Property: however a set of scan events is pushed (any order, any repeats, any batching), the
// server ends up holding the same events and reporting the same attendance as the pure fold.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceReport } from '../shared/api/attendance.js';
import type { PairResult } from '../shared/api/door.js';
import { canonicalScanEvent } from '../shared/api/sync.js';
import { foldAttendance } from '../shared/door/attendance.js';
import type { ScanEvent, ScanEventKind } from '../shared/door/types.js';
import { mulberry32 } from '../shared/random.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

const KINDS: ScanEventKind[] = ['check-in', 'check-in', 'undo', 're-entry', 'override', 'walk-in'];

/** Blueprints of events; ids and devices are filled in per run so runs never share an id. */
const blueprints = fc.array(
  fc.record({
    kind: fc.constantFrom(...KINDS),
    person: fc.nat(3),
    time: fc.nat(5),
    undoes: fc.nat(20),
    refused: fc.boolean(),
    flagged: fc.boolean(),
  }),
  { minLength: 1, maxLength: 12 },
);

const plan = fc.record({
  events: blueprints,
  repeats: fc.array(fc.nat(30), { maxLength: 10 }),
  batchSizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
  seed: fc.nat(),
});

let run = 0;

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`push order independence on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let tablet: PairResult;
    let sessionId: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Properti');
      sessionId = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      tablet = await pairAtDoor(a, f.event.id, {
        name: 'Tablet',
        door: 'Pintu',
        waveIds: [f.waves.a],
      });
    });
    afterAll(async () => t?.dispose());

    it('stores the same set and reports the same attendance for any push order, repeat and batching', async () => {
      await fc.assert(
        fc.asyncProperty(plan, async (p) => {
          run += 1;
          const prefix = `R${kind.name[0]}${run}x`;
          const events: ScanEvent[] = p.events.map((b, i) => {
            const id = `${prefix}${String(i).padStart(2, '0')}`;
            const e: ScanEvent = {
              id,
              deviceId: tablet.deviceId,
              deviceSeq: i,
              participantId: b.kind === 'walk-in' ? null : `${prefix}P${b.person}`,
              sessionId,
              kind: b.kind,
              deviceTime: 1_780_000_000_000 + b.time * 1000,
              volunteer: 'Sari',
              door: 'Pintu',
              verdict:
                b.kind === 'undo'
                  ? null
                  : b.refused && b.kind === 'check-in'
                    ? 'already-in'
                    : 'admitted',
            };
            if (b.kind === 'undo')
              e.undoes = `${prefix}${String(b.undoes % p.events.length).padStart(2, '0')}`;
            if (b.kind === 'walk-in')
              e.walkIn = { name: `Tamu ${i}`, business: 'Warung', phone: '0812' };
            if (b.flagged) e.flags = ['manual-search'];
            return e;
          });
          // Every event at least once, some again, in a seeded random order, in uneven batches.
          const sequence = [...events, ...p.repeats.map((r) => events[r % events.length]!)];
          const random = mulberry32(p.seed);
          for (let i = sequence.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [sequence[i], sequence[j]] = [sequence[j]!, sequence[i]!];
          }
          let at = 0;
          for (let b = 0; at < sequence.length; b++) {
            const size = p.batchSizes[b % p.batchSizes.length]!;
            const res = await push(a, tablet, sequence.slice(at, at + size));
            expect(
              res.results.every((r) => r.status === 'stored' || r.status === 'duplicate'),
            ).toBe(true);
            at += size;
          }

          const rows = await t.store.db
            .selectFrom('scan_events')
            .select('body')
            .where('id', 'like', `${prefix}%`)
            .execute();
          expect(rows.map((r) => r.body).sort()).toEqual(events.map(canonicalScanEvent).sort());

          const report: AttendanceReport = await json(
            await a.call(`/api/events/${f.event.id}/attendance`),
          );
          const got = report.sessions
            .flatMap((s) => s.attendees.map((x) => ({ ...x, sessionId: s.sessionId })))
            .filter((x) => x.personId.startsWith(prefix))
            .map((x) => [x.personId, x.sessionId, x.firstEventId, x.admissions, x.flagged])
            .sort();
          const want = [...foldAttendance(events)]
            .flatMap(([person, cells]) =>
              [...cells].map(([s, r]) => [person, s, r.firstEventId, r.admissions, r.flagged]),
            )
            .sort();
          expect(got).toEqual(want);
        }),
        { numRuns: 25 },
      );
    }, 120_000);
  });
}
