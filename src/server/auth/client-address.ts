// The one place that decides a request's client address (for limits and logs).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address. With TRUST_PROXY off: the socket's peer. With it on, the server must
 * sit behind exactly one reverse proxy that appends the address it saw to X-Forwarded-For: the
 * right-most entry is then the one address nobody but our proxy wrote (everything to its left
 * came from the client and may be forged), so that is the one used; without the header,
 * X-Real-IP, then the socket. 'in-process' for in-process test calls that have no socket.
 */
export function clientAddress(c: Context, opts: { trustProxy?: boolean | undefined }): string {
  if (opts.trustProxy) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    if (forwarded) return forwarded;
    const real = c.req.header('x-real-ip')?.trim();
    if (real) return real;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}
