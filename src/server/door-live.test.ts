// A tablet's own live stream pokes it when its event has news: another door's scan, a session
// or roster change, on SQLite and PostgreSQL (where a second "process" stores the scan).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { TestApp } from './testing/app.js';
import { testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import { readUntil, tapSse } from './testing/sse.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

const pokes = (text: string) => text.split('\n\n').filter((m) => m.includes('event: poke')).length;

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`door live stream on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let doorA: PairResult;
    let doorB: PairResult;
    let sessionId: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Poke');
      const waveIds = [f.waves.a];
      doorA = await pairAtDoor(a, f.event.id, { name: 'A', door: 'Pintu A', waveIds });
      doorB = await pairAtDoor(a, f.event.id, { name: 'B', door: 'Pintu B', waveIds });
      sessionId = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
    });
    afterAll(() => t?.dispose());

    it('pokes a tablet when another door stores a scan, and when the organizer edits', async () => {
      const res = await asDevice(a, doorB.token, '/api/door/live');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      const seen = { text: '' };
      await readUntil(reader, seen, /event: ready/);
      expect(pokes(seen.text)).toBe(0);

      await push(a, doorA, [scan(doorA, sessionId, f.participants.a[0]!.id)]);
      await readUntil(reader, seen, /event: poke/);
      expect(pokes(seen.text)).toBe(1);

      // A session moved by the organizer reaches the tablet without waiting for a poll.
      const moved = await a.call(`/api/sessions/${sessionId}`, {
        method: 'PATCH',
        json: {
          name: 'Hari 1 — dimajukan',
          startsAt: '2026-12-08T07:00:00+07:00',
          endsAt: '2026-12-08T12:00:00+07:00',
        },
      });
      expect(moved.status).toBe(200);
      await readUntil(reader, seen, /(event: poke[\s\S]*){2}/);

      const cancelled = await a.call(`/api/participants/${f.participants.a[1]!.id}/cancel`, {
        method: 'POST',
      });
      expect(cancelled.status).toBe(200);
      await readUntil(reader, seen, /(event: poke[\s\S]*){3}/);
      await reader.cancel();
    });

    it('does not poke a tablet about its own push', async () => {
      const stream = tapSse(await asDevice(a, doorA.token, '/api/door/live'));
      await stream.waitFor(/event: ready/);
      await push(a, doorA, [scan(doorA, sessionId, f.participants.a[2]!.id)]);
      await new Promise((r) => setTimeout(r, 800));
      expect(pokes(stream.text())).toBe(0);
      await push(a, doorB, [scan(doorB, sessionId, f.participants.a[3]!.id)]);
      await stream.waitFor(/event: poke/);
      expect(pokes(stream.text())).toBe(1);
      await stream.close();
    });

    it('needs a live device token', async () => {
      expect((await a.app.request('/api/door/live')).status).toBe(401);
      expect((await asDevice(a, 'not-a-token', '/api/door/live')).status).toBe(401);
    });
  });
}
