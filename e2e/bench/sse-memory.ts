// Memory per held server-sent-events stream, the door stream's part of issue 14's ≤ 50 KB per
// tablet: the same idle stream held through Hono's `streamSSE` (web streams) and written straight
// to Node's response, 2,000 of each, the clients in a child process so only the server's memory
// is counted. Heap after a forced collection and RSS growth, per stream (docs/scaling.md).
// Standalone: `node --expose-gc --import tsx e2e/bench/sse-memory.ts [hono|raw] [streams]`.
import { spawn } from 'node:child_process';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';

const mode = process.argv[2] === 'raw' ? 'raw' : 'hono';
const streams = Number(process.argv[3] ?? 2000);
const HEARTBEAT_MS = 25_000;

const app = new Hono<{ Bindings: { outgoing: ServerResponse } }>();
app.get('/live', (c) => {
  if (mode === 'raw') {
    const res = c.env.outgoing;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write('event: ready\ndata: {}\n\n');
    const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    res.on('close', () => clearInterval(beat));
    return RESPONSE_ALREADY_SENT;
  }
  return streamSSE(c, async (stream) => {
    await stream.writeSSE({ event: 'ready', data: '{}' });
    while (!stream.aborted) await stream.sleep(HEARTBEAT_MS);
  });
});

const collect = () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
};

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;
collect();
const before = process.memoryUsage();
// Plain CommonJS for `node -e`: each client holds its stream and says when all have their first event.
const clients = spawn(
  process.execPath,
  [
    '-e',
    `const http = require('node:http'); let n = 0;
     const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
     for (let i = 0; i < ${streams}; i++) {
       http.get({ host: '127.0.0.1', port: ${port}, path: '/live', agent }, (res) => {
         res.once('data', () => { if (++n === ${streams}) console.log('held'); });
       });
     }`,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
await new Promise((resolve) => clients.stdout.once('data', resolve));
await new Promise((resolve) => setTimeout(resolve, 1000));
collect();
const after = process.memoryUsage();
const kb = (bytes: number) => (bytes / streams / 1024).toFixed(1);
console.log(
  `${mode}: ${streams} streams held; heap +${kb(after.heapUsed - before.heapUsed)} KB, ` +
    `RSS +${kb(after.rss - before.rss)} KB per stream`,
);
clients.kill();
server.close();
process.exit(0);
