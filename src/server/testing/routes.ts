// The app's own list of API routes, "METHOD /api/path" as registered: walks built on it cover a
// new route without being told about it.
import type { Hono } from 'hono';
import type { AppEnv } from '../context.js';

/** Every method-specific /api route the app answers, sorted (middleware `ALL` entries left out). */
export function apiRoutes(app: Hono<AppEnv>): string[] {
  const keys = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    keys.add(`${r.method} ${r.path}`);
  }
  return [...keys].sort();
}

/** Splits a route key into method and path, with every `:param` replaced by `fill`. */
export function routeUrl(key: string, fill: string): { method: string; url: string } {
  const [method, path] = key.split(' ') as [string, string];
  return { method, url: path.replace(/:[A-Za-z]+/g, fill) };
}
