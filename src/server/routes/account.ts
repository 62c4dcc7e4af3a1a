// A member's own account: change the password (other sessions end), sign out everywhere; and
// the audit log, which admins read.
import { Hono } from 'hono';
import * as v from 'valibot';
import { PasswordChangeBody } from '../../shared/api/team.js';
import type { AuditList } from '../../shared/api/team.js';
import { clientAddress } from '../auth/client-address.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { refuseWeakPassword } from '../auth/password-rule.js';
import {
  forgiveTries,
  limitRules,
  loginTries,
  reserveTries,
  tooManyTries,
} from '../auth/rate-limit.js';
import { endAllSessions, endOtherSessions } from '../auth/session.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson, validate } from '../http/body.js';
import { fail } from '../http/problem.js';
import { listAuditLog } from '../store/audit-log.js';
import { passwordHashOf, setPasswordHash } from '../store/team.js';

const AuditQuery = v.object({
  limit: v.optional(
    v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(500)),
    '200',
  ),
  before: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1))),
});

/** /auth/password, /auth/logout-everywhere (any member), /audit (admin). */
export function accountRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  r.post('/auth/password', async (c) => {
    const body = await readJson(c, PasswordChangeBody);
    refuseWeakPassword(body.next, 'next');
    const me = c.get('organizer');
    // The same limits as sign-in: a session left open is not a password oracle.
    const tries = loginTries(limitRules(deps), me.username, clientAddress(c, deps));
    const held = await reserveTries(deps.store, [tries.userAddress, tries.address, tries.user]);
    if (!held.ok) throw tooManyTries(c, held.retryAfterMs, 'attempts');
    const stored = await passwordHashOf(db, me.id);
    if (!stored || !(await verifyPassword(body.current, stored))) {
      throw fail(
        400,
        'wrong-password',
        'Kata sandi saat ini salah',
        'The current password is wrong',
        { field: 'current' },
      );
    }
    await forgiveTries(deps.store, {
      clear: [tries.userAddress],
      refund: [tries.address, tries.user],
    });
    await setPasswordHash(db, me.id, await hashPassword(body.next));
    await endOtherSessions(deps, c, me.id);
    return c.body(null, 204);
  });

  r.post('/auth/logout-everywhere', async (c) => {
    await endAllSessions(deps, c, c.get('organizer').id);
    return c.body(null, 204);
  });

  r.get('/audit', async (c) => {
    const q = validate(AuditQuery, c.req.query());
    const list: AuditList = { entries: await listAuditLog(db, q) };
    return c.json(list);
  });

  return r;
}
