// The live streams as the server holds them: over a real socket, written straight to Node's
// response (http/sse.ts) rather than through web streams. A door tablet's stream and an
// organizer's arrivals carry what they carry through app.request(), with every response's
// security headers; a stream the client drops gives its slot back.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { SyncPullResult } from '../shared/api/sync.js';
import { LIVE_CURSOR_HEADER } from '../shared/api/sync-cursor.js';
import { STREAMS_PER_CLIENT } from './http/stream-cap.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, seedDoorEvent } from './testing/devices.js';
import { firstSession, pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { sqliteTestStore } from './testing/stores.js';

describe('live streams over a real socket', () => {
  let t: TestStore;
  let a: TestApp;
  let f: DoorFixture;
  let east: PairResult;
  let west: PairResult;
  let sessionA: string;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    t = await sqliteTestStore();
    a = await testApp(t);
    f = await seedDoorEvent(a, t, 'Aliran Soket');
    sessionA = firstSession(f, 'a');
    east = await pairAtDoor(a, f.event.id, { name: 'E', door: 'Timur', waveIds: [f.waves.a] });
    west = await pairAtDoor(a, f.event.id, { name: 'W', door: 'Barat', waveIds: [f.waves.a] });
    server = serve({ fetch: a.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await t?.dispose();
  });

  /** Opens a stream over the socket and reads it in the background. */
  const open = async (path: string, headers: Record<string, string>) => {
    const aborter = new AbortController();
    const res = await fetch(`${origin}${path}`, { headers, signal: aborter.signal });
    let text = '';
    const reading = (async () => {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (chunk.done) return;
        text += decoder.decode(chunk.value, { stream: true });
      }
    })();
    const waitFor = async (until: RegExp) => {
      const deadline = Date.now() + 5000;
      while (!until.test(text)) {
        if (Date.now() > deadline) throw new Error(`no ${until} in: ${text}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const close = async () => {
      aborter.abort();
      await reading;
    };
    return { res, text: () => text, waitFor, close };
  };

  const asTablet = (door: PairResult, cursor: string) => ({
    authorization: `Bearer ${door.token}`,
    [LIVE_CURSOR_HEADER]: cursor,
  });

  it('carries another door’s scan to a tablet, with the security headers', async () => {
    const pulled: SyncPullResult = await json(await asDevice(a, west.token, '/api/sync/pull'));
    const stream = await open('/api/door/live', asTablet(west, pulled.cursor));
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.res.headers.get('cache-control')).toBe('no-store');
    expect(stream.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(stream.res.headers.get('content-security-policy')).toContain("default-src 'self'");
    await stream.waitFor(/event: ready/);
    const e = scan(east, sessionA, f.participants.a[0]!.id);
    await push(a, east, [e]);
    await stream.waitFor(new RegExp(e.id));
    const data = /event: scans\ndata: (.*)\n/.exec(stream.text())![1]!;
    expect(JSON.parse(data).events.map((x: { id: string }) => x.id)).toEqual([e.id]);
    await stream.close();
  });

  it('gives a dropped stream’s slot back', async () => {
    const cursor = (await json(await asDevice(a, west.token, '/api/sync/pull'))).cursor;
    for (let round = 0; round < 2; round++) {
      const held = [];
      for (let i = 0; i < STREAMS_PER_CLIENT; i++) {
        const s = await open('/api/door/live', asTablet(west, cursor));
        expect(s.res.status).toBe(200);
        await s.waitFor(/event: ready/);
        held.push(s);
      }
      const refused = await fetch(`${origin}/api/door/live`, { headers: asTablet(west, cursor) });
      expect(refused.status).toBe(429);
      await refused.body?.cancel();
      for (const s of held) await s.close();
      // The server hears each close on its own time.
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('carries a scan to the organizer’s arrivals, resumable by its id', async () => {
    const stream = await open(`/api/events/${f.event.id}/live`, { cookie: a.cookie });
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('x-frame-options')).toBe('DENY');
    await stream.waitFor(/event: ready/);
    const e = scan(east, sessionA, f.participants.a[1]!.id);
    await push(a, east, [e]);
    await stream.waitFor(/event: scan\n/);
    expect(stream.text()).toMatch(/event: scan\nid: \d+\ndata: \{/);
    await stream.close();
  });
});
