// Door sync endpoints, reserved: until device pairing lands, no device token exists, so every
// call is unauthorised.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.js';
import { fail } from '../http/problem.js';

const noDevice = () =>
  fail(
    401,
    'device-token-required',
    'Perangkat belum dipasangkan: token perangkat diperlukan',
    'Device not paired: a device token is required',
  );

/** POST /sync/push and GET /sync/pull. */
export function syncRoutes(_deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.post('/sync/push', () => {
    throw noDevice();
  });
  r.get('/sync/pull', () => {
    throw noDevice();
  });
  return r;
}
