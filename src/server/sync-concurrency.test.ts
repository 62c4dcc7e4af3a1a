// A door pulling while other doors push at once never misses an event: the cursor counts in
// server order, and (PostgreSQL) sequence order is commit order. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { SyncPullResult } from '../shared/api/sync.js';
import { createLiveHub } from './live/hub.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`concurrent sync on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let doors: PairResult[];
    let reader: PairResult;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Serentak');
      const waveIds = [f.waves.a];
      doors = [];
      for (const name of ['A', 'B', 'C']) {
        doors.push(await pairAtDoor(a, f.event.id, { name, door: `Pintu ${name}`, waveIds }));
      }
      reader = await pairAtDoor(a, f.event.id, { name: 'R', door: 'Pintu R', waveIds });
    });
    afterAll(async () => t?.dispose());

    it('pulls every event exactly once while three doors push batches concurrently', async () => {
      const sessionId = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      const pushed = new Set<string>();
      let done = false;
      const pushing = Promise.all(
        doors.map(async (door) => {
          for (let b = 0; b < 8; b++) {
            const events = Array.from({ length: 25 }, (_, i) =>
              scan(door, sessionId, f.participants.a[i % 23]!.id),
            );
            for (const e of events) pushed.add(e.id);
            await push(a, door, events, Date.now());
          }
        }),
      ).finally(() => {
        done = true;
      });
      const pulled: string[] = [];
      let cursor = '0.0';
      const pullOnce = async () => {
        const page: SyncPullResult = await json(
          await asDevice(a, reader.token, `/api/sync/pull?cursor=${cursor}&limit=40`),
        );
        pulled.push(...page.events.map((e) => e.id));
        cursor = page.cursor;
        return page.more;
      };
      while (!done) await pullOnce();
      await pushing;
      while (await pullOnce());
      expect(pulled).toHaveLength(pushed.size);
      expect(new Set(pulled)).toEqual(pushed);
    });

    it('ends a waiting live stream when its hub closes (server shutdown)', async () => {
      const hub = createLiveHub(t.store);
      let woke = 0;
      await hub.subscribe(f.event.id, () => woke++);
      await hub.close();
      expect(hub.closed).toBe(true);
      expect(woke).toBe(1);
    });
  });
}
