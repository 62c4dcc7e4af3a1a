// Two real server processes on one PostgreSQL share their limits: a burst of wrong passwords or
// pairing codes split between them still gets at most the limit checked.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_REQUIRED, PG_URL, freshPostgresSchema, postgresReachable } from './testing/stores.js';

const reachable = await postgresReachable();
if (!reachable && PG_REQUIRED) throw new Error(`PostgreSQL required but unreachable: ${PG_URL}`);
if (!reachable)
  console.warn(`Skipping the two-process limits test: PostgreSQL not reachable at ${PG_URL}`);

interface Server {
  child: ChildProcess;
  origin: string;
  /** Everything it printed so far. */
  out(): string;
}

/** Starts src/server/main.ts on a free port and waits until it listens. */
function startServer(databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_DIR: 'nonexistent',
      PUBLIC_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const port = /"msg":"listening","port":(\d+)/.exec(out)?.[1];
      if (port) {
        clearInterval(timer);
        resolve({ child, origin: `http://127.0.0.1:${port}`, out: () => out });
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}): ${out}`));
    });
  });
}

async function stop(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

async function waitFor(read: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  for (let i = 0; i < 200; i++) {
    const m = pattern.exec(read());
    if (m) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never printed ${pattern}: ${read()}`);
}

const post = (origin: string, path: string, body: unknown) =>
  fetch(origin + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const statuses = (responses: Response[]) => {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
};

describe.skipIf(!reachable)('limits shared by two server processes on one PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let one: Server | undefined;
  let two: Server | undefined;

  beforeAll(async () => {
    schema = await freshPostgresSchema();
    // The first makes the organizer through its setup link; the second starts after, so it
    // prints no link of its own (which would replace the first's).
    one = await startServer(schema.url);
    const token = (await waitFor(one.out, /admin\/setup#([A-Za-z0-9_-]{40,})/))[1];
    const setup = await post(one.origin, '/api/setup', {
      token,
      username: 'panitia',
      password: 'rahasia-panitia-1',
    });
    expect(setup.status).toBe(201);
    two = await startServer(schema.url);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([stop(one), stop(two)]);
    await schema?.drop();
  });

  it('checks at most 5 of 100 concurrent wrong passwords split between them', async () => {
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post((i % 2 ? one : two)!.origin, '/api/auth/login', {
          username: 'panitia',
          password: 'salah-salah',
        }),
      ),
    );
    expect(statuses(burst)).toEqual({ 401: 5, 429: 95 });
  });

  it('checks at most 20 of 200 concurrent wrong pairing codes split between them', async () => {
    const burst = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        post((i % 2 ? one : two)!.origin, '/api/devices/pair', { code: 'ZZZZ-ZZZZ' }),
      ),
    );
    expect(statuses(burst)).toEqual({ 400: 20, 429: 180 });
  });
});
