// The headers every response carries, in one place: the app's middleware sets them on each
// response (http/static.ts's HTML pages bring their own Content-Security-Policy), and a stream
// written straight to Node's response (http/sse.ts) writes them itself.
import type { AppDeps } from '../context.js';
import { contentSecurityPolicy } from './csp.js';

/** The policy of every response that is not an HTML page (those carry their own: static.ts). */
const POLICY = contentSecurityPolicy();

/** Security headers for `deps`' server; HSTS only when its public address is https. */
export function securityHeaders(deps: Pick<AppDeps, 'publicUrl'>): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': POLICY,
  };
  // HSTS over plain http would lock out a LAN install.
  if (deps.publicUrl?.startsWith('https://')) {
    headers['Strict-Transport-Security'] = 'max-age=31536000';
  }
  return headers;
}
