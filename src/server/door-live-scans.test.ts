// A tablet that opens its live stream with its pull cursor gets other doors' new scans in the
// stream itself (`scans`, with the cursor range they cover), exactly what a pull from that cursor
// would bring: its sessions only, not its own, phones cut; and a `poke` (then a pull) whenever
// the stream cannot carry it. SQLite and PostgreSQL, and two processes on one PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { PulledScanEvent, SyncPullResult } from '../shared/api/sync.js';
import type { StreamedScans } from '../shared/api/sync-cursor.js';
import { LIVE_CURSOR_HEADER, parseCursor } from '../shared/api/sync-cursor.js';
import { createApp } from './app.js';
import { createLogger } from './http/log.js';
import type { Store } from './store/database.js';
import { openStore } from './store/database.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { SseTap } from './testing/sse.js';
import { readUntil, tapSse } from './testing/sse.js';
import type { TestStore } from './testing/stores.js';
import { freshPostgresSchema, postgresReachable, storeKinds } from './testing/stores.js';

/** The `scans` events a stream carried so far. */
const deliveries = (text: string): StreamedScans[] =>
  text
    .split('\n\n')
    .filter((m) => /^event: scans$/m.test(m))
    .map((m) => JSON.parse(/^data: ?(.*)$/m.exec(m)![1]!) as StreamedScans);
const pokes = (text: string) => text.split('\n\n').filter((m) => m.includes('event: poke')).length;

async function pull(a: TestApp, door: PairResult, cursor?: string): Promise<SyncPullResult> {
  const q = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return json(await asDevice(a, door.token, `/api/sync/pull${q}`));
}

const open = async (a: TestApp, door: PairResult, cursor?: string): Promise<SseTap> => {
  const headers: Record<string, string> = cursor ? { [LIVE_CURSOR_HEADER]: cursor } : {};
  const tap = tapSse(await asDevice(a, door.token, '/api/door/live', { headers }));
  await tap.waitFor(/event: ready/);
  return tap;
};

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`door stream carrying scans on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let east: PairResult;
    let west: PairResult;
    let other: PairResult;
    let sessionA: string;
    let sessionB: string;
    let n = 0;
    const person = () => f.participants.a[n++]!.id;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Aliran');
      const made = await a.call(`/api/waves/${f.waves.b}/sessions`, {
        json: {
          name: 'Hari B',
          startsAt: '2026-12-08T08:00:00+07:00',
          endsAt: '2026-12-08T12:00:00+07:00',
        },
      });
      sessionB = (await json(made)).id;
      east = await pairAtDoor(a, f.event.id, { name: 'E', door: 'Timur', waveIds: [f.waves.a] });
      west = await pairAtDoor(a, f.event.id, { name: 'W', door: 'Barat', waveIds: [f.waves.a] });
      other = await pairAtDoor(a, f.event.id, { name: 'O', door: 'Lain', waveIds: [f.waves.b] });
      sessionA = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
    });
    afterAll(() => t?.dispose());

    it('carries other doors’ scans of its sessions, as a pull from its cursor would', async () => {
      const start = (await pull(a, west)).cursor;
      const stream = await open(a, west, start);
      const mine = scan(east, sessionA, person());
      const walkIn = scan(east, sessionA, null, {
        kind: 'walk-in',
        walkIn: { name: 'Tamu', business: 'Warung', phone: '+62 812-3456-7890' },
      });
      await push(a, east, [mine, walkIn]);
      await push(a, other, [scan(other, sessionB, f.participants.b[0]!.id)]); // not its wave
      await push(a, west, [scan(west, sessionA, person())]); // its own
      const last = scan(east, sessionA, person());
      await push(a, east, [last]);
      await stream.waitFor(new RegExp(last.id));
      await new Promise((r) => setTimeout(r, 400));
      const got = deliveries(stream.text());
      expect(pokes(stream.text())).toBe(0);
      // Contiguous: each starts where the last ended, the first at the tablet's cursor.
      expect(got[0]!.from).toBe(parseCursor(start).scans);
      for (let i = 1; i < got.length; i++) expect(got[i]!.from).toBe(got[i - 1]!.to);
      const streamed = got.flatMap((d) => d.events);
      const pulled = await pull(a, west, start);
      expect(streamed.map((e) => e.id)).toEqual(pulled.events.map((e) => e.id));
      expect(streamed).toEqual(pulled.events);
      expect(streamed.every((e) => e.deviceId === east.deviceId)).toBe(true);
      const cut = streamed.find((e) => e.id === walkIn.id) as PulledScanEvent;
      expect(cut.walkIn!.phone).not.toContain('3456');
      expect(cut.walkIn!.phone.replace(/\D/g, '').endsWith('7890')).toBe(true);
      // The pull from the streamed end has nothing of these left.
      const after = await pull(a, west, `${got.at(-1)!.to}.${parseCursor(start).roster}`);
      expect(after.events.filter((e) => streamed.some((s) => s.id === e.id))).toEqual([]);
      await stream.close();
    });

    it('merges what a slow tablet has not taken yet into one delivery, leaving nothing out', async () => {
      const start = (await pull(a, west)).cursor;
      const headers = { [LIVE_CURSOR_HEADER]: start };
      const res = await asDevice(a, west.token, '/api/door/live', { headers });
      const reader = res.body!.getReader();
      const seen = { text: '' };
      await readUntil(reader, seen, /event: ready/);
      // The tablet reads nothing for a while: once the socket holds no more, the batches after
      // it gather into one.
      const sent = [];
      for (let i = 0; i < 7; i++) {
        const e = scan(east, sessionA, person());
        sent.push(e);
        await push(a, east, [e]);
        await new Promise((r) => setTimeout(r, 350));
      }
      await readUntil(reader, seen, new RegExp(sent.at(-1)!.id));
      const got = deliveries(seen.text);
      expect(got.length).toBeLessThan(sent.length);
      expect(got[0]!.from).toBe(parseCursor(start).scans);
      for (let i = 1; i < got.length; i++) expect(got[i]!.from).toBe(got[i - 1]!.to);
      const streamed = got.flatMap((d) => d.events);
      expect(streamed).toEqual((await pull(a, west, start)).events);
      expect(streamed.map((e) => e.id)).toEqual(sent.map((e) => e.id));
      await reader.cancel();
    });

    it('catches up a tablet that connects a little behind, and pokes one it cannot place', async () => {
      const before = (await pull(a, west)).cursor;
      const missed = scan(east, sessionA, person());
      await push(a, east, [missed]);
      // A stream (a tail) must exist for the scan to be in a window: hold one meanwhile.
      const holder = await open(a, east, (await pull(a, east)).cursor);
      await push(a, east, [scan(east, sessionA, person())]);
      await new Promise((r) => setTimeout(r, 400));
      const behind = await open(a, west, before);
      await new Promise((r) => setTimeout(r, 300));
      const text = behind.text();
      // Either the window reaches back to its cursor (scans), or it does not (poke): never silence.
      const got = deliveries(text);
      if (got.length > 0) expect(got[0]!.from).toBe(parseCursor(before).scans);
      else expect(pokes(text)).toBe(1);
      await behind.close();

      const unreadable = await open(a, west, 'no.cursor');
      await unreadable.waitFor(/event: poke/);
      await unreadable.close();
      await holder.close();
    });

    it('pokes and ends on an organizer’s change, so the tablet pulls and reconnects', async () => {
      const stream = await open(a, west, (await pull(a, west)).cursor);
      const cancelled = await a.call(`/api/participants/${f.participants.a[20]!.id}/cancel`, {
        method: 'POST',
      });
      expect(cancelled.status).toBe(200);
      await stream.waitFor(/event: poke/);
      await stream.close();
      // A stream without a cursor (an older tablet) still gets a poke for a scan, no data.
      const old = await open(a, west);
      await push(a, east, [scan(east, sessionA, person())]);
      await old.waitFor(/event: poke/);
      expect(deliveries(old.text())).toEqual([]);
      await old.close();
    });

    it('ends a revoked tablet’s stream, and it cannot open another', async () => {
      const late = await pairAtDoor(a, f.event.id, {
        name: 'L',
        door: 'Akhir',
        waveIds: [f.waves.a],
      });
      const headers = { [LIVE_CURSOR_HEADER]: (await pull(a, late)).cursor };
      const res = await asDevice(a, late.token, '/api/door/live', { headers });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let sawReady: () => void = () => {};
      const ready = new Promise<void>((r) => (sawReady = r));
      const ended = (async () => {
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) return text;
          text += decoder.decode(chunk.value, { stream: true });
          if (text.includes('event: ready')) sawReady();
        }
      })();
      // `ready` comes once the stream listens for its event (headers go out before that).
      await ready;
      const revoked = await a.call(`/api/devices/${late.deviceId}/revoke`, { method: 'POST' });
      expect(revoked.status).toBe(200);
      const timeout = new Promise<string>((r) => setTimeout(() => r('still open'), 5000));
      expect(await Promise.race([ended, timeout])).toMatch(/event: poke/);
      expect((await asDevice(a, late.token, '/api/door/live')).status).toBe(401);
    });
  });
}

const reachable = await postgresReachable();
describe.skipIf(!reachable)('door stream carrying scans across two processes', () => {
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let one: Store;
  let two: Store;
  let a: TestApp;
  let b: TestApp;
  let f: DoorFixture;

  beforeAll(async () => {
    schema = await freshPostgresSchema();
    one = await openStore({ databaseUrl: schema.url });
    two = await openStore({ databaseUrl: schema.url });
    a = await testApp({ store: one, dispose: async () => undefined });
    f = await seedDoorEvent(a, { store: one, dispose: async () => undefined }, 'Dua proses');
    const app = createApp({ store: two, log: createLogger({ silent: true }) });
    b = { ...a, app };
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await schema?.drop();
  });

  it('carries a scan stored by one process to a tablet streaming from the other', async () => {
    const sessionA = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
    const east = await pairAtDoor(a, f.event.id, { name: 'E', door: 'T', waveIds: [f.waves.a] });
    const west = await pairAtDoor(a, f.event.id, { name: 'W', door: 'B', waveIds: [f.waves.a] });
    const start = (await pull(b, west)).cursor;
    const streams = [await open(b, west, start), await open(a, west, start)];
    const sent = [scan(east, sessionA, f.participants.a[0]!.id)];
    await push(a, east, sent);
    sent.push(scan(east, sessionA, f.participants.a[1]!.id));
    await push(a, east, [sent[1]!]);
    for (const s of streams) {
      await s.waitFor(new RegExp(sent[1]!.id));
      const got = deliveries(s.text());
      expect(got[0]!.from).toBe(parseCursor(start).scans);
      expect(got.flatMap((d) => d.events.map((e) => e.id))).toEqual(sent.map((e) => e.id));
      await s.close();
    }
  });
});
