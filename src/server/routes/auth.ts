// First-run setup, sign-in and sign-out for organizers.
import { Hono } from 'hono';
import { LoginBody, SetupBody } from '../../shared/api/schemas.js';
import { randomId } from '../../shared/base32.js';
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
import { endSession, startSession } from '../auth/session.js';
import { checkSetupToken, claimSetup } from '../auth/setup.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { fail } from '../http/problem.js';
import { countOrganizers, findOrganizerByUsername, insertOrganizer } from '../store/organizers.js';

const setupDone = () =>
  fail(
    409,
    'setup-done',
    'Akun panitia sudah dibuat; silakan masuk',
    'The organizer account already exists; please sign in',
  );
const setupTokenInvalid = () =>
  fail(
    403,
    'setup-token-invalid',
    'Tautan pengaturan tidak berlaku; lihat tautan terbaru di log server',
    'The setup link is not valid; see the newest link in the server log',
  );

/** /setup/*, /auth/* */
export function authRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;
  const rules = limitRules(deps);

  r.get('/setup/status', async (c) => c.json({ needsSetup: (await countOrganizers(db)) === 0 }));

  r.post('/setup', async (c) => {
    const body = await readJson(c, SetupBody);
    refuseWeakPassword(body.password);
    const address = clientAddress(c, deps);
    const held = await reserveTries(deps.store, [
      { key: `setup@${address}`, rule: rules.setupAddress },
    ]);
    if (!held.ok) throw tooManyTries(c, held.retryAfterMs, 'attempts');
    if ((await countOrganizers(db)) > 0) throw setupDone();
    if (!(await checkSetupToken(deps.store, body.token))) throw setupTokenInvalid();
    const id = randomId(8);
    const username = body.username.toLowerCase();
    const passwordHash = await hashPassword(body.password);
    // The token is spent in the transaction that makes the account: one link, one account.
    const created = await claimSetup(deps.store, body.token, (tx) =>
      insertOrganizer(tx, {
        id,
        username,
        password_hash: passwordHash,
        created_at: Date.now(),
        // The first organizer runs the team; everyone else joins by invitation.
        role: 'admin',
        removed_at: null,
      }),
    );
    if (!created) throw (await countOrganizers(db)) > 0 ? setupDone() : setupTokenInvalid();
    await startSession(deps, c, id);
    deps.log('info', 'organizer created', { organizerId: id });
    return c.json({ id, username, role: 'admin' }, 201);
  });

  r.post('/auth/login', async (c) => {
    const body = await readJson(c, LoginBody);
    // Counted per username at this address (a stranger's failures elsewhere never lock the
    // organizer out), per address, and per username everywhere (a slow ceiling on a spread-out
    // attack); reserved before the password hash runs.
    const tries = loginTries(rules, body.username, clientAddress(c, deps));
    const held = await reserveTries(deps.store, [tries.userAddress, tries.address, tries.user]);
    if (!held.ok) throw tooManyTries(c, held.retryAfterMs, 'attempts');
    const organizer = await findOrganizerByUsername(db, body.username);
    // Unknown users are hashed too, so the answer takes as long as a wrong password.
    const ok = await verifyPassword(body.password, organizer?.password_hash ?? null);
    if (!organizer || !ok) {
      throw fail(
        401,
        'bad-credentials',
        'Nama pengguna atau kata sandi salah',
        'Wrong username or password',
      );
    }
    await forgiveTries(deps.store, {
      clear: [tries.userAddress],
      refund: [tries.address, tries.user],
    });
    await startSession(deps, c, organizer.id);
    return c.json({ id: organizer.id, username: organizer.username, role: organizer.role });
  });

  r.post('/auth/logout', async (c) => {
    await endSession(deps, c);
    return c.body(null, 204);
  });

  r.get('/auth/me', (c) => c.json(c.get('organizer')));
  return r;
}
