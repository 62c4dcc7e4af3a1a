// Live arrivals over server-sent events, on SQLite and PostgreSQL. With PostgreSQL the scan is
// pushed through a second app on its own connection pool, as another server process would:
// it reaches the first app's live view through LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveScan } from '../shared/api/attendance.js';
import type { PairResult } from '../shared/api/door.js';
import { createApp } from './app.js';
import { createLogger } from './http/log.js';
import type { Store } from './store/database.js';
import { openStore } from './store/database.js';
import type { TestApp } from './testing/app.js';
import { testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';
import { readUntil } from './testing/sse.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`live arrivals on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let tablet: PairResult;
    let other: Store | null = null;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Live');
      tablet = await pairAtDoor(a, f.event.id, {
        name: 'Tablet',
        door: 'Pintu Timur',
        waveIds: [f.waves.a],
      });
    });
    afterAll(async () => {
      await other?.close();
      await t?.dispose();
    });

    it('sends each new scan once, with its server sequence as the SSE id', async () => {
      const sessionId = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      const res = await a.call(`/api/events/${f.event.id}/live`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      const seen = { text: '' };
      await readUntil(reader, seen, /event: ready/);

      // Another "process" for PostgreSQL; the same app for SQLite (one process by design).
      let pushApp = a.app;
      if (t.store.databaseUrl) {
        other = await openStore({ databaseUrl: t.store.databaseUrl });
        pushApp = createApp({
          store: other,
          log: createLogger({ silent: true }),
        });
      }
      const events = [0, 1].map((i) => scan(tablet, sessionId, f.participants.a[i]!.id));
      const pushed = await pushApp.request('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tablet.token}` },
        body: JSON.stringify({ events }),
      });
      expect(pushed.status).toBe(200);
      const text = await readUntil(reader, seen, new RegExp(events[1]!.id));
      const messages = text
        .split('\n\n')
        .filter((m) => m.includes('event: scan'))
        .map((m) => ({
          id: /^id: (\d+)$/m.exec(m)![1]!,
          data: JSON.parse(/^data: (.*)$/m.exec(m)![1]!) as LiveScan,
        }));
      expect(messages.map((m) => m.data.id)).toEqual(events.map((e) => e.id));
      expect(Number(messages[1]!.id)).toBeGreaterThan(Number(messages[0]!.id));
      expect(messages[0]!.data).toMatchObject({ door: 'Pintu Timur', volunteer: 'Sari' });
      // The console shows who it was and which tablet, not ids.
      const p0 = f.participants.a[0]!;
      expect(messages[0]!.data.person).toEqual({
        name: p0.name,
        business: p0.business,
        waveId: f.waves.a,
      });
      expect(messages[0]!.data.deviceName).toBe('Tablet');
      expect(Date.parse(messages[0]!.data.correctedTime)).toBe(events[0]!.deviceTime);
      await reader.cancel();
    });

    it('opens with the latest scans when asked for recent ones', async () => {
      const res = await a.call(`/api/events/${f.event.id}/live?recent=1`);
      const reader = res.body!.getReader();
      const seen = { text: '' };
      const text = await readUntil(reader, seen, /event: scan[\s\S]*\n\n/);
      const sent = text
        .split('\n\n')
        .filter((m) => m.includes('event: scan'))
        .map((m) => (JSON.parse(/^data: (.*)$/m.exec(m)![1]!) as LiveScan).person?.name);
      // Only the latest one: the second of the two pushed above.
      expect(sent).toEqual([f.participants.a[1]!.name]);
      await reader.cancel();
      expect((await a.call(`/api/events/${f.event.id}/live?recent=99`)).status).toBe(400);
    });

    it('needs an organizer, and a known event', async () => {
      expect((await a.app.request(`/api/events/${f.event.id}/live`)).status).toBe(401);
      expect((await a.call('/api/events/NOPE/live')).status).toBe(404);
    });
  });
}
