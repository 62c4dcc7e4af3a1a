// Refuses cross-site writes. SameSite=Strict cookies alone let a page on another port of the same
// host (same *site*, other *origin*) act with the organizer's session, and bodiless POSTs (cancel,
// reissue, revoke, sign-out) need no JSON preflight. hono/csrf checks only form content types
// and answers a bare "Forbidden", so this is our own short rule, with words:
//
// A POST/PUT/PATCH/DELETE under /api is refused with 403 when
//  - Sec-Fetch-Site is sent and is neither "same-origin" nor "none" ("same-site" too: another
//    port of this host is same-site), or
//  - Origin is sent (including "null") and is neither PUBLIC_URL's origin nor the host the
//    request was addressed to (with TRUST_PROXY, also the proxy's X-Forwarded-Host).
// A request with no Origin and no Sec-Fetch-Site is not a browser's cross-site request (every
// browser sends Origin on cross-origin writes), so scripts and door tablets carrying
// `Authorization: Bearer` are not refused for missing headers; a bearer token is no ambient
// credential, so tablet calls skip the check altogether.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { fail } from './problem.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** The hosts this request was addressed to: its Host, and behind a trusted proxy the forwarded one. */
function ownHosts(c: Context, trustProxy: boolean): string[] {
  const hosts = [new URL(c.req.url).host];
  // Our one proxy appends the Host it received; only the right-most entry is its own.
  const forwarded = trustProxy ? c.req.header('x-forwarded-host')?.split(',').at(-1)?.trim() : '';
  if (forwarded) hosts.push(forwarded);
  return hosts;
}

/** True when the Origin header names this server. */
function ownOrigin(c: Context, origin: string, opts: SameOriginOptions): boolean {
  if (opts.publicUrl && origin === new URL(opts.publicUrl).origin) return true;
  // The scheme is not compared: behind a TLS proxy the request arrives as http.
  const host = hostOf(origin);
  return host !== null && ownHosts(c, opts.trustProxy ?? false).includes(host);
}

interface SameOriginOptions {
  publicUrl?: string | undefined;
  trustProxy?: boolean | undefined;
}

/** The middleware for /api/*: writes must come from this server's own pages. */
export function sameOriginWrites(opts: SameOriginOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!WRITES.has(c.req.method)) return next();
    if (/^bearer\s/i.test(c.req.header('authorization') ?? '')) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    if (crossSite || (origin !== undefined && !ownOrigin(c, origin, opts))) {
      throw fail(
        403,
        'cross-site-request',
        'Permintaan ini datang dari situs lain dan ditolak. Buka Hadir dari alamatnya sendiri, lalu coba lagi.',
        'This request came from another site and was refused. Open Hadir from its own address and try again.',
      );
    }
    return next();
  };
}
