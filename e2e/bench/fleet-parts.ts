// The plumbing of the fleet simulator (fleet.ts): HTTP on node:http with keep-alive, a reader
// for server-sent events, a fixed-bucket latency histogram, a tiny round-robin TCP proxy and a
// bare node:http server (both child processes, so their CPU is their own), free ports, and
// /proc readers for a process's CPU time and resident memory.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Agent, IncomingMessage } from 'node:http';
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  body: string;
}

/** One request to 127.0.0.1:port; rejects on a network error or after `timeoutMs`. */
export function call(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
  timeoutMs = 30_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, agent, headers, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Calls `onEvent(name, data, id)` for each server-sent event of a response until it ends. */
export function readSse(
  res: IncomingMessage,
  onEvent: (name: string, data: string, id: string | undefined) => void,
): Promise<void> {
  return new Promise((resolve) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = '';
        let data = '';
        let id: string | undefined;
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data += line.slice(5).trimStart();
          else if (line.startsWith('id:')) id = line.slice(3).trim();
        }
        if (name) onEvent(name, data, id);
      }
    });
    res.on('end', resolve);
    res.on('close', resolve);
    res.on('error', () => resolve());
  });
}

/** Milliseconds in 0.1 ms buckets up to 120 s; exact enough for percentiles, constant memory. */
export class Histogram {
  private readonly buckets = new Uint32Array(1_200_001);
  count = 0;
  max = 0;
  add(ms: number): void {
    const v = Math.max(0, ms);
    this.buckets[Math.min(1_200_000, Math.round(v * 10))]! += 1;
    this.count += 1;
    if (v > this.max) this.max = v;
  }
  /** The q-quantile (0..1) in ms; NaN when empty. */
  q(q: number): number {
    if (this.count === 0) return NaN;
    const want = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= want) return i / 10;
    }
    return this.max;
  }
}

/** A port nobody listens on right now (for a server that must come back on the same port). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** user+system CPU time of a process in ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/**
 * user+system CPU time of every PostgreSQL process on this machine in ms (its backends, the
 * WAL writer, the checkpointer…), from /proc. Only a difference over a stretch means anything,
 * and only with no other database work running: backends that exit take their time with them.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      total += cpuMs(Number(name));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** Resident memory of a process in KB, from /proc (Linux). */
export function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/** A child `node -e` running `source` (CommonJS), started and waiting until it prints `ready`. */
async function nodeChild(source: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', source], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code})`)));
  });
  return child;
}

// The proxy: each client connection goes to the next backend in turn; when that one refuses the
// connection (a dead process), the next is tried, so clients fail over by simply reconnecting.
// A connection already piped to a backend that dies is closed, as a real balancer would.
const PROXY_SOURCE = `
const net = require('node:net');
const backends = JSON.parse(process.env.FLEET_BACKENDS);
let next = 0;
const server = net.createServer((client) => {
  client.setNoDelay(true);
  client.pause();
  client.on('error', () => {});
  const attempt = (left) => {
    const port = backends[next++ % backends.length];
    const up = net.connect(port, '127.0.0.1');
    let joined = false;
    up.setNoDelay(true);
    up.once('connect', () => {
      joined = true;
      client.pipe(up);
      up.pipe(client);
      client.resume();
    });
    up.on('error', () => {
      if (!joined && left > 1 && !client.destroyed) attempt(left - 1);
      else client.destroy();
    });
    up.on('close', () => { if (joined) client.destroy(); });
    client.on('close', () => up.destroy());
  };
  attempt(backends.length);
});
server.maxConnections = 100000;
server.listen(Number(process.env.FLEET_PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

/** Starts the round-robin proxy on `port` in front of `backends` (ports on 127.0.0.1). */
export function startProxy(port: number, backends: number[]): Promise<ChildProcess> {
  return nodeChild(PROXY_SOURCE, {
    FLEET_PORT: String(port),
    FLEET_BACKENDS: JSON.stringify(backends),
  });
}

// The baseline: the same request shapes answered without a store. A push reads and parses its
// body and answers every event "stored"; a pull answers nothing new; both live streams send
// "ready" and then a comment every 25 s, as the real ones do.
const BARE_SOURCE = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const url = req.url || '';
  if (url.startsWith('/api/door/live') || /^\\/api\\/events\\/[^/]+\\/live/.test(url)) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write('event: ready\\ndata: {}\\n\\n');
    const beat = setInterval(() => res.write(': keep-alive\\n\\n'), 25000);
    req.on('close', () => clearInterval(beat));
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const now = new Date().toISOString();
    let answer;
    if (url.startsWith('/api/sync/push')) {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      answer = {
        results: body.events.map((e) => ({ id: e.id, status: 'stored', httpStatus: 201 })),
        receivedAt: now, serverTime: now, serverMinusDeviceMs: null,
      };
    } else if (url.startsWith('/api/sync/pull')) {
      const cursor = new URL(url, 'http://x').searchParams.get('cursor') || '0.0';
      answer = { events: [], roster: [], revocations: [], cursor, more: false, serverTime: now };
    } else {
      answer = {};
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  });
});
server.keepAliveTimeout = 5000;
server.listen(Number(process.env.FLEET_PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

/** Starts the bare baseline server on `port`. */
export function startBare(port: number): Promise<ChildProcess> {
  return nodeChild(BARE_SOURCE, { FLEET_PORT: String(port) });
}

/** SIGTERMs a child and waits for it to exit (SIGKILL after 10 s). */
export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(force);
}
