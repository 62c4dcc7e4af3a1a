// The text rule for what comes in the address: a path segment or query with a control,
// zero-width or bidi-override character (a NUL that PostgreSQL would refuse with an error) is
// answered 400 before any route runs, so no route reads one.
import type { MiddlewareHandler } from 'hono';
import { hasInvisible } from '../../shared/roster/text.js';
import { fail } from './problem.js';

const refused = () =>
  fail(
    400,
    'invalid-characters',
    'Alamat berisi karakter kontrol atau tak terlihat',
    'The address holds a control or invisible character',
  );

/** Middleware: 400 when the decoded path or any query key or value breaks the text rule. */
export function refuseInvisibleInUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      throw fail(400, 'invalid-path', 'Alamat tidak valid', 'Invalid address');
    }
    if (hasInvisible(path)) throw refused();
    for (const [key, value] of url.searchParams) {
      if (hasInvisible(key) || hasInvisible(value)) throw refused();
    }
    await next();
  };
}
