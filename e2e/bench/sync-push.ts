// Sync push throughput: the real app on a real port (node:http via @hono/node-server), 50
// simulated tablets pushing 60,000 scan events in batches of 500 at once, against SQLite (a temp
// file) and PostgreSQL (a fresh schema). The same requests against a bare node:http server that
// only reads the body give the ratio (the machines are shared and noisy; absolute figures drift).
// Run alone: `npx tsx e2e/bench/sync-push.ts` (PostgreSQL from TEST_DATABASE_URL; skipped if down).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import type { ScanEvent } from '../../src/shared/door/types.js';
import { createApp } from '../../src/server/app.js';
import { hashSecret, newSecret } from '../../src/server/auth/tokens.js';
import { createLogger } from '../../src/server/http/log.js';
import type { Store } from '../../src/server/store/database.js';
import { openStore } from '../../src/server/store/database.js';
import { createEvent, insertSession, insertWave } from '../../src/server/store/events.js';
import { freshPostgresSchema, postgresReachable } from '../../src/server/testing/stores.js';

export interface PushFigures {
  label: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  p95BatchMs: number;
  /** This process's CPU time (client and server) per 1,000 events: steadier than wall time on a busy machine. */
  cpuMsPer1000: number;
}

export interface SyncPushBench {
  bare: PushFigures;
  sqlite: PushFigures;
  postgres: PushFigures | null;
}

const DEVICES = 50;
const EVENTS = 60_000;
const BATCH = 500;

interface Tablet {
  token: string;
  bodies: string[];
}

/** An event with a wave, a session and 50 enrolled tablets, each holding its batches as JSON. */
async function seed(store: Store): Promise<Tablet[]> {
  const eventId = await createEvent(store.db, 'Bench');
  const wave = await insertWave(store.db, eventId, {
    name: 'Gelombang 1',
    venue: 'Aula',
    address: 'Jl. Maruga',
    mapUrl: null,
    startsAt: '2026-12-08T08:00:00+07:00',
    endsAt: '2026-12-08T16:00:00+07:00',
  });
  const session = await insertSession(store.db, wave.id, {
    name: 'Hari 1',
    startsAt: '2026-12-08T08:00:00+07:00',
    endsAt: '2026-12-08T16:00:00+07:00',
  });
  const tablets: Tablet[] = [];
  const now = Date.now();
  for (let d = 0; d < DEVICES; d++) {
    const token = newSecret();
    const deviceId = `BENCHDEV${String(d).padStart(3, '0')}`;
    await store.db
      .insertInto('devices')
      .values({
        id: deviceId,
        event_id: eventId,
        name: `Tablet ${d}`,
        door: `Pintu ${d % 4}`,
        wave_ids: JSON.stringify([wave.id]),
        token_hash: hashSecret(token),
        created_at: now,
        last_seen_at: null,
        revoked_at: null,
        server_minus_device_ms: null,
        clock_checked_at: null,
      })
      .execute();
    tablets.push({ token, bodies: [] });
  }
  // Batch b goes to tablet b % 50, so every tablet has two or three batches to push.
  for (let b = 0; b < EVENTS / BATCH; b++) {
    const d = b % DEVICES;
    const events: ScanEvent[] = [];
    for (let i = 0; i < BATCH; i++) {
      const n = b * BATCH + i;
      events.push({
        id: `E${String(n).padStart(8, '0')}D${d}`,
        deviceId: `BENCHDEV${String(d).padStart(3, '0')}`,
        deviceSeq: n,
        participantId: `P${String(n % 4000).padStart(15, '0')}`,
        sessionId: session.id,
        kind: 'check-in',
        deviceTime: now + n,
        volunteer: 'Relawan',
        door: `Pintu ${d % 4}`,
        verdict: n % 10 === 0 ? 'already-in' : 'admitted',
        ticketVersion: 1,
      });
    }
    tablets[d]!.bodies.push(JSON.stringify({ events, sentAt: Date.now() }));
  }
  return tablets;
}

/** Every tablet pushes its batches one after another, all tablets at once. */
async function drive(label: string, url: string, tablets: Tablet[]): Promise<PushFigures> {
  const latencies: number[] = [];
  let events = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    tablets.map(async (tablet) => {
      for (const body of tablet.bodies) {
        const t0 = performance.now();
        const res = await fetch(`${url}/api/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tablet.token}` },
          body,
        });
        const text = await res.text();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${label}: push answered ${res.status} ${text}`);
        events += BATCH;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((x, y) => x - y);
  return {
    label,
    events,
    seconds,
    eventsPerSecond: events / seconds,
    p95BatchMs: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))]!,
    cpuMsPer1000: (used.user + used.system) / 1000 / (events / 1000),
  };
}

/** The app over `store` on an ephemeral port; checks afterwards that every event was stored. */
async function benchStore(label: string, store: Store): Promise<PushFigures> {
  const tablets = await seed(store);
  const app = createApp({
    store,
    log: createLogger({ silent: true }),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  try {
    const port = (server.address() as AddressInfo).port;
    const figures = await drive(label, `http://127.0.0.1:${port}`, tablets);
    const row = await store.db
      .selectFrom('scan_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(row.n) !== EVENTS) throw new Error(`${label}: ${row.n} of ${EVENTS} stored`);
    return figures;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The same requests against a server that reads each body and answers a fixed JSON. */
async function benchBare(): Promise<PushFigures> {
  const tablets: Tablet[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'hadir-bench-bare-'));
  const store = await openStore({ dataDir: dir });
  try {
    tablets.push(...(await seed(store)));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"results":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    return await drive('bare node:http', `http://127.0.0.1:${port}`, tablets);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Runs the three measurements; PostgreSQL is null when TEST_DATABASE_URL does not answer. */
export async function benchSyncPush(): Promise<SyncPushBench> {
  const bare = await benchBare();
  const dir = mkdtempSync(join(tmpdir(), 'hadir-bench-sqlite-'));
  const sqliteStore = await openStore({ dataDir: dir });
  let sqlite: PushFigures;
  try {
    sqlite = await benchStore('SQLite (file, WAL, synchronous=FULL)', sqliteStore);
  } finally {
    await sqliteStore.close();
    rmSync(dir, { recursive: true, force: true });
  }
  let postgres: PushFigures | null = null;
  if (await postgresReachable()) {
    const schema = await freshPostgresSchema();
    const pgStore = await openStore({ databaseUrl: schema.url });
    try {
      postgres = await benchStore('PostgreSQL (fresh schema)', pgStore);
    } finally {
      await pgStore.close();
      await schema.drop();
    }
  }
  return { bare, sqlite, postgres };
}

/** Prints the figures with their targets and the ratio to the bare server. */
export function printSyncPush(r: SyncPushBench): void {
  console.log(
    `Hadir bench — sync push (${DEVICES} tablets, ${EVENTS} events, batches of ${BATCH})`,
  );
  const line = (f: PushFigures, target?: number) => {
    const rate = `${Math.round(f.eventsPerSecond).toLocaleString('en')} events/s`;
    const ratio =
      f === r.bare ? '' : `  ${(f.eventsPerSecond / r.bare.eventsPerSecond).toFixed(2)}× bare`;
    const goal = target
      ? `  (target ≥ ${target.toLocaleString('en')}: ${f.eventsPerSecond >= target ? 'met' : 'MISSED'})`
      : '';
    console.log(
      `${f.label.padEnd(38)} ${rate.padStart(18)}  p95 batch ${f.p95BatchMs.toFixed(0).padStart(5)} ms  CPU ${f.cpuMsPer1000.toFixed(1).padStart(5)} ms/1k events${ratio}${goal}`,
    );
  };
  line(r.bare);
  line(r.sqlite, 20_000);
  if (r.postgres) line(r.postgres, 10_000);
  else console.log('PostgreSQL: not reachable (set TEST_DATABASE_URL); skipped');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printSyncPush(await benchSyncPush());
}
