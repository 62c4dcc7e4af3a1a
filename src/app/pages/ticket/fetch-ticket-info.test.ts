import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchTicketInfo } from './fetch-ticket-info';

const ticket = { token: 'H1.PAYLOAD.SIGNATURE', participantId: 'P1', version: 2 };

function answer(status: number, body: unknown) {
  const calls: RequestInit[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    expect(url).toBe('/api/ticket-info');
    calls.push(init);
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  });
  return calls;
}

describe('the ticket page asking for its details', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('proves it holds the ticket: the token goes in the POST body, nothing else', async () => {
    const calls = answer(404, {});
    expect(await fetchTicketInfo(ticket)).toEqual({ kind: 'unknown' });
    expect(calls[0]!.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.body))).toEqual({ token: ticket.token });
  });

  it('takes a status alone for a cancelled or replaced ticket', async () => {
    answer(200, { participantId: 'P1', version: 2, status: 'cancelled' });
    expect(await fetchTicketInfo(ticket)).toEqual({ kind: 'status', status: 'cancelled' });
    answer(200, { participantId: 'P9', version: 2, status: 'cancelled' });
    expect(await fetchTicketInfo(ticket)).toEqual({ kind: 'unreachable' });
  });

  it('keeps the saved copy when the server says the page is outdated or busy', async () => {
    answer(410, {});
    expect(await fetchTicketInfo(ticket)).toEqual({ kind: 'unreachable' });
    answer(429, {});
    expect(await fetchTicketInfo(ticket)).toEqual({ kind: 'unreachable' });
  });
});
