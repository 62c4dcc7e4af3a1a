// Asks the server what a ticket is for. The page proves it holds the ticket by sending the signed
// token in the POST body (never in a URL, so no log or proxy keeps it); the server made it, so it
// is no secret from the server (docs/api.md, POST /api/ticket-info).
import type { TicketInfo } from '../../../shared/api/schemas';
import { isTicketInfo } from '../../ticket-store/ticket-info-guard';

/**
 * What the server said: the info, the status alone (a cancelled or replaced ticket gets no
 * details), "no such ticket", or nothing usable (offline, slow, broken).
 */
export type TicketInfoAnswer =
  | { kind: 'info'; info: TicketInfo }
  | { kind: 'status'; status: 'cancelled' | 'superseded' }
  | { kind: 'unknown' }
  | { kind: 'unreachable' };

/** Venue Wi-Fi often connects but carries nothing; give up and show the saved copy instead. */
const TIMEOUT_MS = 10_000;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** POST /api/ticket-info for the ticket `token` (participant `participantId`, `version`); never throws. */
export async function fetchTicketInfo(ticket: {
  token: string;
  participantId: string;
  version: number;
}): Promise<TicketInfoAnswer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const res = await fetch('/api/ticket-info', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token: ticket.token }),
      credentials: 'omit',
      cache: 'no-store',
      signal: abort.signal,
    });
    // 400 and 404: the server has no ticket like this one (deleted, another server, tampered).
    if (res.status === 400 || res.status === 404) return { kind: 'unknown' };
    if (!res.ok) return { kind: 'unreachable' };
    const data: unknown = await res.json();
    if (
      !isRecord(data) ||
      data.participantId !== ticket.participantId ||
      data.version !== ticket.version
    ) {
      return { kind: 'unreachable' };
    }
    if (isTicketInfo(data)) return { kind: 'info', info: data };
    if (data.status === 'cancelled' || data.status === 'superseded') {
      return { kind: 'status', status: data.status };
    }
    return { kind: 'unreachable' };
  } catch {
    return { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
