// Door sync endpoints. Every call needs a live device token (401 otherwise, 'device-revoked' for
// a revoked tablet). Scan events are not stored yet (the sync issue adds them): pull answers no
// events, and a push is refused with 503 so the tablet keeps every scan in its outbox and retries.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { SyncPullResult } from '../../shared/api/door.js';
import { SyncPushBody } from '../../shared/api/door.js';
import { requireDevice } from '../auth/device.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson, validate } from '../http/body.js';
import { fail } from '../http/problem.js';

const PullQuery = v.object({
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,20}$/))),
});

/** POST /sync/push and GET /sync/pull. */
export function syncRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use('/sync/*', requireDevice(deps));
  r.post('/sync/push', async (c) => {
    await readJson(c, SyncPushBody);
    c.header('Retry-After', '300');
    throw fail(
      503,
      'sync-push-unavailable',
      'Server belum menerima hasil pindaian; data tetap tersimpan di perangkat dan dikirim nanti',
      'The server does not accept scans yet; they stay on the device and are sent later',
    );
  });
  r.get('/sync/pull', (c) => {
    validate(PullQuery, c.req.query());
    const result: SyncPullResult = { events: [], cursor: '0' };
    return c.json(result);
  });
  return r;
}
