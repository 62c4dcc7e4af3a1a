// What a tablet may do and see, on SQLite and PostgreSQL: undo only its own scans, pull only its
// own waves' events, see another door's walk-in phone as four digits; and every scan the server
// refuses is kept with its reason for the organizer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RejectionReport } from '../shared/api/attendance.js';
import type { PairResult } from '../shared/api/door.js';
import type { SyncPullResult } from '../shared/api/sync.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`sync rules on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let east: PairResult;
    let west: PairResult;
    let south: PairResult;
    let sessionA: string;
    let sessionB: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Aturan Sinkron');
      sessionA = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      const b = await a.call(`/api/waves/${f.waves.b}/sessions`, {
        json: { name: 'Hari 1 B', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
      });
      sessionB = (await json(b)).id;
      const pair = (name: string, waveIds: string[]) =>
        pairAtDoor(a, f.event.id, { name, door: `Pintu ${name}`, waveIds });
      east = await pair('Timur', [f.waves.a]);
      west = await pair('Barat', [f.waves.a]);
      south = await pair('Selatan', [f.waves.b]);
    });
    afterAll(async () => t?.dispose());

    const pullAll = async (device: PairResult) => {
      const page: SyncPullResult = await json(
        await asDevice(a, device.token, '/api/sync/pull?limit=2000'),
      );
      return page.events;
    };
    const rejections = async (): Promise<RejectionReport> =>
      json(await a.call(`/api/events/${f.event.id}/rejections`));

    it('answers 403 undo-not-own to an undo of another device’s scan, and stores an undo of its own', async () => {
      const theirs = scan(east, sessionA, f.participants.a[0]!.id);
      const mine = scan(west, sessionA, f.participants.a[1]!.id);
      await push(a, east, [theirs]);
      await push(a, west, [mine]);
      const undo = (target: string) =>
        scan(west, sessionA, null, { kind: 'undo', verdict: null, undoes: target });
      const foreign = undo(theirs.id);
      const own = undo(mine.id);
      const res = await push(a, west, [foreign, own]);
      expect(res.results.map((r) => [r.status, r.httpStatus, r.code])).toEqual([
        ['rejected', 403, 'undo-not-own'],
        ['stored', 201, undefined],
      ]);
      expect(res.results[0]!.message).toMatch(/sendiri.* \/ .*own/);
      expect((await pullAll(east)).map((e) => e.id)).not.toContain(foreign.id);
    });

    it('gives a tablet only the events of its own waves', async () => {
      const inB = scan(south, sessionB, f.participants.b[0]!.id);
      const inA = scan(east, sessionA, f.participants.a[2]!.id);
      await push(a, south, [inB]);
      await push(a, east, [inA]);
      const westSees = (await pullAll(west)).map((e) => e.id);
      expect(westSees).toContain(inA.id);
      expect(westSees).not.toContain(inB.id);
      const southSees = await pullAll(south);
      expect(southSees.every((e) => e.sessionId === sessionB)).toBe(true);
      expect(southSees.map((e) => e.id)).not.toContain(inA.id);
    });

    it('sends another door’s walk-in phone as its last four digits only', async () => {
      const walkIn = scan(east, sessionA, null, {
        kind: 'walk-in',
        walkIn: { name: 'Tamu Baru', business: 'Warung', phone: '+62 812-3456-7890' },
      });
      await push(a, east, [walkIn]);
      const pulled = (await pullAll(west)).find((e) => e.id === walkIn.id)!;
      expect(pulled.walkIn).toEqual({ name: 'Tamu Baru', business: 'Warung', phone: '7890' });
      expect(JSON.stringify(await pullAll(west))).not.toContain('3456');
      // The organizer still has the whole number.
      const row = await t.store.db
        .selectFrom('scan_events')
        .select('body')
        .where('id', '=', walkIn.id)
        .executeTakeFirstOrThrow();
      expect(row.body).toContain('+62 812-3456-7890');
    });

    it('keeps every refused scan with its code and reason for the organizer, once', async () => {
      const before = (await rejections()).rejections.length;
      const wrongSession = scan(east, sessionB, f.participants.b[1]!.id);
      const foreign = scan(west, sessionA, f.participants.a[3]!.id);
      const malformed = { ...scan(east, sessionA, null), kind: 'teleport' };
      for (let i = 0; i < 2; i++) await push(a, east, [wrongSession, foreign, malformed]);
      const report = await rejections();
      const fresh = report.rejections.slice(before);
      expect(fresh.map((r) => [r.id, r.code, r.deviceName])).toEqual([
        [wrongSession.id, 'session-not-allowed', 'Timur'],
        [foreign.id, 'wrong-device', 'Timur'],
        [malformed.id, 'invalid-event', 'Timur'],
      ]);
      expect(fresh.every((r) => / \/ /.test(r.message))).toBe(true);
      expect(fresh[2]!.body).toMatchObject({ id: malformed.id, kind: 'teleport' });
      // The undo refused in the first test is there too.
      expect(report.rejections.some((r) => r.code === 'undo-not-own')).toBe(true);
    });

    it('keeps the rejections list behind sign-in, and 404 for an unknown event', async () => {
      const anon = await a.app.request(`/api/events/${f.event.id}/rejections`);
      expect(anon.status).toBe(401);
      expect((await a.call('/api/events/NOPE/rejections')).status).toBe(404);
    });
  });
}
