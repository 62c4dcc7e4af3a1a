// Walks every organizer route of the real app for every role: 401 without a session, 403 with a
// role below the route's minimum, anything else with one at or above it. A route missing from
// the role table (auth/roles.ts) fails here, so no route ships without a decision on who may call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleAtLeast } from '../shared/api/team.js';
import { DOOR_ROUTES, PUBLIC_ROUTES, ROUTE_ROLES } from './auth/roles.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import { apiRoutes as allApiRoutes } from './testing/routes.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';
import { callAs, inviteMember } from './testing/team.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`every organizer route, for every role, on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    const cookies: Record<string, string> = {};

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      cookies.admin = a.cookie;
      cookies.staf = (await inviteMember(a, 'staf1', 'staf')).cookie;
      cookies.pemantau = (await inviteMember(a, 'pemantau1', 'pemantau')).cookie;
    });
    afterAll(async () => t?.dispose());

    const apiRoutes = () => allApiRoutes(a.app);
    // Signing out everywhere ends the walker's own session, so it goes last.
    const LAST = 'POST /api/auth/logout-everywhere';
    const notOrganizer = (k: string) => PUBLIC_ROUTES.has(k) || DOOR_ROUTES.has(k);
    const organizerRoutes = () => [
      ...apiRoutes().filter((k) => !notOrganizer(k) && k !== LAST),
      LAST,
    ];

    it('has a declared role for every route the app serves, and no stale entries', () => {
      const served = apiRoutes();
      expect(served.filter((k) => !notOrganizer(k) && !(k in ROUTE_ROLES))).toEqual([]);
      const known = new Set(served);
      expect(Object.keys(ROUTE_ROLES).filter((k) => !known.has(k))).toEqual([]);
      expect([...PUBLIC_ROUTES, ...DOOR_ROUTES].filter((k) => !known.has(k))).toEqual([]);
    });

    // Placeholders for path parameters: nothing exists by these ids, so an allowed call ends in
    // 404/400 from the route itself, after the role check.
    const request = (key: string, cookie: string) => {
      const [method, path] = key.split(' ') as [string, string];
      const url = path.replace(/:[A-Za-z]+/g, 'TIDAKADA');
      const writes = method !== 'GET' && method !== 'DELETE';
      return callAs(a, cookie, url, { method, ...(writes ? { json: {} } : {}) });
    };
    const drain = async (res: Response) => {
      // Live streams stay open: read nothing more than the status.
      await res.body?.cancel().catch(() => undefined);
    };

    it('refuses each organizer route without a session (401)', async () => {
      for (const key of organizerRoutes()) {
        const res = await request(key, '');
        expect(res.status, key).toBe(401);
        expect((await json(res)).error.code).toBe('unauthenticated');
      }
    });

    for (const role of ROLES) {
      it(`lets ${role} call exactly the routes its role reaches (others 403 forbidden)`, async () => {
        for (const key of organizerRoutes()) {
          const res = await request(key, cookies[role]!);
          const allowed = roleAtLeast(role, ROUTE_ROLES[key]!);
          if (allowed) {
            expect([401, 403], key).not.toContain(res.status);
            await drain(res);
          } else {
            expect(res.status, key).toBe(403);
            const body = await json(res);
            expect(body.error.code).toBe('forbidden');
            expect(body.error.messages.id).toMatch(/Peran Anda/);
            expect(body.error.messages.en).toMatch(/Your role/);
          }
        }
      });
    }
  });
}
