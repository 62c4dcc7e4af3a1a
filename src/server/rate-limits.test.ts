// Limits that hold (issue 13): bursts get no more checks than the limit, on both stores; a
// stranger's failures elsewhere never lock the organizer out; the client address obeys
// TRUST_PROXY; the setup link makes one account under a race; unknown users are hashed too.
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { clientAddress } from './auth/client-address.js';
import { passwordChecks } from './auth/password.js';
import type { LimitRules } from './auth/rate-limit.js';
import { reserveTries } from './auth/rate-limit.js';
import { openSetup } from './auth/setup.js';
import { createLogger } from './http/log.js';
import { countOrganizers } from './store/organizers.js';
import { json, testApp } from './testing/app.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

const PASSWORD = 'rahasia-panitia-1';

/** The app behind a proxy, so each request can name its client address in X-Forwarded-For. */
function proxiedApp(t: TestStore, limits: Partial<LimitRules> = {}) {
  const app = createApp({
    store: t.store,
    log: createLogger({ silent: true }),
    trustProxy: true,
    limits,
  });
  const post = (path: string, from: string, body: unknown) =>
    Promise.resolve(
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify(body),
      }),
    );
  return {
    login: (from: string, password: string, username = 'panitia') =>
      post('/api/auth/login', from, { username, password }),
    pair: (from: string, code: string) => post('/api/devices/pair', from, { code }),
    setup: (from: string, token: string, username: string) =>
      post('/api/setup', from, { token, username, password: PASSWORD }),
  };
}

const statuses = (responses: Response[]) => {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`limits that hold on ${kind.name}`, () => {
    let t: TestStore;

    beforeAll(async () => {
      t = await kind.open();
      await testApp(t); // the organizer "panitia"
    });
    afterAll(async () => t?.dispose());
    beforeEach(async () => {
      await t.store.db.deleteFrom('rate_limits').execute();
    });

    it('checks at most 5 of 100 concurrent wrong passwords, then lets the organizer in from elsewhere', async () => {
      const app = proxiedApp(t);
      const before = passwordChecks();
      const burst = await Promise.all(
        Array.from({ length: 100 }, () => app.login('203.0.113.7', 'salah-salah')),
      );
      expect(statuses(burst)).toEqual({ 401: 5, 429: 95 });
      expect(passwordChecks() - before).toBe(5);
      const refused = burst.find((r) => r.status === 429)!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await json(refused)).error.code).toBe('too-many-attempts');
      // The attacker's address stays locked, even with the right password …
      expect((await app.login('203.0.113.7', PASSWORD)).status).toBe(429);
      // … but the organizer, elsewhere, is let in.
      expect((await app.login('198.51.100.9', PASSWORD)).status).toBe(200);
    });

    it('caps one username across addresses, counting only tries that passed the address limit', async () => {
      const app = proxiedApp(t, { loginUser: { max: 10, windowMs: 60_000 } });
      const seen: number[] = [];
      for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
        for (let i = 0; i < 3; i++) seen.push((await app.login(address, 'salah-salah')).status);
      }
      expect(seen).toEqual([...Array(10).fill(401), 429, 429]);
      expect((await app.login('10.0.0.99', PASSWORD)).status).toBe(429);
      // Another username is not affected.
      expect((await app.login('10.0.0.99', 'x', 'orang-lain')).status).toBe(401);
    });

    it('clears an address’s count for the user after a successful sign-in', async () => {
      const app = proxiedApp(t);
      for (let i = 0; i < 4; i++) expect((await app.login('10.1.1.1', 'salah')).status).toBe(401);
      expect((await app.login('10.1.1.1', PASSWORD)).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await app.login('10.1.1.1', 'salah')).status).toBe(401);
      expect((await app.login('10.1.1.1', 'salah')).status).toBe(429);
    });

    it('checks at most 20 of 200 concurrent wrong pairing codes from one address', async () => {
      const app = proxiedApp(t);
      const burst = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          app.pair('192.0.2.5', `ZZZZ-Z${String(i).padStart(3, '0')}`),
        ),
      );
      expect(statuses(burst)).toEqual({ 400: 20, 429: 180 });
    });

    it('caps wrong pairing codes from everywhere at the server-wide ceiling', async () => {
      const app = proxiedApp(t, { pairAll: { max: 50, windowMs: 60_000 } });
      const burst = await Promise.all(
        Array.from({ length: 200 }, (_, i) => app.pair(`192.0.2.${i}`, 'ZZZZ-ZZZZ')),
      );
      expect(statuses(burst)).toEqual({ 400: 50, 429: 150 });
    });

    it('hashes a password for unknown users too, taking about as long as a wrong one', async () => {
      const app = proxiedApp(t);
      const time = async (username: string, i: number) => {
        const before = passwordChecks();
        const start = performance.now();
        const res = await app.login(`10.2.0.${i}`, 'salah-salah', username);
        const ms = performance.now() - start;
        expect(res.status).toBe(401);
        expect(passwordChecks() - before).toBe(1);
        return ms;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 5; i++) {
        known.push(await time('panitia', i));
        unknown.push(await time(`tidak-ada-${i}`, i));
      }
      // Loose on purpose (shared machines): the counter above is the real proof.
      expect(median(unknown)).toBeGreaterThan(median(known) / 4);
    });

    it('sweeps rows whose window has ended when a new window starts', async () => {
      const rule = { max: 5, windowMs: 1000 };
      await reserveTries(t.store, [{ key: 'old', rule }], 1_000_000);
      await reserveTries(t.store, [{ key: 'new', rule }], 1_002_000);
      const keys = await t.store.db.selectFrom('rate_limits').select('key').execute();
      expect(keys.map((k) => k.key)).toEqual(['new']);
    });
  });

  describe.skipIf(kind.skip)(`the setup link on ${kind.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await kind.open();
    });
    afterAll(async () => t?.dispose());

    it('makes exactly one account when posted 5 times at once', async () => {
      const app = proxiedApp(t);
      const token = (await openSetup(t.store))!;
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) => app.setup(`10.3.0.${i}`, token, `panitia${i}`)),
      );
      expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
      for (const r of answers.filter((r) => r.status !== 201)) {
        expect([403, 409]).toContain(r.status);
      }
      expect(await countOrganizers(t.store.db)).toBe(1);
    });
  });
}

describe('the client address', () => {
  const addressApp = (trustProxy: boolean) =>
    new Hono().get('/', (c) => c.text(clientAddress(c, { trustProxy })));
  const ask = (trustProxy: boolean, headers: Record<string, string>) =>
    Promise.resolve(
      addressApp(trustProxy).request(
        '/',
        { headers },
        {
          incoming: { socket: { remoteAddress: '10.9.8.7' } },
        },
      ),
    ).then((r) => r.text());

  it('is the socket’s peer with TRUST_PROXY off, whatever the headers say', async () => {
    expect(await ask(false, { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '1.2.3.4' })).toBe(
      '10.9.8.7',
    );
  });

  it('is the right-most X-Forwarded-For entry with TRUST_PROXY on', async () => {
    expect(await ask(true, { 'x-forwarded-for': '6.6.6.6, 203.0.113.50' })).toBe('203.0.113.50');
    expect(await ask(true, { 'x-real-ip': '203.0.113.51' })).toBe('203.0.113.51');
    expect(await ask(true, {})).toBe('10.9.8.7');
  });
});
