// Builds the real app over a test store and signs in an organizer, for in-process API tests.
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import { openSetup } from '../auth/setup.js';
import type { AppEnv } from '../context.js';
import { createLogger } from '../http/log.js';
import type { TestStore } from './stores.js';

/** A parsed JSON answer, loosely typed: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Reads a response body as JSON. */
export async function json(res: Response): Promise<Json> {
  return res.json();
}

export interface TestApp {
  app: Hono<AppEnv>;
  /** Calls the app with the organizer's cookie. */
  call(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  cookie: string;
}

/**
 * The app with a signed-in organizer "panitia" / "rahasia-panitia-1". Ticket links use
 * https://hadir.test unless `publicUrl` says otherwise (null: unset, as without PUBLIC_URL).
 */
export async function testApp(
  t: TestStore,
  opts: { publicDir?: string; publicUrl?: string | null } = {},
): Promise<TestApp> {
  const app = createApp({
    store: t.store,
    log: createLogger({ silent: true }),
    publicDir: opts.publicDir,
    publicUrl: opts.publicUrl === undefined ? 'https://hadir.test' : (opts.publicUrl ?? undefined),
  });
  const token = await openSetup(t.store);
  const res = await app.request('/api/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, username: 'panitia', password: 'rahasia-panitia-1' }),
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return Promise.resolve(
      app.request(path, { ...init, headers, body, method: init.method ?? (body ? 'POST' : 'GET') }),
    );
  };
  return { app, call, cookie };
}

export const WAVE_1 = {
  name: 'Gelombang 1',
  venue: 'Aula Blandongan, Puspemkot Tangsel',
  address: 'Jl. Maruga No. 1, Ciater, Serpong',
  mapUrl: 'https://maps.example/aula',
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-08T16:00:00+07:00',
};
