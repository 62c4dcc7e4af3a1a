// What a busy door's push costs the server, on SQLite and PostgreSQL (docs/scaling.md): the
// device's contact, clock and report are written when they say something new or grow stale, not
// with every push, and the answer's manifest version is read at most once
// a second per event — without the organizer ever seeing less. On PostgreSQL such a push is two
// prepared statements (its authentication, and the insert that locks, stores and notifies),
// counted at the driver; a push that holds a stored copy still gets its duplicate or conflict
// answer.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeviceList, PairResult } from '../shared/api/door.js';
import type { SyncPushResult } from '../shared/api/sync.js';
import { CLOCK_SAME_MS, CONTACT_REFRESH_MS } from './store/devices.js';
import { STANDING_REUSE_MS } from './store/door-standing.js';
import type { TestApp } from './testing/app.js';
import { json } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice } from './testing/devices.js';
import { doorWithTablet, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`a busy door's push on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let tablet: PairResult;
    let sessionA: string;
    let next = 0;

    beforeAll(async () => {
      t = await kind.open();
      ({ a, f, sessionA, tablet } = await doorWithTablet(t, 'Pintu Sibuk'));
    });
    afterAll(async () => t?.dispose());
    afterEach(() => vi.useRealTimers());

    const shown = async () => {
      const list: DeviceList = await json(await a.call(`/api/events/${f.event.id}/devices`));
      return list.devices.find((d) => d.id === tablet.deviceId)!;
    };
    /** Pushes one new scan with this report, the tablet's clock `ahead` ms fast. */
    const pushWith = async (report: object, ahead = 0): Promise<SyncPushResult> => {
      const e = scan(tablet, sessionA, f.participants.a[next++]!.id);
      const res = await asDevice(a, tablet.token, '/api/sync/push', {
        json: { events: [e], sentAt: Date.now() + ahead, report },
      });
      expect(res.status).toBe(200);
      return json(res);
    };
    const report = { unsynced: 1, rosterVersion: 'v-1', appVersion: '0.1.0' };
    // Only Date is frozen: the database drivers keep their real timers.
    const freeze = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });

    it('writes contact, clock and report when they say something new, or as they grow stale', async () => {
      freeze();
      const t0 = Date.now();
      await pushWith(report);
      let d = await shown();
      expect(Date.parse(d.lastSeenAt!)).toBe(t0);
      expect(Date.parse(d.report!.reportedAt)).toBe(t0);
      expect(d.report!.unsynced).toBe(0); // one waiting when sent, and this push delivered it

      // A second later the same report, the clock a little off: nothing the organizer would see.
      vi.setSystemTime(t0 + 1000);
      await pushWith(report, CLOCK_SAME_MS / 2);
      d = await shown();
      expect(Date.parse(d.lastSeenAt!)).toBe(t0);
      expect(Date.parse(d.report!.reportedAt)).toBe(t0);

      // Scans piling up on the tablet: written at once.
      vi.setSystemTime(t0 + 2000);
      await pushWith({ ...report, unsynced: 9 });
      d = await shown();
      expect(d.report!.unsynced).toBe(8);
      expect(Date.parse(d.report!.reportedAt)).toBe(t0 + 2000);

      // The tablet's clock jumps seven minutes: its offset is written at once.
      vi.setSystemTime(t0 + 3000);
      await pushWith({ ...report, unsynced: 9 }, 7 * 60_000);
      d = await shown();
      expect(Math.abs(d.serverMinusDeviceMs! + 7 * 60_000)).toBeLessThan(1000);
      expect(Date.parse(d.lastSeenAt!)).toBe(t0 + 3000);

      // Nothing new, but the contact is getting stale: contact and report are written again.
      vi.setSystemTime(t0 + 3000 + CONTACT_REFRESH_MS);
      await pushWith({ ...report, unsynced: 9 }, 7 * 60_000);
      d = await shown();
      expect(Date.parse(d.lastSeenAt!)).toBe(t0 + 3000 + CONTACT_REFRESH_MS);
      expect(d.report!.reportedAt).toBe(d.lastSeenAt);
    });

    it('answers with the manifest version of an organizer change made a moment before', async () => {
      freeze();
      const before = (await pushWith(report)).manifestVersion;
      const renamed = await a.call(`/api/events/${f.event.id}`, {
        method: 'PATCH',
        json: { name: 'Pintu Sibuk — hari kedua' },
      });
      expect(renamed.status).toBe(200);
      // Well inside the time a process reuses what it read: the change still shows at once.
      vi.setSystemTime(Date.now() + STANDING_REUSE_MS / 10);
      const after = (await pushWith(report)).manifestVersion;
      expect(after).not.toBe(before);
      const pull = await json(await asDevice(a, tablet.token, '/api/sync/pull'));
      expect(after).toBe(pull.manifestVersion);
    });

    // PostgreSQL's driver is the one counted: SQLite makes no round trips.
    if (kind.name === 'postgres') {
      it('is two statements on PostgreSQL, and still answers a duplicate and a conflict', async () => {
        freeze();
        await pushWith(report); // contact, clock and report written; the version read
        const query = vi.spyOn(pg.Client.prototype, 'query');
        try {
          vi.setSystemTime(Date.now() + 500);
          const e = scan(tablet, sessionA, f.participants.a[next++]!.id);
          const send = async (events: unknown[]) => {
            const res = await asDevice(a, tablet.token, '/api/sync/push', {
              json: { events, sentAt: Date.now(), report },
            });
            expect(res.status).toBe(200);
            const answer: SyncPushResult = await json(res);
            return answer.results.map((r) => r.status);
          };
          query.mockClear();
          expect(await send([e])).toEqual(['stored']);
          expect(query).toHaveBeenCalledTimes(2);
          // Both recur with every push, so PostgreSQL has them prepared: bound, never re-planned.
          for (const [sent] of query.mock.calls) expect(sent).toMatchObject({ name: /^hadir_/ });

          const changed = { ...e, volunteer: 'Budi' };
          expect(await send([e, changed])).toEqual(['duplicate', 'conflict']);
        } finally {
          query.mockRestore();
        }
        const kept = await t.store.db
          .selectFrom('scan_conflicts')
          .select('body')
          .where('event_id', '=', f.event.id)
          .execute();
        expect(kept).toHaveLength(1);
        expect(kept[0]!.body).toContain('Budi');
      });
    }
  });
}
