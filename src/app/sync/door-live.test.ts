import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForPokes } from './door-live';

/** A streaming response that sends `chunks` one by one, then stays open until aborted. */
function sse(chunks: string[], signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      signal.addEventListener('abort', () => controller.error(new Error('aborted')));
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

describe('listenForPokes', () => {
  it('sends the token in a header, reports the connection, and syncs on each poke', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') });
      // A poke split across two chunks, a comment, and a second poke.
      return sse(
        [
          'event: ready\ndata: {}\n\n',
          'event: po',
          'ke\ndata: {}\n\n: keep-alive\n\n',
          'event: poke\ndata: {}\n\n',
        ],
        init!.signal!,
      );
    });
    const onPoke = vi.fn();
    const connected: boolean[] = [];
    stops.push(
      listenForPokes({
        token: () => 'tok-1',
        onPoke,
        onConnected: (c) => connected.push(c),
        fetch,
      }),
    );
    await vi.waitFor(() => expect(onPoke).toHaveBeenCalledTimes(2));
    expect(seen).toEqual([{ url: '/api/door/live', auth: 'Bearer tok-1' }]);
    expect(connected).toEqual([true]);
    stops.pop()!();
    await vi.waitFor(() => expect(connected).toEqual([true, false]));
  });

  it('reports the stream up only from its `ready`, once the server listens', async () => {
    let send: (text: string) => void = () => undefined;
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          send = (text) => controller.enqueue(new TextEncoder().encode(text));
          init!.signal!.addEventListener('abort', () => controller.error(new Error('aborted')));
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const connected: boolean[] = [];
    stops.push(
      listenForPokes({
        token: () => 'tok',
        onPoke() {},
        onConnected: (c) => connected.push(c),
        fetch,
      }),
    );
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    // The headers are in; until `ready` news may still be missed, so own scans keep pulling.
    await new Promise((r) => setTimeout(r, 20));
    expect(connected).toEqual([]);
    send(': keep-alive\n\nevent: ready\ndata: {}\n\n');
    await vi.waitFor(() => expect(connected).toEqual([true]));
    send('event: poke\ndata: {}\n\n');
    await new Promise((r) => setTimeout(r, 20));
    expect(connected).toEqual([true]);
  });

  it('waits for the pairing before connecting, and reports a refused stream', async () => {
    let token: string | null = null;
    const fetch = vi.fn(async () => new Response('{}', { status: 503 }));
    const onConnected = vi.fn();
    stops.push(listenForPokes({ token: () => token, onPoke() {}, onConnected, fetch }));
    await new Promise((r) => setTimeout(r, 20));
    expect(fetch).not.toHaveBeenCalled();
    token = 'tok-2'; // the engine has read the pairing
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(onConnected).toHaveBeenLastCalledWith(false);
  });
});
