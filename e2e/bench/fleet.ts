// The fleet simulator (issue 14): N simulated door tablets over M events against two real server
// processes on one fresh PostgreSQL schema, behind a small round-robin TCP proxy, with no browser.
// Each tablet pairs through the real API (POST /api/devices/pair with a code the organizer made),
// downloads its manifest and roster, holds GET /api/door/live (sending its cursor, storing the
// `scans` the stream carries when they follow on from it, as stream-scans.ts does) and syncs as
// src/app/sync/sync-engine.ts + sync-once.ts do: push the outbox in batches of at most 500 (with
// its device report), pull pages after its cursor (report on the first page), fetch the manifest
// when the pull's (or push's) version differs; a round after each scan, on each poke, when the
// stream comes up again, on a 3 s timer while the stream is down and every 60 s (from the last
// pull) while it is up; which rounds pull is the app's own PullPlan (src/shared/door/pull-plan.ts:
// with the stream up, a round for the tablet's own scans only pushes); failures back off 1 s
// doubling to 60 s with ±50 % jitter. A few organizer consoles hold GET /api/events/:id/live.
//
// Phases: setup → connect (memory per held stream) → quiet (idle requests per tablet per minute)
// → rush (one scan per 3–5 s per tablet; a tenth of the tablets is offline for the first half
// and comes back with a 10-minute backlog at the peak, when one server process is SIGKILLed and
// restarted 10 s later) → drain (every outbox empty, every tablet has every other door's scans)
// → check against the database (0 lost, 0 duplicated) → the same rush against a bare node:http
// server (fleet-parts.ts) for the ratios.
//
// Small (npm run bench): 200 tablets, 5 events. The full run:
//   FLEET_TABLETS=2000 FLEET_EVENTS=50 FLEET_RUSH_S=120 FLEET_QUIET_S=120 npx tsx e2e/bench/fleet.ts
// FLEET_STREAM_SCANS=0: tablets send no cursor and so get pokes only (each other door's scan
// makes them pull, as before the stream carried scans), for a comparison on the same build.
// PostgreSQL from TEST_DATABASE_URL; skipped when unreachable. Loopback only; stops by itself.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';
import type { DoorManifest, DoorRosterPage, PairResult } from '../../src/shared/api/door.js';
import type { SyncPullResult, SyncPushResult } from '../../src/shared/api/sync.js';
import { parseCanonicalScanEvent } from '../../src/shared/api/sync.js';
import type { StreamedScans } from '../../src/shared/api/sync-cursor.js';
import { LIVE_CURSOR_HEADER, formatCursor, readCursor } from '../../src/shared/api/sync-cursor.js';
import type { ScanEvent } from '../../src/shared/door/types.js';
import type { SyncCause } from '../../src/shared/door/pull-plan.js';
import { PullPlan } from '../../src/shared/door/pull-plan.js';
import { createApp } from '../../src/server/app.js';
import { openSetup } from '../../src/server/auth/setup.js';
import { createLogger } from '../../src/server/http/log.js';
import { openStore } from '../../src/server/store/database.js';
import type { Store } from '../../src/server/store/database.js';
import { insertParticipant } from '../../src/server/store/participants.js';
import { freshPostgresSchema, postgresReachable } from '../../src/server/testing/stores.js';
import type { Answer } from './fleet-parts.js';
import {
  Histogram,
  call,
  cpuMs,
  freePort,
  postgresCpuMs,
  readSse,
  rssKb,
  startBare,
  startProxy,
  stopChild,
} from './fleet-parts.js';

export interface FleetOptions {
  tablets: number;
  events: number;
  participants: number;
  consoles: number;
  quietS: number;
  rushS: number;
  /** Share of tablets offline for the first half of the rush. */
  offlineShare: number;
  /** Scans an offline tablet already holds when it goes offline (10 min at one per 4 s). */
  backlog: number;
  /** SIGKILL one server process at the peak (and restart it 10 s later). */
  kill: boolean;
  /** Seconds of the same rush against the bare server; 0 skips the baseline. */
  bareS: number;
  /** The most seconds the drain may take before the run is called failed. */
  drainS: number;
  /** Tablets send their cursor and take scans from the stream (false: pokes only, as before). */
  streamScans?: boolean;
  /** Print progress. */
  verbose: boolean;
}

export const SMALL: FleetOptions = {
  tablets: 200,
  events: 5,
  participants: 500,
  consoles: 4,
  quietS: 15,
  rushS: 24,
  offlineShare: 0.1,
  backlog: 150,
  kill: true,
  bareS: 8,
  drainS: 40,
  streamScans: true,
  verbose: false,
};

export interface FleetFigures {
  options: FleetOptions;
  server: 'dist bundle';
  setupS: number;
  scans: number;
  pushMs: { p50: number; p95: number; p99: number; n: number };
  pushAfterKillMs: { p50: number; p95: number; p99: number; n: number };
  crossMs: { p50: number; p95: number; n: number };
  /** The same, for scans pushed before the kill (no returning backlogs among them). */
  crossBeforeKillMs: { p50: number; p95: number; n: number };
  consoleMs: { p50: number; p95: number; n: number };
  cpuMsPer1000Scans: number;
  simulatorCpuMsPer1000Scans: number;
  simulatorCpuShare: number;
  /** The proxy's and PostgreSQL's CPU per 1,000 scans: with the servers' and the simulator's,
   * what a scan costs the whole machine. */
  proxyCpuMsPer1000Scans: number;
  postgresCpuMsPer1000Scans: number;
  /** Cores busy in the rush's first half, all four parts together, of os.availableParallelism. */
  coresBusy: number;
  cores: number;
  rssKbPerTablet: number;
  pgConnectionsMax: number;
  idleRequestsPerTabletMinute: number;
  idleByKind: Record<string, number>;
  /** Requests per second by kind in the first half of the rush (both processes). */
  rushPerSecond: Record<string, number>;
  /** GET /api/health in the rush, straight to server 1 and through the proxy. */
  healthDirectMs: { p50: number; p95: number; p99: number; n: number };
  healthProxiedMs: { p50: number; p95: number; p99: number; n: number };
  /** What the servers' PostgreSQL connections were doing in the rush (samples summed). */
  pgWaits: Record<string, number>;
  /** Scans acknowledged per second in the first half of the rush. */
  scansPerSecond: number;
  /** `scans` deliveries the tablets got over the whole run: stored, already held, gaps. */
  streamed: { stored: number; held: number; gap: number };
  longestGapMs: number;
  longestGapBeforeKillMs: number;
  killedAt: number | null;
  lost: number;
  duplicated: number;
  unacknowledged: number;
  outboxLeft: number;
  tabletsMissingScans: number;
  rejected: number;
  bare: {
    pushMs: { p50: number; p95: number; p99: number; n: number };
    cpuMsPer1000Scans: number;
    rssKbPerTablet: number;
  } | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const APP_VERSION = 'fleet-sim';

/** What the simulator remembers of each scan it generated. */
interface ScanLog {
  tablet: Tablet;
  /** Performance-clock ms of the latest push that carried it. */
  pushSentAt: number;
  acked: boolean;
}

/** One run's shared state: where to connect, the log of every scan, the measurements. */
class Sim {
  readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });
  readonly scans = new Map<string, ScanLog>();
  readonly push = new Histogram();
  readonly pushAfterKill = new Histogram();
  readonly cross = new Histogram();
  readonly crossBeforeKill = new Histogram();
  readonly console = new Histogram();
  readonly requests = new Map<string, number>();
  killed = false;
  stopped = false;
  scanning = false;
  acked = 0;
  rejected = 0;
  /** `scans` deliveries of the door streams: stored, already held, and gaps (then a pull). */
  readonly streamed = { stored: 0, held: 0, gap: 0 };
  constructor(
    public port: number,
    public streamScans = true,
  ) {}
  count(kind: string): void {
    this.requests.set(kind, (this.requests.get(kind) ?? 0) + 1);
  }
  async call(kind: string, method: string, path: string, token: string, body?: unknown) {
    this.count(kind);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const answer = await call(
      this.agent,
      this.port,
      method,
      path,
      headers,
      body === undefined ? undefined : JSON.stringify(body),
    );
    if (answer.status !== 200) throw new Error(`${kind} ${answer.status} ${answer.body}`);
    return JSON.parse(answer.body) as unknown;
  }
}

/** One simulated tablet, speaking the protocol of sync-once.ts with the timing of sync-engine.ts. */
class Tablet {
  readonly outbox = new Map<string, ScanEvent>();
  seq = 0;
  cursor: string | null = null;
  manifestVersion: string | undefined;
  online = true;
  /** The stream has said `ready` (door-live.ts's onConnected). */
  live = false;
  /** Which rounds pull: the app's own. */
  readonly plan = new PullPlan();
  private rounds = 0;
  private stream: ReturnType<typeof request> | null = null;
  private liveFailures = 0;
  private liveRetry: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  /** The sync lock (SYNC_LOCK): rounds and stream deliveries, one at a time, in order. */
  private lock: Promise<unknown> = Promise.resolve();
  private again: Promise<void> | null = null;
  failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  retryAt: number | null = null;
  private tick: ReturnType<typeof setInterval> | undefined;
  private scanTimer: ReturnType<typeof setTimeout> | undefined;
  /** Since when it has held something to send without a successful push (ms), or null. */
  holdingSince: number | null = null;
  longestGap = 0;
  longestGapBeforeKill = 0;
  /** Other doors' scans this tablet has pulled. */
  heard = new Set<string>();
  nextParticipant: number;

  constructor(
    public sim: Sim,
    public readonly ix: number,
    public readonly eventIx: number,
    public readonly deviceId: string,
    public readonly token: string,
    public readonly sessionId: string,
    public readonly participants: string[],
  ) {
    this.nextParticipant = ix;
  }

  // --- the live stream (door-live.ts) ---
  connectLive(): void {
    clearTimeout(this.liveRetry);
    if (this.sim.stopped || !this.online || this.stream) return;
    this.sim.count('live-connect');
    const req = request({
      host: '127.0.0.1',
      port: this.sim.port,
      path: '/api/door/live',
      agent: false,
      headers: {
        authorization: `Bearer ${this.token}`,
        accept: 'text/event-stream',
        ...(this.cursor && this.sim.streamScans ? { [LIVE_CURSOR_HEADER]: this.cursor } : {}),
      },
    });
    this.stream = req;
    const ended = () => {
      if (this.stream !== req) return;
      this.stream = null;
      this.setLive(false);
      if (this.sim.stopped || !this.online) return;
      const delay = backoff(Math.max(1, this.liveFailures));
      this.liveRetry = setTimeout(() => this.connectLive(), delay);
    };
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        this.liveFailures += 1;
        res.resume();
        res.on('end', ended);
        return;
      }
      this.liveFailures = 0;
      void readSse(res, (name, data) => {
        if (!this.live && this.stream === req) this.setLive(true);
        if (name === 'poke') void this.request();
        else if (name === 'scans') void this.streamed(data);
      }).then(ended);
    });
    req.on('error', () => {
      this.liveFailures += 1;
      ended();
    });
    req.end();
  }

  /** stream-scans.ts: stored when it follows on from the cursor, else a round. */
  private streamed(data: string): Promise<void> {
    return this.exclusive(async () => {
      const { sim } = this;
      const scans = JSON.parse(data) as StreamedScans;
      const cursor = readCursor(this.cursor);
      if (!cursor || cursor.scans < scans.from) {
        sim.streamed.gap += 1;
        void this.request();
        return;
      }
      if (cursor.scans >= scans.to) return void (sim.streamed.held += 1);
      sim.streamed.stored += 1;
      this.hear(scans.events);
      this.cursor = formatCursor({ scans: scans.to, roster: cursor.roster });
    });
  }

  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const next = this.lock.then(job);
    this.lock = next.catch(() => undefined);
    return next;
  }

  private hear(events: readonly ScanEvent[]): void {
    const now = performance.now();
    for (const e of events) {
      if (this.heard.has(e.id)) continue;
      this.heard.add(e.id);
      const log = this.sim.scans.get(e.id);
      if (!log) continue;
      this.sim.cross.add(now - log.pushSentAt);
      if (!this.sim.killed) this.sim.crossBeforeKill.add(now - log.pushSentAt);
    }
  }

  dropLive(): void {
    clearTimeout(this.liveRetry);
    const s = this.stream;
    this.stream = null;
    this.setLive(false);
    s?.destroy();
  }

  /** sync-engine.ts's setLive: a stream back up after the tablet has synced asks for a pull. */
  private setLive(connected: boolean): void {
    this.live = connected;
    if (this.plan.setLive(connected) && this.rounds > 0) void this.request();
  }

  // --- the engine (sync-engine.ts) ---
  start(): void {
    this.connectLive();
    void this.request(); // app start
    this.tick = setInterval(() => {
      const due = this.plan.pollDue(Date.now(), 60_000);
      if (due && !this.inFlight && this.online && this.retryAt === null) void this.request();
    }, 3000);
  }

  /**
   * Tablets were opened at different times: once the start-up rounds are done (app start, and the
   * pull when the stream said `ready`), the 60 s fallback poll gets a random phase, else every
   * tablet of the run would poll in the same second.
   */
  phasePoll(): void {
    this.plan.lastPullAt = Date.now() - Math.random() * 60_000;
  }

  stop(): void {
    clearInterval(this.tick);
    clearTimeout(this.retryTimer);
    clearTimeout(this.scanTimer);
    this.dropLive();
  }

  request(cause: SyncCause = 'pull'): Promise<void> {
    this.plan.ask(cause);
    if (this.inFlight) {
      this.again ??= this.inFlight.then(() => {
        this.again = null;
        return this.request('own-scan'); // what was asked for is in the plan already
      });
      return this.again;
    }
    this.inFlight = this.run().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async run(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryAt = null;
    if (!this.online || this.sim.stopped) return;
    this.rounds += 1;
    const pull = this.plan.take();
    let ok = true;
    try {
      await this.exclusive(() => this.round(pull));
    } catch {
      ok = false;
    }
    this.plan.done(pull, ok, Date.now());
    if (ok) {
      this.failures = 0;
      return;
    }
    this.failures += 1;
    const delay = backoff(this.failures);
    this.retryAt = Date.now() + delay;
    this.retryTimer = setTimeout(() => {
      this.retryAt = null;
      void this.request();
    }, delay);
  }

  private report() {
    let oldest: number | null = null;
    for (const e of this.outbox.values()) {
      oldest = e.deviceTime;
      break;
    }
    return {
      unsynced: this.outbox.size,
      oldestUnsyncedAt: oldest,
      rosterVersion: this.manifestVersion ?? null,
      appVersion: APP_VERSION,
      serverMinusDeviceMs: 0,
      storagePersisted: true,
    };
  }

  /** One round of sync-once.ts: push everything, pull (unless push-only), follow the manifest. */
  private async round(pull: boolean): Promise<void> {
    const { sim } = this;
    let pushFailure: unknown = null;
    let version: string | undefined;
    try {
      while (this.outbox.size > 0) {
        const events = [...this.outbox.values()].slice(0, 500);
        const sentAt = performance.now();
        for (const e of events) sim.scans.get(e.id)!.pushSentAt = sentAt;
        const answer = (await sim.call('push', 'POST', '/api/sync/push', this.token, {
          events,
          sentAt: Date.now(),
          report: this.report(),
        })) as SyncPushResult;
        const now = performance.now();
        (sim.killed ? sim.pushAfterKill : sim.push).add(now - sentAt);
        version = answer.manifestVersion ?? version;
        let done = 0;
        for (const r of answer.results) {
          if (r.status === 'rejected') {
            sim.rejected += 1;
            continue;
          }
          if (!this.outbox.delete(r.id)) continue;
          const log = sim.scans.get(r.id)!;
          if (!log.acked) sim.acked += 1;
          log.acked = true;
          done += 1;
        }
        if (this.holdingSince !== null) {
          const gap = now - this.holdingSince;
          this.longestGap = Math.max(this.longestGap, gap);
          if (!sim.killed) this.longestGapBeforeKill = Math.max(this.longestGapBeforeKill, gap);
        }
        this.holdingSince = this.outbox.size > 0 ? now : null;
        if (done === 0) break;
      }
    } catch (err) {
      pushFailure = err;
    }
    const pages = !pull && pushFailure === null ? 0 : 20;
    for (let page = 0; page < pages; page++) {
      const q = new URLSearchParams();
      if (this.cursor !== null) q.set('cursor', this.cursor);
      if (page === 0) q.set('report', JSON.stringify(this.report()));
      const pulled = (await sim.call(
        'pull',
        'GET',
        `/api/sync/pull?${q.toString()}`,
        this.token,
      )) as SyncPullResult;
      this.hear(pulled.events);
      this.cursor = pulled.cursor;
      version = pulled.manifestVersion ?? version;
      if (!pulled.more) break;
    }
    if (version !== undefined && version !== this.manifestVersion) {
      const manifest = (await sim.call(
        'manifest',
        'GET',
        '/api/door/manifest',
        this.token,
      )) as DoorManifest;
      this.manifestVersion = manifest.version ?? version;
    }
    if (pushFailure !== null) throw pushFailure;
  }

  // --- the door ---
  /** A scan at the door: into the outbox, then a round when online (syncAfterScan). */
  scan(deviceTime = Date.now()): void {
    const seq = ++this.seq;
    const participantId = this.participants[this.nextParticipant % this.participants.length]!;
    this.nextParticipant += 97; // spread over the roster
    const event: ScanEvent = {
      id: `${this.deviceId}-${String(seq).padStart(7, '0')}`,
      deviceId: this.deviceId,
      deviceSeq: seq,
      participantId,
      sessionId: this.sessionId,
      kind: 'check-in',
      deviceTime,
      volunteer: 'Relawan',
      door: `Pintu ${this.ix % 4}`,
      verdict: 'admitted',
      ticketVersion: 1,
    };
    this.outbox.set(event.id, event);
    this.sim.scans.set(event.id, { tablet: this, pushSentAt: NaN, acked: false });
    if (this.online) {
      this.holdingSince ??= performance.now();
      void this.request('own-scan');
    }
  }

  /** One scan every 3–5 s while the rush lasts. */
  startScanning(): void {
    const next = () => {
      this.scanTimer = setTimeout(
        () => {
          if (!this.sim.scanning) return;
          this.scan();
          next();
        },
        3000 + Math.random() * 2000,
      );
    };
    next();
  }

  goOffline(backlog: number): void {
    this.online = false;
    this.dropLive();
    // The scans of a 10-minute stretch already taken offline, one per 4 s.
    const t0 = Date.now() - backlog * 4000;
    for (let i = 0; i < backlog; i++) this.scan(t0 + i * 4000);
  }

  comeOnline(): void {
    this.online = true;
    this.holdingSince = this.outbox.size > 0 ? performance.now() : null;
    this.connectLive();
    void this.request(); // the `online` event
  }

  /** Resolves when nothing is in flight (for the drain). */
  async settled(): Promise<void> {
    while (this.inFlight || this.again) await (this.again ?? this.inFlight);
  }
}

/** sync-engine.ts's backoff: 1 s doubling to 60 s, ±50 % jitter. */
function backoff(failures: number): number {
  const exp = Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(exp * (0.5 + Math.random()));
}

/** An organizer's live page (GET /api/events/:id/live), resuming with Last-Event-ID. */
class Console {
  private req: ReturnType<typeof request> | null = null;
  private last: string | undefined;
  seen = new Set<string>();
  constructor(
    private sim: Sim,
    private eventId: string,
    private cookie: string,
  ) {}
  connect(): void {
    if (this.sim.stopped) return;
    const headers: Record<string, string> = { cookie: this.cookie, accept: 'text/event-stream' };
    if (this.last) headers['last-event-id'] = this.last;
    const req = request({
      host: '127.0.0.1',
      port: this.sim.port,
      path: `/api/events/${this.eventId}/live`,
      agent: false,
      headers,
    });
    this.req = req;
    const again = () => {
      if (this.req !== req) return;
      this.req = null;
      if (!this.sim.stopped) setTimeout(() => this.connect(), 1000);
    };
    req.on('response', (res) => {
      void readSse(res, (name, data, id) => {
        if (name !== 'scan') return;
        if (id) this.last = id;
        const scan = JSON.parse(data) as { id: string };
        if (this.seen.has(scan.id)) return;
        this.seen.add(scan.id);
        const log = this.sim.scans.get(scan.id);
        if (log) this.sim.console.add(performance.now() - log.pushSentAt);
      }).then(again);
    });
    req.on('error', again);
    req.end();
  }
  close(): void {
    const r = this.req;
    this.req = null;
    r?.destroy();
  }
}

interface ServerProc {
  child: ChildProcess;
  port: number;
}

/** Bundles the server as the build does (scripts/build-server.mjs), into dist/fleet/. */
async function bundleServer(): Promise<string> {
  mkdirSync('dist/fleet', { recursive: true });
  const outfile = 'dist/fleet/main.mjs';
  await build({
    entryPoints: ['src/server/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Starts one server process on `port` and waits until it listens. Its output goes to a file, as
 * a service's log would: a pipe this process must drain could hold up the server's writes.
 */
async function startServer(main: string, databaseUrl: string, port: number): Promise<ServerProc> {
  const dir = mkdtempSync(join(tmpdir(), 'hadir-fleet-log-'));
  const logFile = join(dir, 'server.log');
  const fd = openSync(logFile, 'w');
  // FLEET_CPU_PROF_DIR=<dir>: each server writes a V8 CPU profile there when it stops.
  const prof = process.env.FLEET_CPU_PROF_DIR;
  const args = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`, main] : [main];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_DIR: 'nonexistent',
      PUBLIC_URL: '',
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const head = () => readFileSync(logFile, 'utf8').slice(0, 20_000);
  child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${head()}`);
    if (/"msg":"listening"/.test(head())) return { child, port };
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${head()}`);
}

/** In-process organizer calls (the real routes, no network): setup, events, pairing codes. */
async function organizer(store: Store) {
  const app = createApp({ store, log: createLogger({ silent: true }) });
  const token = await openSetup(store);
  const password = 'rahasia-panitia-1';
  const setup = await app.request('/api/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, username: 'panitia', password }),
  });
  if (setup.status !== 201) throw new Error(`setup ${setup.status}: ${await setup.text()}`);
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
  const post = async <T>(path: string, body: unknown, status = 201): Promise<T> => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    if (res.status !== status) throw new Error(`${path} ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const login = async (): Promise<string> => {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'panitia', password }),
    });
    if (res.status !== 200) throw new Error(`login ${res.status}`);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  return { post, login };
}

/** Runs `fn` over `items` with at most `n` at once. */
async function pool<T>(items: T[], n: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

const quantiles = (h: Histogram) => ({ p50: h.q(0.5), p95: h.q(0.95), p99: h.q(0.99), n: h.count });

/** The fleet run; throws when PostgreSQL is unreachable (callers check first). */
export async function runFleet(partial: Partial<FleetOptions> = {}): Promise<FleetFigures> {
  const o: FleetOptions = { ...SMALL, ...partial };
  const say = (msg: string) =>
    o.verbose && console.log(`  [fleet ${new Date().toISOString().slice(11, 19)}] ${msg}`);
  const t0 = performance.now();
  const schema = await freshPostgresSchema();
  const url = new URL(schema.url);
  const tag = `hadir-fleet-${process.pid}`;
  url.searchParams.set('application_name', tag);
  const store = await openStore({ databaseUrl: url.toString() });
  const children: ChildProcess[] = [];
  const servers: ServerProc[] = [];
  let sim: Sim | null = null;
  let bareSim: Sim | null = null;
  const tablets: Tablet[] = [];
  const consoles: Console[] = [];
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    // --- setup: events, rosters, the two servers and the proxy ---
    const org = await organizer(store);
    const events: { id: string; waveId: string; sessionId: string }[] = [];
    for (let e = 0; e < o.events; e++) {
      const ev = await org.post<{ id: string }>('/api/events', { name: `Pelatihan UMKM ${e + 1}` });
      const wave = await org.post<{ id: string }>(`/api/events/${ev.id}/waves`, {
        name: 'Gelombang 1',
        venue: `Aula ${e + 1}`,
        address: 'Jl. Maruga No. 1, Ciater, Serpong',
        mapUrl: null,
        startsAt: '2026-12-08T08:00:00+07:00',
        endsAt: '2026-12-08T16:00:00+07:00',
      });
      const session = await org.post<{ id: string }>(`/api/waves/${wave.id}/sessions`, {
        name: 'Hari 1',
        startsAt: '2026-12-08T08:00:00+07:00',
        endsAt: '2026-12-08T16:00:00+07:00',
      });
      events.push({ id: ev.id, waveId: wave.id, sessionId: session.id });
    }
    await pool(events, 4, async (ev, e) => {
      await store.db.transaction().execute(async (tx) => {
        for (let i = 0; i < o.participants; i++) {
          const serial = `${String(e).padStart(3, '0')}${String(i).padStart(4, '0')}`;
          await insertParticipant(tx, ev.id, {
            waveId: ev.waveId,
            name: `Peserta ${serial}`,
            business: `Usaha ${serial}`,
            phone: `+62812${serial}`,
            email: null,
            nik: null,
          });
        }
      });
    });
    say(`${o.events} events with ${o.participants} participants each`);

    const main = await bundleServer();
    const ports = [await freePort(), await freePort()];
    for (const port of ports) servers.push(await startServer(main, url.toString(), port));
    const proxyPort = await freePort();
    const proxy = await startProxy(proxyPort, ports);
    children.push(proxy);
    sim = new Sim(proxyPort, o.streamScans !== false);
    const s = sim;

    // --- pairing through the real API, then manifest and roster ---
    const codes: { code: string; eventIx: number }[] = [];
    for (let t = 0; t < o.tablets; t++) {
      const eventIx = t % o.events;
      const ev = events[eventIx]!;
      const offer = await org.post<{ code: string }>(`/api/events/${ev.id}/devices/pairings`, {
        name: `Tablet ${t}`,
        door: `Pintu ${t % 4}`,
        waveIds: [ev.waveId],
      });
      codes.push({ code: offer.code, eventIx });
    }
    const paired: Tablet[] = [];
    await pool(codes, 8, async ({ code, eventIx }, t) => {
      s.count('pair');
      const answer: Answer = await call(
        s.agent,
        proxyPort,
        'POST',
        '/api/devices/pair',
        { 'content-type': 'application/json' },
        JSON.stringify({ code }),
      );
      if (answer.status !== 201) throw new Error(`pair ${answer.status} ${answer.body}`);
      const pair = JSON.parse(answer.body) as PairResult;
      const manifest = (await s.call(
        'manifest',
        'GET',
        '/api/door/manifest',
        pair.token,
      )) as DoorManifest;
      const participants: string[] = [];
      let after: string | null = null;
      do {
        const page = (await s.call(
          'roster',
          'GET',
          `/api/door/roster${after ? `?after=${after}` : ''}`,
          pair.token,
        )) as DoorRosterPage;
        participants.push(...page.participants.map((p) => p.participantId));
        after = page.nextAfter;
      } while (after);
      const sessionId = manifest.waves[0]!.sessions[0]!.id;
      const tablet = new Tablet(s, t, eventIx, pair.deviceId, pair.token, sessionId, participants);
      tablet.cursor = manifest.syncCursor ?? null;
      tablet.manifestVersion = manifest.version;
      paired[t] = tablet;
    });
    tablets.push(...paired);
    const setupS = (performance.now() - t0) / 1000;
    say(`${tablets.length} tablets paired with roster in ${setupS.toFixed(0)} s`);

    // --- connect: memory per held stream, PostgreSQL connections ---
    // The median of five samples half a second apart: one sample lands before or after a GC.
    const rss = async () => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        samples.push(servers.reduce((sum, p) => sum + rssKb(p.child.pid!), 0));
        await sleep(500);
      }
      return samples.sort((x, y) => x - y)[2]!;
    };
    let pgMax = 0;
    // What the servers' connections wait on, sampled during the rush ("Lock advisory", "Lock
    // object" for NOTIFY's commit lock, "IO WALSync"; "idle" in the pool, "idle in transaction"
    // while PostgreSQL waits for the server's next statement).
    const waits = new Map<string, number>();
    const samplePg = async () => {
      const r = await admin.query<{ w: string; n: string }>(
        `select case when wait_event = 'ClientRead' then state
                  else coalesce(wait_event_type || ' ' || wait_event, state, '?') end as w,
                count(*) as n
           from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()
           group by 1`,
        [tag],
      );
      let n = 0;
      for (const row of r.rows) {
        n += Number(row.n);
        if (s.scanning) waits.set(row.w, (waits.get(row.w) ?? 0) + Number(row.n));
      }
      pgMax = Math.max(pgMax, n);
    };
    const pgTimer = setInterval(() => void samplePg().catch(() => undefined), 250);
    await sleep(1000);
    const rssBefore = await rss();
    for (const tablet of tablets) tablet.start();
    for (let c = 0; c < o.consoles; c++) {
      const console_ = new Console(s, events[c % events.length]!.id, await org.login());
      consoles.push(console_);
      console_.connect();
    }
    for (let i = 0; i < 60 && tablets.some((t) => !t.live); i++) await sleep(500);
    // The quiet phase measures the steady state: app-start rounds that failed under the start's
    // load retry first (their backoff is not idle cost).
    for (let i = 0; i < 120 && tablets.some((t) => t.retryAt !== null || t.failures > 0); i++)
      await sleep(500);
    await Promise.all(tablets.map((t) => t.settled()));
    for (const t of tablets) t.phasePoll();
    await sleep(2000);
    const rssKbPerTablet = ((await rss()) - rssBefore) / tablets.length;
    say(
      `${tablets.filter((t) => t.live).length} streams held; ${rssKbPerTablet.toFixed(1)} KB each`,
    );

    // --- quiet: requests per tablet per minute with no scans ---
    const before = new Map(s.requests);
    await sleep(o.quietS * 1000);
    const idleByKind: Record<string, number> = {};
    let idle = 0;
    for (const [kind, n] of s.requests) {
      const d = n - (before.get(kind) ?? 0);
      if (d === 0) continue;
      idleByKind[kind] = d / tablets.length / (o.quietS / 60);
      idle += d;
    }
    const idleRequestsPerTabletMinute = idle / tablets.length / (o.quietS / 60);
    say(`idle: ${idleRequestsPerTabletMinute.toFixed(2)} requests per tablet per minute`);

    // --- rush, the offline tablets' return and the kill at the peak ---
    const offline = tablets.filter((t) => t.ix % Math.round(1 / o.offlineShare) === 1);
    for (const t of offline) t.goOffline(o.backlog);
    s.scanning = true;
    const rushBefore = new Map(s.requests);
    const cpu0 = servers.map((p) => cpuMs(p.child.pid!));
    const sim0 = process.cpuUsage();
    const proxy0 = cpuMs(proxy.pid!);
    const pg0 = postgresCpuMs();
    const acked0 = s.acked;
    const wall0 = performance.now();
    for (const t of tablets) t.startScanning();
    // Where a request waits: /api/health (no store) straight to server 1 and through the proxy,
    // four times a second. Slow here too means the process (or the machine) is busy, not the
    // store.
    const healthDirect = new Histogram();
    const healthProxied = new Histogram();
    const probeAgent = new Agent({ keepAlive: true });
    const probe = async (port: number, h: Histogram) => {
      const t = performance.now();
      const answer = await call(probeAgent, port, 'GET', '/api/health', {}).catch(() => null);
      if (answer?.status === 200) h.add(performance.now() - t);
    };
    const prober = setInterval(() => {
      void probe(servers[0]!.port, healthDirect);
      void probe(proxyPort, healthProxied);
    }, 250);
    await sleep((o.rushS * 1000) / 2);
    clearInterval(prober);
    probeAgent.destroy();
    const cpu1 = servers.map((p) => cpuMs(p.child.pid!));
    const simUsed = process.cpuUsage(sim0);
    const proxyCpu = cpuMs(proxy.pid!) - proxy0;
    const pgCpu = postgresCpuMs() - pg0;
    const ackedHalf = s.acked - acked0;
    const wallHalf = (performance.now() - wall0) / 1000;
    const serverCpu = cpu1.reduce((a, b, i) => a + b - cpu0[i]!, 0);
    const rushPerSecond: Record<string, number> = {};
    for (const [kind, n] of s.requests) {
      const d = n - (rushBefore.get(kind) ?? 0);
      if (d > 0) rushPerSecond[kind] = d / wallHalf;
    }
    const cpuMsPer1000Scans = serverCpu / (ackedHalf / 1000);
    const simCpuMs = (simUsed.user + simUsed.system) / 1000;
    say(`first half: ${ackedHalf} scans acknowledged, servers ${serverCpu.toFixed(0)} ms CPU`);
    for (const t of offline) t.comeOnline();
    let killedAt: number | null = null;
    if (o.kill) {
      await sleep(500);
      servers[1]!.child.kill('SIGKILL');
      s.killed = true;
      killedAt = (performance.now() - t0) / 1000;
      say('SIGKILLed server 2 at the peak');
      await sleep(Math.min(10_000, (o.rushS * 1000) / 2));
      servers[1] = await startServer(main, url.toString(), ports[1]!);
      say('server 2 restarted');
    }
    const left = o.rushS * 1000 - (performance.now() - wall0);
    if (left > 0) await sleep(left);
    s.scanning = false;

    // --- drain: every outbox empty, every tablet holding every other door's scans ---
    const expectedHeard = (t: Tablet) => {
      let n = 0;
      for (const other of tablets) if (other.eventIx === t.eventIx && other !== t) n += other.seq;
      return n;
    };
    const drainStart = performance.now();
    while (performance.now() - drainStart < o.drainS * 1000) {
      const busy = tablets.some((t) => t.outbox.size > 0 || t.heard.size < expectedHeard(t));
      if (!busy) break;
      await sleep(500);
    }
    await Promise.all(tablets.map((t) => t.settled()));
    say(`drained in ${((performance.now() - drainStart) / 1000).toFixed(1)} s`);
    s.stopped = true;
    clearInterval(pgTimer);
    for (const t of tablets) t.stop();
    for (const c of consoles) c.close();

    // --- the check against the database ---
    const rows = await store.db
      .selectFrom('scan_events')
      .select(['id', 'device_id', 'body'])
      .execute();
    const stored = new Map<string, number>();
    const bySeq = new Set<string>();
    let duplicated = 0;
    for (const r of rows) {
      stored.set(r.id, (stored.get(r.id) ?? 0) + 1);
      const key = `${r.device_id}#${parseCanonicalScanEvent(r.body).deviceSeq}`;
      if (bySeq.has(key)) duplicated += 1;
      bySeq.add(key);
      if (!s.scans.has(r.id)) duplicated += 1; // a row the simulator never generated
    }
    let lost = 0;
    let unacknowledged = 0;
    for (const [id, log] of s.scans) {
      if (!stored.has(id)) lost += 1;
      if (!log.acked) unacknowledged += 1;
    }
    const outboxLeft = tablets.reduce((n, t) => n + t.outbox.size, 0);
    const tabletsMissingScans = tablets.filter((t) => t.heard.size < expectedHeard(t)).length;

    // --- the bare baseline: the same tablets, the same rush, no store ---
    await stopChild(children.pop());
    let bare: FleetFigures['bare'] = null;
    if (o.bareS > 0) {
      const barePort = await freePort();
      const bareServer = await startBare(barePort);
      children.push(bareServer);
      const bareProxy = await freePort();
      children.push(await startProxy(bareProxy, [barePort]));
      bareSim = new Sim(bareProxy, o.streamScans !== false);
      const b = bareSim;
      const twins = tablets.map(
        (t) => new Tablet(b, t.ix, t.eventIx, t.deviceId, t.token, t.sessionId, t.participants),
      );
      await sleep(500);
      const bareRss0 = rssKb(bareServer.pid!);
      for (const t of twins) t.start();
      for (let i = 0; i < 60 && twins.some((t) => !t.live); i++) await sleep(500);
      await Promise.all(twins.map((t) => t.settled()));
      for (const t of twins) t.phasePoll();
      await sleep(1000);
      const bareRssPer = (rssKb(bareServer.pid!) - bareRss0) / twins.length;
      const bcpu0 = cpuMs(bareServer.pid!);
      const backed0 = b.acked;
      b.scanning = true;
      for (const t of twins) t.startScanning();
      await sleep(o.bareS * 1000);
      b.scanning = false;
      const bareCpu = cpuMs(bareServer.pid!) - bcpu0;
      const backed = b.acked - backed0;
      b.stopped = true;
      for (const t of twins) t.stop();
      bare = {
        pushMs: quantiles(b.push),
        cpuMsPer1000Scans: bareCpu / (backed / 1000),
        rssKbPerTablet: bareRssPer,
      };
    }

    return {
      options: o,
      server: 'dist bundle',
      setupS,
      scans: s.scans.size,
      pushMs: quantiles(s.push),
      pushAfterKillMs: quantiles(s.pushAfterKill),
      crossMs: quantiles(s.cross),
      crossBeforeKillMs: quantiles(s.crossBeforeKill),
      consoleMs: quantiles(s.console),
      cpuMsPer1000Scans,
      simulatorCpuMsPer1000Scans: simCpuMs / (ackedHalf / 1000),
      simulatorCpuShare: simCpuMs / 1000 / wallHalf,
      proxyCpuMsPer1000Scans: proxyCpu / (ackedHalf / 1000),
      postgresCpuMsPer1000Scans: pgCpu / (ackedHalf / 1000),
      coresBusy: (serverCpu + simCpuMs + proxyCpu + pgCpu) / 1000 / wallHalf,
      cores: availableParallelism(),
      rssKbPerTablet,
      pgConnectionsMax: pgMax,
      idleRequestsPerTabletMinute,
      idleByKind,
      rushPerSecond,
      healthDirectMs: quantiles(healthDirect),
      healthProxiedMs: quantiles(healthProxied),
      pgWaits: Object.fromEntries([...waits].sort((a, b) => b[1] - a[1])),
      scansPerSecond: ackedHalf / wallHalf,
      streamed: { ...s.streamed },
      longestGapMs: Math.max(0, ...tablets.map((t) => t.longestGap)),
      longestGapBeforeKillMs: Math.max(0, ...tablets.map((t) => t.longestGapBeforeKill)),
      killedAt,
      lost,
      duplicated,
      unacknowledged,
      outboxLeft,
      tabletsMissingScans,
      rejected: s.rejected,
      bare,
    };
  } finally {
    if (sim) sim.stopped = true;
    if (bareSim) bareSim.stopped = true;
    for (const t of tablets) t.stop();
    for (const c of consoles) c.close();
    sim?.agent.destroy();
    bareSim?.agent.destroy();
    await Promise.all([...servers.map((p) => stopChild(p.child)), ...children.map(stopChild)]);
    await admin.end().catch(() => undefined);
    await store.close();
    await schema.drop();
  }
}

/** Prints the figures beside their targets and the bare server's. */
export function printFleet(f: FleetFigures): void {
  const o = f.options;
  const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '—');
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const ratio = (x: number, base: number | undefined) =>
    base && Number.isFinite(base) && base > 0 ? `  ${(x / base).toFixed(1)}× bare` : '';
  console.log(
    `Hadir bench — fleet (${o.tablets} tablets, ${o.events} events × ${o.participants} participants, ` +
      `2 server processes + round-robin proxy, PostgreSQL; quiet ${o.quietS} s, rush ${o.rushS} s)`,
  );
  console.log(`  setup (events, pairing through the API, rosters)  ${f.setupS.toFixed(0)} s`);
  console.log(
    `  push latency p50/p95/p99          ${ms(f.pushMs.p50)} / ${ms(f.pushMs.p95)} / ${ms(f.pushMs.p99)}  (n=${f.pushMs.n}; target p95 ≤ 100 ms: ${mark(f.pushMs.p95 <= 100)})${ratio(f.pushMs.p95, f.bare?.pushMs.p95)}`,
  );
  if (f.bare)
    console.log(
      `    bare node:http p50/p95/p99      ${ms(f.bare.pushMs.p50)} / ${ms(f.bare.pushMs.p95)} / ${ms(f.bare.pushMs.p99)}  (n=${f.bare.pushMs.n})`,
    );
  if (f.pushAfterKillMs.n > 0)
    console.log(
      `  push latency after the kill        ${ms(f.pushAfterKillMs.p50)} / ${ms(f.pushAfterKillMs.p95)} / ${ms(f.pushAfterKillMs.p99)}  (n=${f.pushAfterKillMs.n}, includes the 10-minute backlogs)`,
    );
  console.log(
    `  push → another tablet p50/p95     ${ms(f.crossMs.p50)} / ${ms(f.crossMs.p95)}  (n=${f.crossMs.n}; target p95 ≤ 1 s: ${mark(f.crossMs.p95 <= 1000)})\n` +
      `    heard before the kill           ${ms(f.crossBeforeKillMs.p50)} / ${ms(f.crossBeforeKillMs.p95)}  (n=${f.crossBeforeKillMs.n})`,
  );
  console.log(
    `  push → organizer live page p50/p95 ${ms(f.consoleMs.p50)} / ${ms(f.consoleMs.p95)}  (n=${f.consoleMs.n}, ${o.consoles} consoles)`,
  );
  console.log(
    `  server CPU per 1,000 scans        ${f.cpuMsPer1000Scans.toFixed(0)} ms (both processes)${ratio(f.cpuMsPer1000Scans, f.bare?.cpuMsPer1000Scans)}`,
  );
  console.log(
    `  simulator's own CPU               ${f.simulatorCpuMsPer1000Scans.toFixed(0)} ms per 1,000 scans, ${(f.simulatorCpuShare * 100).toFixed(0)} % of one core`,
  );
  const whole =
    f.cpuMsPer1000Scans +
    f.simulatorCpuMsPer1000Scans +
    f.proxyCpuMsPer1000Scans +
    f.postgresCpuMsPer1000Scans;
  console.log(
    `  proxy / PostgreSQL CPU            ${f.proxyCpuMsPer1000Scans.toFixed(0)} / ${f.postgresCpuMsPer1000Scans.toFixed(0)} ms per 1,000 scans\n` +
      `  the whole machine per 1,000 scans ${whole.toFixed(0)} ms CPU; ${f.coresBusy.toFixed(2)} of ${f.cores} cores busy in the rush`,
  );
  console.log(
    `  memory per held tablet stream     ${f.rssKbPerTablet.toFixed(1)} KB RSS (target ≤ 50 KB: ${mark(f.rssKbPerTablet <= 50)})${f.bare ? `  bare ${f.bare.rssKbPerTablet.toFixed(1)} KB` : ''}`,
  );
  console.log(`  PostgreSQL connections held (max) ${f.pgConnectionsMax}`);
  const rates = Object.entries(f.rushPerSecond)
    .map(([k, v]) => `${k} ${v.toFixed(0)}/s`)
    .join(', ');
  const total = Object.values(f.pgWaits).reduce((a, b) => a + b, 0);
  const waits = Object.entries(f.pgWaits)
    .slice(0, 6)
    .map(([k, v]) => `${k} ${((v / total) * 100).toFixed(0)} %`)
    .join(', ');
  console.log(`  server connections in the rush    ${waits}`);
  console.log(
    `  /api/health in the rush p50/p95   direct ${ms(f.healthDirectMs.p50)} / ${ms(f.healthDirectMs.p95)}, through the proxy ${ms(f.healthProxiedMs.p50)} / ${ms(f.healthProxiedMs.p95)}`,
  );
  console.log(
    `  rush, first half                  ${f.scansPerSecond.toFixed(0)} scans/s acknowledged; requests ${rates}`,
  );
  if (f.streamed) {
    console.log(
      `  scans in the door streams         ${f.streamed.stored} deliveries stored, ${f.streamed.held} already held, ${f.streamed.gap} gaps (pulled)`,
    );
  }
  const kinds = Object.entries(f.idleByKind)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
  console.log(
    `  idle requests per tablet-minute   ${f.idleRequestsPerTabletMinute.toFixed(2)} (${kinds || 'none'}; target ≤ 1: ${mark(f.idleRequestsPerTabletMinute <= 1)})`,
  );
  console.log(
    `  longest gap with scans waiting    ${ms(f.longestGapMs)}${f.killedAt !== null ? ` (before the kill ${ms(f.longestGapBeforeKillMs)}; server 2 SIGKILLed at the peak)` : ''}`,
  );
  const ok = f.lost === 0 && f.duplicated === 0 && f.outboxLeft === 0 && f.unacknowledged === 0;
  console.log(
    `  scans ${f.scans}: lost ${f.lost}, duplicated ${f.duplicated}, unacknowledged ${f.unacknowledged}, ` +
      `left in outboxes ${f.outboxLeft}, rejected ${f.rejected}, tablets missing others' scans ${f.tabletsMissingScans} (${mark(ok && f.tabletsMissingScans === 0)})`,
  );
}

const envNumber = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};

/** The options from FLEET_* variables over the small run's. */
export function fleetOptionsFromEnv(): FleetOptions {
  return {
    ...SMALL,
    tablets: envNumber('FLEET_TABLETS', SMALL.tablets),
    events: envNumber('FLEET_EVENTS', SMALL.events),
    participants: envNumber('FLEET_PARTICIPANTS', SMALL.participants),
    consoles: envNumber('FLEET_CONSOLES', SMALL.consoles),
    quietS: envNumber('FLEET_QUIET_S', SMALL.quietS),
    rushS: envNumber('FLEET_RUSH_S', SMALL.rushS),
    bareS: envNumber('FLEET_BARE_S', SMALL.bareS),
    drainS: envNumber('FLEET_DRAIN_S', SMALL.drainS),
    kill: process.env.FLEET_KILL !== '0',
    streamScans: process.env.FLEET_STREAM_SCANS !== '0',
    verbose: process.env.FLEET_QUIET !== '1',
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!(await postgresReachable())) {
    console.log('Fleet: PostgreSQL not reachable (set TEST_DATABASE_URL); skipped');
  } else {
    printFleet(await runFleet(fleetOptionsFromEnv()));
  }
}
