// Two server processes on one PostgreSQL each keep their own fold of an event; the cursor is the
// database's scan seq, so scans pushed to either process show in reports from both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import { createApp } from './app.js';
import { createLogger } from './http/log.js';
import { loadReportContext } from './scans/report-context.js';
import { attendanceReport } from './scans/report.js';
import type { Store } from './store/database.js';
import { openStore } from './store/database.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import { PG_REQUIRED, PG_URL, freshPostgresSchema, postgresReachable } from './testing/stores.js';

const reachable = await postgresReachable();
if (!reachable && PG_REQUIRED) throw new Error(`PostgreSQL required but unreachable: ${PG_URL}`);

describe.skipIf(!reachable)('reports from two processes sharing PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let one: Store;
  let two: Store;
  let a: TestApp;
  let f: DoorFixture;
  let tablet: PairResult;
  let sessionId: string;
  // The second process: the same app over its own store (its own pool and fold cache).
  let second: (path: string) => Promise<Response>;

  beforeAll(async () => {
    schema = await freshPostgresSchema();
    one = await openStore({ databaseUrl: schema.url });
    two = await openStore({ databaseUrl: schema.url });
    a = await testApp({ store: one, dispose: async () => undefined });
    f = await seedDoorEvent(a, { store: one, dispose: async () => undefined }, 'Dua proses');
    sessionId = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
    tablet = await pairAtDoor(a, f.event.id, { name: 'T', door: 'Pintu', waveIds: [f.waves.a] });
    const app = createApp({
      store: two,
      log: createLogger({ silent: true }),
    });
    second = async (path) => app.request(path, { headers: { cookie: a.cookie } });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await schema?.drop();
  });

  it('shows scans pushed to the first process in the second one’s reports, and back', async () => {
    const path = `/api/events/${f.event.id}/attendance`;
    const count = async (call: (p: string) => Promise<Response>) =>
      (await json(await call(path))).sessions.find(
        (s: { sessionId: string }) => s.sessionId === sessionId,
      ).count;
    expect(await count(second)).toBe(0);
    expect(await count(a.call)).toBe(0);
    await push(a, tablet, [scan(tablet, sessionId, f.participants.a[0]!.id)]);
    expect(await count(second)).toBe(1);
    await push(a, tablet, [
      scan(tablet, sessionId, f.participants.a[1]!.id),
      scan(tablet, sessionId, f.participants.a[2]!.id),
    ]);
    expect(await count(second)).toBe(3);
    expect(await count(a.call)).toBe(3);
    const full = attendanceReport(await loadReportContext(two, f.event.id, { refold: true }));
    const cached = await json(await second(path));
    expect({ ...cached, serverTime: '', cursor: 0, epoch: '' }).toEqual({
      ...full,
      serverTime: '',
      cursor: 0,
      epoch: '',
    });
  });
});
