// Acknowledgement loss: the server commits a push, then the answer never reaches the tablet (a
// proxy in between drops the connection after the server has answered). The tablet retries the
// same batch; every retry that gets through is answered 2xx, and each event id is stored once.
// The real app on a real port, behind a real TCP proxy; SQLite and PostgreSQL.
import type { AddressInfo } from 'node:net';
import { createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { SyncPushResult } from '../shared/api/sync.js';
import type { TestApp } from './testing/app.js';
import { testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/**
 * Forwards every request to `target`; for the first `drop` pushes it reads the whole answer from
 * the server (so the server has committed) and then cuts the client's connection instead.
 */
function lossyProxy(target: number, drop: number): { server: Server; dropped: () => number } {
  let dropped = 0;
  const server = createServer((req, res) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          if (req.url === '/api/sync/push' && dropped < drop) {
            dropped += 1;
            res.socket?.destroy(); // committed on the server, lost on the way back
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    upstream.on('error', () => res.socket?.destroy());
    req.pipe(upstream);
  });
  return { server, dropped: () => dropped };
}

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`acknowledgement loss on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let tablet: PairResult;
    let session: string;
    let appServer: ReturnType<typeof serve>;
    let appPort: number;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan UMKM 2026');
      session = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      tablet = await pairAtDoor(a, f.event.id, {
        name: 'Tablet',
        door: 'Pintu Utara',
        waveIds: [f.waves.a],
      });
      appPort = await new Promise<number>((resolve) => {
        appServer = serve({ fetch: a.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
          resolve(info.port),
        );
      });
    });
    afterAll(async () => {
      await new Promise((r) => appServer?.close(r));
      await t?.dispose();
    });

    it('retries after lost answers store each event once and are all answered 2xx', async () => {
      const proxy = lossyProxy(appPort, 3);
      const port = await listen(proxy.server);
      const events = f.participants.a.slice(0, 12).map((p) => scan(tablet, session, p.id));
      const answers: { status: number; body: SyncPushResult }[] = [];
      let lost = 0;
      // The tablet's loop: send the same batch until an answer arrives.
      for (let attempt = 0; attempt < 10 && answers.length === 0; attempt++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/sync/push`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tablet.token}`,
            },
            body: JSON.stringify({ events, sentAt: Date.now() }),
          });
          answers.push({ status: res.status, body: (await res.json()) as SyncPushResult });
        } catch {
          lost += 1;
        }
      }
      await new Promise((r) => proxy.server.close(r));
      expect(lost).toBe(3);
      expect(proxy.dropped()).toBe(3);
      expect(answers).toHaveLength(1);
      expect(answers[0]!.status).toBe(200);
      // The first (lost) attempt stored them all; the answered retry says so, event by event.
      expect(answers[0]!.body.results.map((r) => r.status)).toEqual(events.map(() => 'duplicate'));
      const rows = await t.store.db
        .selectFrom('scan_events')
        .select(['id'])
        .where(
          'id',
          'in',
          events.map((e) => e.id),
        )
        .execute();
      expect(rows.map((r) => r.id).sort()).toEqual(events.map((e) => e.id).sort());
    });
  });
}
