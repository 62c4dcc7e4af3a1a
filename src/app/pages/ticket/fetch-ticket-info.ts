// Asks the server what a ticket is for. Only the participant id and the ticket version travel:
// the signed token stays in the URL fragment on the phone (docs/api.md, POST /api/ticket-info).
import type { TicketInfo, TicketInfoBody } from '../../../shared/api/schemas';
import { isTicketInfo } from '../../ticket-store/ticket-info-guard';

/** What the server said: the info, "no such ticket", or nothing usable (offline, slow, broken). */
export type TicketInfoAnswer =
  { kind: 'info'; info: TicketInfo } | { kind: 'unknown' } | { kind: 'unreachable' };

/** Venue Wi-Fi often connects but carries nothing; give up and show the saved copy instead. */
const TIMEOUT_MS = 10_000;

/** POST /api/ticket-info; never throws. */
export async function fetchTicketInfo(body: TicketInfoBody): Promise<TicketInfoAnswer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const res = await fetch('/api/ticket-info', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ participantId: body.participantId, version: body.version }),
      credentials: 'omit',
      cache: 'no-store',
      signal: abort.signal,
    });
    // 400 and 404: the server has no ticket like this one (deleted, another server, tampered).
    if (res.status === 400 || res.status === 404) return { kind: 'unknown' };
    if (!res.ok) return { kind: 'unreachable' };
    const data: unknown = await res.json();
    if (
      !isTicketInfo(data) ||
      data.participantId !== body.participantId ||
      data.version !== body.version
    ) {
      return { kind: 'unreachable' };
    }
    return { kind: 'info', info: data };
  } catch {
    return { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
