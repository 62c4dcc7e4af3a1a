// Walks every /api route the app registers (from app.routes, so a new route is covered without
// being listed here), on both stores:
// - with malformed input as the top-role organizer: never a 500, never a hang, health after each;
// - with every credential (none, each organizer role, a door token, a revoked door token): the
//   guard the role table (auth/roles.ts) declares, and a route in no list fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleAtLeast } from '../shared/api/team.js';
import { DOOR_ROUTES, PUBLIC_ROUTES, ROUTE_ROLES } from './auth/roles.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import { pairTablet } from './testing/devices.js';
import { apiRoutes, routeUrl } from './testing/routes.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';
import { inviteMember } from './testing/team.js';
import { sessionLookupCount } from './store/organizers.js';

const TIMEOUT_MS = 5000;
const ADMIN_LOGIN = JSON.stringify({ username: 'panitia', password: 'rahasia-panitia-1' });
const BIG = 'x'.repeat(100 * 1024);
const NASTY = 'Siti \u0000\u202Egnp.exe\u200b\u0007';
const KEYS = ['name', 'username', 'password', 'participantId', 'code', 'token', 'waveId', 'role'];
const fields = (value: unknown) => Object.fromEntries(KEYS.map((k) => [k, value]));
const deep = (n: number): unknown => (n === 0 ? NASTY : { a: deep(n - 1) });

/** Bodies for writes: not JSON, JSON of the wrong type, control characters, huge, deep, a file. */
const BODIES: { label: string; init: () => RequestInit }[] = [
  { label: 'not JSON', init: () => jsonInit('{"name": "Siti",') },
  { label: 'wrong type (string)', init: () => jsonInit(JSON.stringify(NASTY)) },
  { label: 'wrong type (fields)', init: () => jsonInit(JSON.stringify(fields([42, null]))) },
  { label: 'control characters', init: () => jsonInit(JSON.stringify(fields(NASTY))) },
  { label: '100 KB strings', init: () => jsonInit(JSON.stringify(fields(BIG))) },
  { label: 'deeply nested', init: () => jsonInit(JSON.stringify(deep(200))) },
  { label: 'a file of NULs', init: () => fileInit() },
];
/** Extra queries for reads: control characters, huge values, wrong types. */
const QUERIES = ['?wave=%00&kind=%E2%80%AE', `?q=${BIG}&limit=-1&before=x`, '?wave[]=1&sep=;;'];

function jsonInit(body: string): RequestInit {
  return { headers: { 'content-type': 'application/json' }, body };
}
function fileInit(): RequestInit {
  const form = new FormData();
  form.set('file', new Blob(['nama,hp\n\u0000\u202E,\u0000\n']), 'peserta.csv');
  return { body: form };
}

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`every route, walked on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    const creds: Record<string, Record<string, string>> = { none: {} };

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      creds.admin = { cookie: a.cookie };
      for (const role of ROLES.filter((r) => r !== 'admin')) {
        creds[role] = { cookie: (await inviteMember(a, `${role}1`, role)).cookie };
      }
      const event = await json(await a.call('/api/events', { json: { name: 'Jalan rute' } }));
      const wave = await json(
        await a.call(`/api/events/${event.id}/waves`, { json: { ...WAVE_1 } }),
      );
      const door = await pairTablet(a, event.id, [wave.id], 'Tablet 1');
      creds.door = { authorization: `Bearer ${door.token}` };
      const gone = await pairTablet(a, event.id, [wave.id], 'Tablet 2');
      const revoked = await a.call(`/api/devices/${gone.deviceId}/revoke`, { method: 'POST' });
      expect(revoked.status).toBeLessThan(300);
      creds.revoked = { authorization: `Bearer ${gone.token}` };
    });
    afterAll(async () => t?.dispose());

    // Signing out ends the walker's own sessions, so those go last (everywhere, then this one).
    const LAST = ['POST /api/auth/logout-everywhere', 'POST /api/auth/logout'];
    const routes = () => {
      const all = apiRoutes(a.app);
      return [...all.filter((k) => !LAST.includes(k)), ...LAST.filter((k) => all.includes(k))];
    };

    /** One call with a deadline; the body is dropped unread (live streams stay open). */
    const send = async (
      url: string,
      method: string,
      headers: Record<string, string>,
      init = {},
    ) => {
      const req = { method, ...(init as RequestInit) };
      req.headers = { ...(req.headers as Record<string, string>), ...headers };
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      });
      try {
        const res = await Promise.race([Promise.resolve(a.app.request(url, req)), deadline]);
        const code = res.headers.get('content-type')?.includes('application/json')
          ? ((await res.json().catch(() => ({}))) as { error?: { code?: string } }).error?.code
          : (await res.body?.cancel().catch(() => undefined), undefined);
        const cookie = res.headers.get('set-cookie')?.split(';')[0];
        return { status: res.status, code, cookie };
      } finally {
        clearTimeout(timer);
      }
    };
    const healthy = async () => (await send('/api/health', 'GET', {})).status;

    it('has every route in exactly one list: public, door or the role table', () => {
      const unknown = routes().filter(
        (k) => !PUBLIC_ROUTES.has(k) && !DOOR_ROUTES.has(k) && !(k in ROUTE_ROLES),
      );
      expect(unknown).toEqual([]);
      const twice = routes().filter(
        (k) =>
          [PUBLIC_ROUTES.has(k), DOOR_ROUTES.has(k), k in ROUTE_ROLES].filter(Boolean).length > 1,
      );
      expect(twice).toEqual([]);
    });

    it('looks the session up once for an organizer route, never for a public one', async () => {
      const lookups = async (url: string, headers: Record<string, string>) => {
        const before = sessionLookupCount();
        const res = await send(url, 'GET', headers);
        return { status: res.status, lookups: sessionLookupCount() - before };
      };
      expect(await lookups('/api/events', creds.admin!)).toEqual({ status: 200, lookups: 1 });
      expect(await lookups('/api/team', creds.pemantau!)).toEqual({ status: 403, lookups: 1 });
      expect(await lookups('/api/health', creds.admin!)).toEqual({ status: 200, lookups: 0 });
      expect(await lookups('/api/setup/status', creds.admin!)).toEqual({ status: 200, lookups: 0 });
      expect((await lookups('/api/door/manifest', creds.door!)).lookups).toBe(0);
    });

    it('answers malformed input on every route without a 500 or a hang', async () => {
      let calls = 0;
      for (const key of routes()) {
        const writes = !key.startsWith('GET ') && !key.startsWith('DELETE ');
        const plain = routeUrl(key, 'TIDAKADA');
        const cases: { label: string; url: string; init?: RequestInit }[] = [
          { label: 'plain', url: plain.url },
          { label: 'NUL in path', url: routeUrl(key, 'a%00b').url },
          { label: 'bidi in path', url: routeUrl(key, 'a%E2%80%AEb').url },
          ...(writes
            ? BODIES.map((b) => ({ label: b.label, url: plain.url, init: b.init() }))
            : QUERIES.map((q) => ({ label: `query ${q.slice(0, 30)}`, url: plain.url + q }))),
        ];
        for (const c of cases) {
          const what = `${key} — ${c.label}`;
          const res = await send(c.url, plain.method, creds.admin!, c.init);
          calls++;
          expect(res.status, what).toBeLessThan(500);
          expect(await healthy(), `health after ${what}`).toBe(200);
        }
      }
      expect(calls).toBeGreaterThan(routes().length * 5);
    });

    it('guards every route as its list says, for every credential', async () => {
      const refusedAs = {
        organizer: ['unauthenticated'],
        device: ['device-token-required', 'device-token-invalid', 'device-revoked'],
      };
      // The malformed walk signed the admin out everywhere: a fresh session for this one.
      const login = await send('/api/auth/login', 'POST', {}, jsonInit(ADMIN_LOGIN));
      expect(login.status).toBe(200);
      creds.admin = { cookie: login.cookie! };
      for (const key of routes()) {
        const { method, url } = routeUrl(key, 'TIDAKADA');
        const init = method === 'GET' || method === 'DELETE' ? {} : jsonInit('{}');
        for (const [who, headers] of Object.entries(creds)) {
          const what = `${key} as ${who}`;
          const res = await send(url, method, headers, init);
          expect(res.status, what).toBeLessThan(500);
          if (PUBLIC_ROUTES.has(key)) {
            expect([...refusedAs.organizer, ...refusedAs.device, 'forbidden'], what).not.toContain(
              res.code,
            );
          } else if (DOOR_ROUTES.has(key)) {
            const expected =
              who === 'door'
                ? undefined
                : who === 'revoked'
                  ? 'device-revoked'
                  : 'device-token-required';
            if (expected) {
              expect([res.status, res.code], what).toEqual([401, expected]);
            } else {
              expect([401, 403], what).not.toContain(res.status);
            }
          } else {
            const role = ROLES.find((r) => r === who);
            const min = ROUTE_ROLES[key]!;
            if (!role) expect([res.status, res.code], what).toEqual([401, 'unauthenticated']);
            else if (!roleAtLeast(role, min))
              expect([res.status, res.code], what).toEqual([403, 'forbidden']);
            else expect([401, 403], what).not.toContain(res.status);
          }
        }
      }
    });
  });
}
