// The origin ticket links are built on, and whether participants' phones could open them.
import type { Context } from 'hono';
import type { SendKind } from '../../shared/api/sending.js';
import type { LinkOrigin } from '../../shared/sending/link-origin.js';
import { linkOriginProblem } from '../../shared/sending/link-origin.js';
import type { AppDeps } from '../context.js';
import { fail } from '../http/problem.js';

/** The origin ticket links point at: PUBLIC_URL, else the address the organizer browsed from. */
export function publicOrigin(deps: AppDeps, c: Context): string {
  return (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

/** The link origin with its problem, as the console's warning shows it. */
export function linkOrigin(deps: AppDeps, c: Context): LinkOrigin {
  const origin = publicOrigin(deps, c);
  return {
    origin,
    problem: linkOriginProblem(origin),
    fromPublicUrl: deps.publicUrl !== undefined,
  };
}

/** Throws 409 when ticket (or certificate) links at this origin would not open on phones. */
export function requireSendableLinks(deps: AppDeps, c: Context, kind: SendKind = 'tiket'): void {
  const { origin, problem } = linkOrigin(deps, c);
  if (problem === null) return;
  const cert = kind === 'sertifikat';
  throw fail(
    409,
    'links-not-public',
    `Tautan ${cert ? 'sertifikat' : 'tiket'} akan mengarah ke ${origin}, yang tidak bisa dibuka di HP peserta. Atur PUBLIC_URL ke alamat https publik server, lalu jalankan ulang server.`,
    `${cert ? 'Certificate' : 'Ticket'} links would point to ${origin}, which participants' phones cannot open. Set PUBLIC_URL to the server's public https address and restart the server.`,
    { origin, problem },
  );
}
