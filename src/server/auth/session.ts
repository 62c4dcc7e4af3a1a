// Organizer sign-in sessions: an HttpOnly, SameSite=Strict cookie holding a random secret.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../context.js';
import { fail } from '../http/problem.js';
import {
  deleteOrganizerSession,
  findSessionOrganizer,
  insertOrganizerSession,
} from '../store/organizers.js';
import { hashSecret, newSecret } from './tokens.js';

export const SESSION_COOKIE = 'hadir_session';
const SESSION_MS = 7 * 24 * 60 * 60 * 1000;

/** Starts a session for the organizer and sets its cookie. */
export async function startSession(deps: AppDeps, c: Context, organizerId: string): Promise<void> {
  const secret = newSecret();
  const now = Date.now();
  await insertOrganizerSession(deps.store.db, {
    token_hash: hashSecret(secret),
    organizer_id: organizerId,
    created_at: now,
    expires_at: now + SESSION_MS,
  });
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.secureCookies ?? false,
    path: '/',
    maxAge: SESSION_MS / 1000,
  });
}

/** Ends the current session, if any, and clears its cookie. */
export async function endSession(deps: AppDeps, c: Context): Promise<void> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret) await deleteOrganizerSession(deps.store.db, hashSecret(secret));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Middleware: 401 unless a live organizer session cookie comes with the request. */
export function requireOrganizer(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
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
    c.set('organizer', organizer);
    await next();
  };
}
