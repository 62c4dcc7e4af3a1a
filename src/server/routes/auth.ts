// First-run setup, sign-in and sign-out for organizers.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { LoginBody, SetupBody } from '../../shared/api/schemas.js';
import { randomId } from '../../shared/base32.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { endSession, requireOrganizer, startSession } from '../auth/session.js';
import { checkSetupToken, closeSetup } from '../auth/setup.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { fail } from '../http/problem.js';
import { countOrganizers, findOrganizerByUsername, insertOrganizer } from '../store/organizers.js';

/** The client's address for rate limits ('in-process' in tests without a socket). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

/** /setup/*, /auth/* */
export function authRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  r.get('/setup/status', async (c) => c.json({ needsSetup: (await countOrganizers(db)) === 0 }));

  r.post('/setup', async (c) => {
    const body = await readJson(c, SetupBody);
    if ((await countOrganizers(db)) > 0) {
      throw fail(
        409,
        'setup-done',
        'Akun panitia sudah dibuat; silakan masuk',
        'The organizer account already exists; please sign in',
      );
    }
    if (!(await checkSetupToken(deps.store, body.token))) {
      throw fail(
        403,
        'setup-token-invalid',
        'Tautan pengaturan tidak berlaku; lihat tautan terbaru di log server',
        'The setup link is not valid; see the newest link in the server log',
      );
    }
    const id = randomId(8);
    await insertOrganizer(db, {
      id,
      username: body.username.toLowerCase(),
      password_hash: await hashPassword(body.password),
      created_at: Date.now(),
      // The first organizer runs the team; everyone else joins by invitation.
      role: 'admin',
      removed_at: null,
    });
    await closeSetup(deps.store);
    await startSession(deps, c, id);
    deps.log('info', 'organizer created', { organizerId: id });
    return c.json({ id, username: body.username.toLowerCase(), role: 'admin' }, 201);
  });

  r.post('/auth/login', async (c) => {
    const body = await readJson(c, LoginBody);
    // Per username: 5 failures lock that account's sign-in; per address: a wider limit, so a
    // typo spree at the office does not lock everyone out.
    const userKey = [`user:${body.username.toLowerCase()}`];
    const ipKey = [`ip:${clientAddress(c)}`];
    const wait = Math.max(
      deps.loginLimiter.retryAfter(userKey),
      deps.addressLimiter.retryAfter(ipKey),
    );
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw fail(
        429,
        'too-many-attempts',
        `Terlalu banyak percobaan; coba lagi dalam ${Math.ceil(wait / 60000)} menit`,
        `Too many attempts; try again in ${Math.ceil(wait / 60000)} minutes`,
      );
    }
    const organizer = await findOrganizerByUsername(db, body.username);
    const ok = organizer ? await verifyPassword(body.password, organizer.password_hash) : false;
    if (!organizer || !ok) {
      deps.loginLimiter.fail(userKey);
      deps.addressLimiter.fail(ipKey);
      throw fail(
        401,
        'bad-credentials',
        'Nama pengguna atau kata sandi salah',
        'Wrong username or password',
      );
    }
    deps.loginLimiter.reset(userKey);
    await startSession(deps, c, organizer.id);
    return c.json({ id: organizer.id, username: organizer.username, role: organizer.role });
  });

  r.post('/auth/logout', async (c) => {
    await endSession(deps, c);
    return c.body(null, 204);
  });

  r.get('/auth/me', requireOrganizer(deps), (c) => c.json(c.get('organizer')));
  return r;
}
