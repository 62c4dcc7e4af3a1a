// The reports are served from a per-event fold advanced from a cursor (scans/fold-cache.ts). On
// random pushes from three tablets (some with a measured clock, some without, clocks that move
// later) they must always equal the old path: every scan of the event folded again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceDelta, PositionedReport } from '../shared/api/attendance-delta.js';
import { isDelta, mergeAttendanceDelta } from '../shared/api/attendance-delta.js';
import type { PairResult } from '../shared/api/door.js';
import type { ScanEvent, ScanEventKind } from '../shared/door/types.js';
import { mulberry32 } from '../shared/random.js';
import { loadReportContext } from './scans/report-context.js';
import { attendanceReport, conflictReport } from './scans/report.js';
import { listIdConflicts } from './store/scan-reviews.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

const KINDS: ScanEventKind[] = [
  'check-in',
  'check-in',
  'check-in',
  'undo',
  're-entry',
  'override',
  'walk-in',
];
const T0 = Date.UTC(2026, 11, 8, 1, 0, 0);

// serverTime is when the answer was made, cursor and epoch where the fold stands; the rest must
// be equal.
const withoutTime = (r: { serverTime: string }) => {
  const {
    cursor: _c,
    epoch: _e,
    ...rest
  } = r as { serverTime: string; cursor?: number; epoch?: string };
  return { ...rest, serverTime: '' };
};

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`cached report fold on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let tablets: PairResult[];
    let sessionIds: string[];

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Lipatan');
      await a.call(`/api/waves/${f.waves.a}/sessions`, {
        json: {
          name: 'Hari 2',
          startsAt: '2026-12-09T08:00:00+07:00',
          endsAt: '2026-12-09T16:00:00+07:00',
        },
      });
      f.event = await json(await a.call(`/api/events/${f.event.id}`));
      sessionIds = f.event.waves.find((w) => w.id === f.waves.a)!.sessions.map((s) => s.id);
      tablets = [];
      for (const door of ['Pintu Utama', 'Pintu Samping', 'Pintu Belakang']) {
        tablets.push(
          await pairAtDoor(a, f.event.id, { name: `Tablet ${door}`, door, waveIds: [f.waves.a] }),
        );
      }
    });
    afterAll(async () => t?.dispose());

    it('equals the whole refold after every random push', async () => {
      const random = mulberry32(kind.name === 'sqlite' ? 7 : 11);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
      const sent: ScanEvent[] = [];
      let n = 0;
      // A console's copy of the report, kept with deltas only.
      let held: PositionedReport = await json(await a.call(`/api/events/${f.event.id}/attendance`));
      let deltas = 0;
      for (let round = 0; round < 30; round++) {
        const tablet = pick(tablets);
        const batch: ScanEvent[] = [];
        for (let i = 0, size = 1 + Math.floor(random() * 8); i < size; i++) {
          n += 1;
          const k = pick(KINDS);
          const person = pick(f.participants.a);
          const e: ScanEvent = {
            id: `F${kind.name[0]}${String(n).padStart(5, '0')}`,
            deviceId: tablet.deviceId,
            deviceSeq: n,
            participantId: k === 'walk-in' ? null : person.id,
            sessionId: pick(sessionIds),
            kind: k,
            // Times that cross, so the first admission depends on clock corrections.
            deviceTime: T0 + Math.floor(random() * 3_600_000),
            volunteer: pick(['Sari', 'Budi']),
            door: tablet.door,
            verdict:
              k === 'undo' ? null : k === 'check-in' && random() < 0.2 ? 'already-in' : 'admitted',
          };
          if (k === 'undo' && sent.length) e.undoes = pick(sent).id;
          if (k === 'walk-in') e.walkIn = { name: `Tamu ${n}`, business: 'Warung', phone: '0812' };
          if (random() < 0.1) e.flags = ['manual-search'];
          batch.push(e);
        }
        // A repeat of an earlier event now and then (stored once, counted once).
        if (sent.length && random() < 0.3)
          batch.push(pick(sent.filter((e) => e.deviceId === tablet.deviceId).concat(batch)));
        // Without sentAt the scans borrow the device's latest offset, which later pushes move.
        const sentAt = random() < 0.6 ? Date.now() - Math.floor(random() * 600_000) : undefined;
        await push(a, tablet, batch, sentAt);
        sent.push(...batch);

        const [cachedA, cachedC] = [
          await json(await a.call(`/api/events/${f.event.id}/attendance`)),
          await json(await a.call(`/api/events/${f.event.id}/conflicts`)),
        ];
        const full = await loadReportContext(t.store, f.event.id, { refold: true });
        const ids = await listIdConflicts(t.store.db, f.event.id);
        expect(withoutTime(cachedA)).toEqual(withoutTime(attendanceReport(full)));
        expect(withoutTime(cachedC)).toEqual(withoutTime(conflictReport(full, ids)));

        const answer: PositionedReport | AttendanceDelta = await json(
          await a.call(
            `/api/events/${f.event.id}/attendance?after=${held.cursor}&epoch=${held.epoch}`,
          ),
        );
        if (isDelta(answer)) deltas += 1;
        held = isDelta(answer) ? mergeAttendanceDelta(held, answer) : answer;
        expect(withoutTime(held)).toEqual(withoutTime(attendanceReport(full)));
      }
      const report = await json(await a.call(`/api/events/${f.event.id}/attendance`));
      // The run did exercise the fold: people in, and some of them twice by two doors.
      expect(report.sessions.some((s: { count: number }) => s.count > 3)).toBe(true);
      const conflicts = await json(await a.call(`/api/events/${f.event.id}/conflicts`));
      expect(conflicts.doubleAdmissions.length).toBeGreaterThan(0);
      // Most rounds were deltas; a clock correction of borrowed offsets forces a full reload.
      expect(deltas).toBeGreaterThan(10);
    }, 120_000);

    it('stays equal when reports and pushes run at the same time', async () => {
      const tablet = tablets[0]!;
      const people = f.participants.a;
      const work: Promise<unknown>[] = [];
      for (let i = 0; i < 12; i++) {
        const batch = people.slice(0, 10).map((p, k) => ({
          id: `C${kind.name[0]}${String(i * 10 + k).padStart(5, '0')}`,
          deviceId: tablet.deviceId,
          deviceSeq: 10_000 + i * 10 + k,
          participantId: p.id,
          sessionId: sessionIds[(i + k) % sessionIds.length]!,
          kind: 'check-in' as const,
          deviceTime: T0 + (i * 10 + k) * 7_000,
          volunteer: 'Sari',
          door: tablet.door,
          verdict: 'admitted' as const,
        }));
        work.push(push(a, tablet, batch, Date.now()));
        work.push(a.call(`/api/events/${f.event.id}/attendance`));
        work.push(a.call(`/api/events/${f.event.id}/attendance/summary`));
      }
      await Promise.all(work);
      const full = await loadReportContext(t.store, f.event.id, { refold: true });
      const cached = await json(await a.call(`/api/events/${f.event.id}/attendance`));
      expect(withoutTime(cached)).toEqual(withoutTime(attendanceReport(full)));
    }, 120_000);
  });
}
