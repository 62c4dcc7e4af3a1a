// One way to hold a server-sent-events stream. Under Node (the server, the benches) it is written
// straight to Node's response: Hono's `streamSSE` puts two web streams, their writer and reader
// between the route and the socket, about 18 KB of heap per held stream (e2e/bench/sse-memory.ts;
// a busy door holds one per tablet, docs/scaling.md). Where there is no Node response (tests
// calling `app.request()`) it falls back to `streamSSE`; the route's code is the same either way.
import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppDeps, AppEnv } from '../context.js';
import { securityHeaders } from './security-headers.js';

export interface SseMessage {
  event: string;
  /** One line or several (each becomes its own `data:` line). */
  data: string;
  /** Where a reconnecting browser resumes (its Last-Event-ID). */
  id?: string;
}

/** What a route writes to, and learns from, a held stream. */
export interface SseStream {
  /** Resolves once the socket has taken it (or the client has gone). */
  writeSSE(message: SseMessage): Promise<void>;
  /** Raw text, e.g. a `: comment` to keep proxies from closing an idle stream. */
  write(text: string): Promise<void>;
  sleep(ms: number): Promise<void>;
  /** Called once when the client goes away (at once if it already has). */
  onAbort(listener: () => void): void;
  readonly aborted: boolean;
  readonly closed: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const messageText = ({ event, data, id }: SseMessage) =>
  `event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}${data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}`)
    .join('\n')}\n\n`;

/** The stream over Node's response: a write waits for 'drain' when the socket is full. */
function nodeStream(res: ServerResponse): SseStream {
  let aborted = false;
  const listeners: (() => void)[] = [];
  res.on('close', () => {
    if (res.writableFinished) return;
    aborted = true;
    for (const listener of listeners.splice(0)) listener();
  });
  const write = (text: string) =>
    new Promise<void>((resolve) => {
      if (aborted || res.writableEnded) return resolve();
      if (res.write(text)) return resolve();
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  return {
    write,
    writeSSE: (message) => write(messageText(message)),
    sleep,
    onAbort(listener) {
      if (aborted) listener();
      else listeners.push(listener);
    },
    get aborted() {
      return aborted;
    },
    get closed() {
      return res.writableEnded;
    },
  };
}

/**
 * Answers with an event stream that `body` writes until it returns (or the client goes away);
 * the response then ends. A body that throws ends the stream and is logged.
 */
export function sseResponse(
  c: Context<AppEnv>,
  deps: AppDeps,
  body: (stream: SseStream) => Promise<void>,
): Response {
  const out = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  const failed = (err: unknown) => deps.log('warn', 'stream-failed', { error: String(err) });
  if (typeof out?.writeHead !== 'function') {
    return streamSSE(c, async (s) => {
      const stream: SseStream = {
        writeSSE: (m) => s.writeSSE(m),
        write: async (text) => void (await s.write(text)),
        sleep,
        onAbort: (listener) => s.onAbort(listener),
        get aborted() {
          return s.aborted;
        },
        get closed() {
          return s.closed;
        },
      };
      await body(stream).catch(failed);
    });
  }
  // The headers every response carries (security-headers.ts), written here: the app's own
  // middleware sees only the stand-in Response returned below.
  out.writeHead(200, {
    ...securityHeaders(deps),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  void body(nodeStream(out))
    .catch(failed)
    .finally(() => out.end());
  return RESPONSE_ALREADY_SENT;
}
