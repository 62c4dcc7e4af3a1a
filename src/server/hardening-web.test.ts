// The security review of issue 13, in-process on SQLite and PostgreSQL: cross-site writes are
// refused in words, HSTS only behind https, weak passwords refused on every form that sets one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createLogger } from './http/log.js';
import { STREAMS_PER_CLIENT } from './http/stream-cap.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, pairTablet, seedDoorEvent } from './testing/devices.js';
import { scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';
import { tapSse } from './testing/sse.js';
import { callAs, tokenOf } from './testing/team.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`hardening on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan Keamanan');
    });
    afterAll(async () => t?.dispose());

    describe('cross-site writes', () => {
      const cancel = (id: string, headers: Record<string, string>) =>
        a.call(`/api/participants/${id}/cancel`, { method: 'POST', headers });

      it('refuses a bodiless cancel from another port of the same host, in words', async () => {
        const p = f.participants.a[0]!;
        const res = await cancel(p.id, { origin: 'http://localhost:5173' });
        expect(res.status).toBe(403);
        const body = await json(res);
        expect(body.error.code).toBe('cross-site-request');
        expect(body.error.messages.id).toMatch(/situs lain/);
        const after = await json(await a.call(`/api/participants/${p.id}`));
        expect(after.status).not.toBe('cancelled');
      });

      it('refuses Sec-Fetch-Site cross-site and same-site, and Origin null', async () => {
        const p = f.participants.a[1]!;
        for (const headers of <Record<string, string>[]>[
          { 'sec-fetch-site': 'cross-site' },
          { 'sec-fetch-site': 'same-site', origin: 'http://localhost:9999' },
          { 'sec-fetch-site': 'same-site' },
          { origin: 'null' },
          { origin: 'https://evil.example' },
        ]) {
          expect((await cancel(p.id, headers)).status, JSON.stringify(headers)).toBe(403);
        }
        // Sign-out is a write too.
        const out = await a.call('/api/auth/logout', {
          method: 'POST',
          headers: { origin: 'https://evil.example' },
        });
        expect(out.status).toBe(403);
      });

      it('accepts the same origin, the PUBLIC_URL origin and callers without browser headers', async () => {
        const [p1, p2, p3] = f.participants.a.slice(2, 5);
        const own = await cancel(p1!.id, {
          origin: 'http://localhost',
          'sec-fetch-site': 'same-origin',
        });
        expect(own.status).toBe(200);
        expect((await cancel(p2!.id, { origin: 'https://hadir.test' })).status).toBe(200);
        expect((await cancel(p3!.id, {})).status).toBe(200);
      });

      it('behind a trusted proxy without PUBLIC_URL, accepts the forwarded host only', async () => {
        const app = createApp({
          store: t.store,
          log: createLogger({ silent: true }),
          trustProxy: true,
        });
        // A session of its own: signing it out leaves the suite's session alone.
        const login = await app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'panitia', password: 'rahasia-panitia-1' }),
        });
        const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
        const logout = (headers: Record<string, string>) =>
          app.request('http://127.0.0.1:8080/api/auth/logout', {
            method: 'POST',
            headers: { cookie, ...headers },
          });
        const viaProxy = { origin: 'https://hadir.kota.go.id', 'sec-fetch-site': 'same-origin' };
        expect((await logout(viaProxy)).status).toBe(403);
        expect(
          (await logout({ ...viaProxy, 'x-forwarded-host': 'evil.example, hadir.kota.go.id' }))
            .status,
        ).toBe(204);
        expect((await logout({ ...viaProxy, 'x-forwarded-host': 'evil.example' })).status).toBe(
          403,
        );
      });

      it('leaves door tablets with a bearer token alone', async () => {
        const device = await pairTablet(a, f.event.id, [f.waves.a]);
        const session = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!;
        const res = await a.app.request('/api/sync/push', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${device.token}`,
            'content-type': 'application/json',
            origin: 'http://10.0.0.7:8080',
          },
          body: JSON.stringify({ events: [scan(device, session.id, f.participants.a[9]!.id)] }),
        });
        expect(res.status).toBe(200);
        expect((await asDevice(a, device.token, '/api/door/manifest')).status).toBe(200);
      });
    });

    describe('HSTS', () => {
      it('is sent only when PUBLIC_URL is https', async () => {
        const headerFor = async (publicUrl: string | undefined) => {
          const app = createApp({ store: t.store, log: createLogger({ silent: true }), publicUrl });
          return (await app.request('/api/health')).headers.get('strict-transport-security');
        };
        expect(await headerFor('https://hadir.test')).toMatch(/max-age=\d{7,}/);
        expect(await headerFor('http://192.168.1.10:8080')).toBeNull();
        expect(await headerFor(undefined)).toBeNull();
      });
    });

    describe('new passwords', () => {
      const weak = [
        'bismillah123',
        'Password123',
        '          x',
        '           ',
        'short',
        'rahasia123!',
      ];

      it('refuses weak ones when accepting an invitation, in words', async () => {
        const invited = await json(
          await a.call('/api/team/invitations', { json: { role: 'staf' } }),
        );
        for (const password of weak) {
          const res = await a.app.request('/api/team/invitations/accept', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ token: tokenOf(invited.link), username: 'sari', password }),
          });
          expect(res.status, password).toBe(400);
          const body = await json(res);
          expect(body.error.code).toBe('weak-password');
          expect(body.error.messages.en).toMatch(/password/i);
        }
      });

      it('refuses weak ones on a password change', async () => {
        for (const next of weak) {
          const res = await a.call('/api/auth/password', {
            json: { current: 'rahasia-panitia-1', next },
          });
          expect(res.status, next).toBe(400);
          expect((await json(res)).error.code).toBe('weak-password');
        }
      });
    });
  });
}

describe('new passwords at setup', () => {
  it('refuses a common one before the account is made', async () => {
    const [sqlite] = await storeKinds();
    const t = await sqlite!.open();
    try {
      const { openSetup } = await import('./auth/setup.js');
      const app = createApp({ store: t.store, log: createLogger({ silent: true }) });
      const token = await openSetup(t.store);
      const setup = (password: string) =>
        app.request('/api/setup', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token, username: 'admin', password }),
        });
      const refused = await setup('indonesia123');
      expect(refused.status).toBe(400);
      expect((await json(refused)).error.messages.id).toMatch(/terlalu umum/);
      expect((await setup('1234567890')).status).toBe(400);
      expect((await setup('jalan-kenari-7-pamulang')).status).toBe(201);
    } finally {
      await t.dispose();
    }
  });
});

describe('static files in production', () => {
  let t: TestStore;
  let a: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hadir-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Hadir shell</title>');
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, '.vite'));
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'app-1234.js.map'), '{"sourcesContent":["secret"]}');
    writeFileSync(join(dir, '.vite', 'manifest.json'), '{"index.html":{}}');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    const [sqlite] = await storeKinds();
    t = await sqlite!.open();
    a = await testApp(t, { publicDir: dir });
  });
  afterAll(async () => {
    await t?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves no source map, dotfile or dot-folder, and not the shell in their place', async () => {
    for (const path of [
      '/assets/app-1234.js.map',
      '/.vite/manifest.json',
      '/.env',
      '/%2Evite/manifest.json',
      '/assets/../.env',
    ]) {
      const res = await a.app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toMatch(/secret|SECRET|index\.html|Hadir shell/);
    }
    expect((await a.app.request('/assets/app-1234.js')).status).toBe(200);
  });
});

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`live streams per client on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan Arus');
    });
    afterAll(async () => t?.dispose());

    it(`lets one session hold ${STREAMS_PER_CLIENT} arrival streams, then answers 429 in words`, async () => {
      const open = (call: (p: string) => Promise<Response>) =>
        call(`/api/events/${f.event.id}/live`);
      const taps = [];
      for (let i = 0; i < STREAMS_PER_CLIENT; i++) {
        const res = await open((p) => a.call(p));
        expect(res.status).toBe(200);
        const tap = tapSse(res);
        await tap.waitFor(/event: ready/);
        taps.push(tap);
      }
      const refused = await open((p) => a.call(p));
      expect(refused.status).toBe(429);
      const body = await json(refused);
      expect(body.error.code).toBe('too-many-streams');
      expect(body.error.messages.id).toMatch(/tampilan langsung/);
      // Another session of the same member is counted apart.
      const login = await a.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'panitia', password: 'rahasia-panitia-1' }),
      });
      const other = login.headers.get('set-cookie')!.split(';')[0]!;
      const second = await open((p) => callAs(a, other, p));
      expect(second.status).toBe(200);
      await second.body!.cancel();
      // A closed stream gives its slot back.
      await taps.pop()!.close();
      await new Promise((r) => setTimeout(r, 50));
      const again = await open((p) => a.call(p));
      expect(again.status).toBe(200);
      await again.body!.cancel();
      for (const tap of taps) await tap.close();
    });

    it(`caps a door tablet at ${STREAMS_PER_CLIENT} live streams`, async () => {
      const device = await pairTablet(a, f.event.id, [f.waves.a]);
      const bodies = [];
      for (let i = 0; i < STREAMS_PER_CLIENT; i++) {
        const res = await asDevice(a, device.token, '/api/door/live');
        expect(res.status).toBe(200);
        bodies.push(res.body!);
      }
      const refused = await asDevice(a, device.token, '/api/door/live');
      expect(refused.status).toBe(429);
      expect((await json(refused)).error.code).toBe('too-many-streams');
      const otherDevice = await pairTablet(a, f.event.id, [f.waves.a], 'Tablet 2');
      const fine = await asDevice(a, otherDevice.token, '/api/door/live');
      expect(fine.status).toBe(200);
      await fine.body!.cancel();
      for (const b of bodies) await b.cancel();
    });
  });
}

describe('sockets on a real port', () => {
  let t: TestStore;
  let server: ServerType;
  let port: number;
  const logs: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  beforeAll(async () => {
    const [sqlite] = await storeKinds();
    t = await sqlite!.open();
    const app = createApp({
      store: t.store,
      log: (level, msg, fields) => logs.push({ level, msg, ...(fields ? { fields } : {}) }),
    });
    port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(info.port),
      );
    });
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await t?.dispose();
  });

  /** Sends raw bytes and collects the answer until the server closes the socket (or `ms`). */
  const exchange = (head: string, ms = 3000) =>
    new Promise<{ text: string; closedByServer: boolean }>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({ text, closedByServer: false });
      }, ms);
      socket.on('data', (d) => (text += d.toString()));
      socket.on('end', () => {
        clearTimeout(timer);
        socket.destroy();
        resolve({ text, closedByServer: true });
      });
      socket.write(head);
    });

  it('answers 413 with Connection: close and closes the socket itself', async () => {
    const { text, closedByServer } = await exchange(
      'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${5 * 1024 * 1024}\r\n\r\n{"username":`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text).toMatch(/\r\nconnection: close\r\n/i);
    expect(text).not.toMatch(/keep-alive/i);
    expect(text).toMatch(/terlalu besar/);
    expect(closedByServer).toBe(true);
  });

  it('logs a client that hangs up mid-request as an abort (info), not a 500 error', async () => {
    logs.length = 0;
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
            'Content-Length: 500\r\n\r\n{"username":"pani',
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(
      logs.filter((l) => l.level === 'error'),
      JSON.stringify(logs),
    ).toEqual([]);
    expect(
      logs.some((l) => l.level === 'info' && /abort/.test(l.msg)),
      JSON.stringify(logs),
    ).toBe(true);
    expect(logs.some((l) => l.fields?.status === 500)).toBe(false);
  });
});

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`ticket info on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan Tiket');
    });
    afterAll(async () => t?.dispose());

    const ask = (app: TestApp['app'], body: unknown, from = '10.1.1.1') =>
      app.request('/api/ticket-info', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify(body),
      });
    const tokenOfTicket = async (id: string): Promise<string> =>
      (await json(await a.call(`/api/participants/${id}/ticket`))).token;

    it('answers the details only for a genuine token', async () => {
      const p = f.participants.c[0]!;
      const token = await tokenOfTicket(p.id);
      const res = await ask(a.app, { token });
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ participantId: p.id, status: 'valid', name: p.name });
      // Lower case (a scanner's) is the same ticket.
      expect((await ask(a.app, { token: token.toLowerCase() })).status).toBe(200);
    });

    it('refuses a forged token, and the old id-and-version body gives nothing away', async () => {
      const p = f.participants.c[1]!;
      const token = await tokenOfTicket(p.id);
      const [prefix, payload, signature] = token.split('.');
      const flipped = (signature![5] === 'A' ? 'B' : 'A') + signature!.slice(6);
      const forged = `${prefix}.${payload}.${signature!.slice(0, 5)}${flipped}`;
      const res = await ask(a.app, { token: forged });
      expect(res.status).toBe(404);
      expect(JSON.stringify(await json(res))).not.toContain(p.name);
      expect((await ask(a.app, { token: 'not a ticket' })).status).toBe(404);
      const old = await ask(a.app, { participantId: p.id, version: 1 });
      expect(old.status).toBe(410);
      expect(JSON.stringify(await json(old))).not.toContain(p.name);
    });

    it('tells a cancelled or superseded ticket its status only', async () => {
      const [p1, p2] = f.participants.c.slice(2, 4);
      const cancelledToken = await tokenOfTicket(p1!.id);
      expect((await a.call(`/api/participants/${p1!.id}/cancel`, { method: 'POST' })).status).toBe(
        200,
      );
      const cancelled = await json(await ask(a.app, { token: cancelledToken }));
      expect(cancelled).toEqual({ participantId: p1!.id, version: 1, status: 'cancelled' });

      const oldToken = await tokenOfTicket(p2!.id);
      expect((await a.call(`/api/participants/${p2!.id}/reissue`, { method: 'POST' })).status).toBe(
        200,
      );
      const superseded = await json(await ask(a.app, { token: oldToken }));
      expect(superseded).toEqual({ participantId: p2!.id, version: 1, status: 'superseded' });
      const fresh = await json(await ask(a.app, { token: await tokenOfTicket(p2!.id) }));
      expect(fresh).toMatchObject({ status: 'valid', version: 2, business: p2!.business });
    });

    it('limits lookups per address with a 429 in words', async () => {
      const app = createApp({
        store: t.store,
        log: createLogger({ silent: true }),
        trustProxy: true,
        limits: { ticketInfoAddress: { max: 3, windowMs: 60_000 } },
      });
      const token = await tokenOfTicket(f.participants.c[4]!.id);
      for (let i = 0; i < 3; i++) expect((await ask(app, { token }, '10.9.9.9')).status).toBe(200);
      const refused = await ask(app, { token }, '10.9.9.9');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await json(refused)).error.messages.id).toMatch(/Terlalu banyak/);
      expect((await ask(app, { token }, '10.9.9.10')).status).toBe(200);
    });
  });
}
