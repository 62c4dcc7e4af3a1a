// Organizer sign-in sessions: an HttpOnly, SameSite=Strict cookie holding a random secret.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../context.js';
import {
  deleteOrganizerSession,
  findSessionOrganizer,
  insertOrganizerSession,
} from '../store/organizers.js';
import { endMemberSessions } from '../store/team.js';
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

/** Ends the organizer's other sessions (after a password change), keeping this one. */
export async function endOtherSessions(deps: AppDeps, c: Context, organizerId: string) {
  const secret = getCookie(c, SESSION_COOKIE);
  await endMemberSessions(deps.store.db, organizerId, secret ? hashSecret(secret) : undefined);
}

/** Ends every session of the organizer, this one included, and clears its cookie. */
export async function endAllSessions(deps: AppDeps, c: Context, organizerId: string) {
  await endMemberSessions(deps.store.db, organizerId);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** True while the request's session still stands: long streams re-check it between writes. */
export async function sessionAlive(deps: AppDeps, c: Context): Promise<boolean> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (!secret) return false;
  return (await findSessionOrganizer(deps.store.db, hashSecret(secret), Date.now())) !== undefined;
}
