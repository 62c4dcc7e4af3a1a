// Tablets report themselves with each sync (unsynced scans, roster and app version, clock,
// storage), on SQLite and PostgreSQL; the devices list shows the latest report. Old tablets
// (no report) and unreadable reports still sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceList, PairResult } from '../shared/api/door.js';
import type { TestApp } from './testing/app.js';
import { json } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice } from './testing/devices.js';
import { doorWithTablet, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`device reports on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let tablet: PairResult;
    let sessionA: string;

    beforeAll(async () => {
      t = await kind.open();
      ({ a, f, sessionA, tablet } = await doorWithTablet(t, 'Laporan Tablet'));
    });
    afterAll(async () => t?.dispose());

    const shown = async () => {
      const list: DeviceList = await json(await a.call(`/api/events/${f.event.id}/devices`));
      return list.devices.find((d) => d.id === tablet.deviceId)!;
    };

    it('shows no report before the tablet sends one; an old tablet still syncs', async () => {
      expect((await shown()).report).toBeNull();
      await push(a, tablet, [scan(tablet, sessionA, f.participants.a[0]!.id)]);
      expect((await asDevice(a, tablet.token, '/api/sync/pull')).status).toBe(200);
      expect((await shown()).report).toBeNull();
    });

    it('keeps the report sent with a push, less the events that push delivered', async () => {
      const oldest = Date.UTC(2026, 11, 8, 1, 0, 0);
      const res = await asDevice(a, tablet.token, '/api/sync/push', {
        json: {
          events: [scan(tablet, sessionA, f.participants.a[1]!.id)],
          report: {
            unsynced: 7,
            oldestUnsyncedAt: oldest,
            rosterVersion: 'v-123',
            appVersion: '0.1.0',
            serverMinusDeviceMs: -185_000,
            storagePersisted: false,
          },
        },
      });
      expect(res.status).toBe(200);
      const d = await shown();
      expect(d.report).toMatchObject({
        unsynced: 6, // 7 waiting when sent, one of them in this push

        oldestUnsyncedAt: new Date(oldest).toISOString(),
        rosterVersion: 'v-123',
        appVersion: '0.1.0',
        serverMinusDeviceMs: -185_000,
        storagePersisted: false,
      });
      expect(Date.parse(d.report!.reportedAt)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('replaces it with the one sent with the pull that follows', async () => {
      const report = { unsynced: 0, rosterVersion: 'v-124', storagePersisted: true };
      const q = encodeURIComponent(JSON.stringify(report));
      expect((await asDevice(a, tablet.token, `/api/sync/pull?report=${q}`)).status).toBe(200);
      expect((await shown()).report).toMatchObject({
        unsynced: 0,
        oldestUnsyncedAt: null,
        rosterVersion: 'v-124',
        appVersion: null,
        storagePersisted: true,
      });
    });

    it('says whether the event data the tablet holds is current', async () => {
      expect((await shown()).report?.rosterCurrent).toBe(false); // 'v-124' is made up
      const manifest = await json(await asDevice(a, tablet.token, '/api/door/manifest'));
      const q = encodeURIComponent(
        JSON.stringify({ unsynced: 0, rosterVersion: manifest.version }),
      );
      await asDevice(a, tablet.token, `/api/sync/pull?report=${q}`);
      expect((await shown()).report?.rosterCurrent).toBe(true);
    });

    it('ignores an unreadable report and syncs all the same', async () => {
      const before = (await shown()).report;
      const pushed = await asDevice(a, tablet.token, '/api/sync/push', {
        json: {
          events: [scan(tablet, sessionA, f.participants.a[2]!.id)],
          report: { unsynced: -1 },
        },
      });
      expect(pushed.status).toBe(200);
      const pulled = await asDevice(a, tablet.token, '/api/sync/pull?report=%7Bnot-json');
      expect(pulled.status).toBe(200);
      expect((await shown()).report).toEqual(before);
    });

    it('counts nothing left when a push delivered everything that waited', async () => {
      await asDevice(a, tablet.token, '/api/sync/push', {
        json: {
          events: [scan(tablet, sessionA, f.participants.a[3]!.id)],
          report: { unsynced: 1, oldestUnsyncedAt: Date.UTC(2026, 11, 8, 1, 0, 0) },
        },
      });
      expect((await shown()).report).toMatchObject({ unsynced: 0, oldestUnsyncedAt: null });
    });
  });
}
