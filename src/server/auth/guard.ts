// The one place where authentication is declared: a middleware at the /api mount finds the
// route that will answer, and lets it run only with the credential its list names — nothing for
// a public route, a live device token for a door route, otherwise an organizer session (looked
// up once per request) whose role reaches the route's minimum in the role table.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { roleAtLeast } from '../../shared/api/team.js';
import type { AppDeps, AppEnv } from '../context.js';
import { fail } from '../http/problem.js';
import { findSessionOrganizer } from '../store/organizers.js';
import { requireDevice } from './device.js';
import { DOOR_ROUTES, PUBLIC_ROUTES, minimumRole } from './roles.js';
import { SESSION_COOKIE } from './session.js';
import { hashSecret } from './tokens.js';

/** The "METHOD /api/path" of the route that will answer (not a `*` middleware), if any. */
function answeringRoute(c: Context): { method: string; path: string } | undefined {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  // The static app's `GET *` fallback also matches /api paths; only API routes count here.
  const route = matchedRoutes(c).find((r) => r.method === method && r.path.startsWith('/api/'));
  return route && { method, path: route.path };
}

/** Middleware for /api/*: 401/403 before any route runs unless the credential fits the route. */
export function guardRoutes(deps: AppDeps): MiddlewareHandler<AppEnv> {
  // A push writes last-seen itself, in its one update of the device row.
  const device = requireDevice(deps);
  const pushingDevice = requireDevice(deps, { touch: false });
  return async (c, next) => {
    const route = answeringRoute(c);
    // No route answers: the API's 404, which tells nothing.
    if (!route) return next();
    const key = `${route.method} ${route.path}`;
    if (PUBLIC_ROUTES.has(key)) return next();
    if (DOOR_ROUTES.has(key)) {
      return (key === 'POST /api/sync/push' ? pushingDevice : device)(c, next);
    }
    const secret = getCookie(c, SESSION_COOKIE);
    const organizer = secret
      ? await findSessionOrganizer(deps.store.db, hashSecret(secret), Date.now())
      : undefined;
    if (!organizer) {
      throw fail(
        401,
        'unauthenticated',
        'Silakan masuk sebagai panitia',
        'Please sign in as an organizer',
      );
    }
    if (!roleAtLeast(organizer.role, minimumRole(route.method, route.path))) {
      throw fail(
        403,
        'forbidden',
        'Peran Anda di tim tidak boleh melakukan ini; minta admin acara',
        'Your role in the team may not do this; ask the event admin',
      );
    }
    c.set('organizer', organizer);
    await next();
  };
}
