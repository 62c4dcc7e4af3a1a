// Team helpers for API tests: invite a member with a role and sign them in through the link.
import type { Role } from '../../shared/api/team.js';
import type { TestApp } from './app.js';
import { json } from './app.js';

export interface TestMember {
  id: string;
  username: string;
  cookie: string;
  /** Calls the app with this member's cookie. */
  call(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/** The token in an invitation link (after '#'). */
export const tokenOf = (link: string) => link.slice(link.indexOf('#') + 1);

/** The admin of `a` invites `username` as `role`; the member accepts and is signed in. */
export async function inviteMember(a: TestApp, username: string, role: Role): Promise<TestMember> {
  const invited = await a.call('/api/team/invitations', { json: { role } });
  if (invited.status !== 201) throw new Error(`invite failed: ${await invited.text()}`);
  const { link } = await json(invited);
  const res = await a.app.request('/api/team/invitations/accept', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: tokenOf(link), username, password: `rahasia-${username}-1` }),
  });
  if (res.status !== 201) throw new Error(`accept failed: ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { id } = await json(res);
  return { id, username, cookie, call: (path, init) => callAs(a, cookie, path, init) };
}

/** Calls the app with the given cookie (none when empty). */
export function callAs(
  a: TestApp,
  cookie: string,
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return Promise.resolve(
    a.app.request(path, { ...init, headers, body, method: init.method ?? (body ? 'POST' : 'GET') }),
  );
}
