// Attendance and conflict reports with 50,000 scans in one event, on the real app over a real
// port, against SQLite (a temp file) and PostgreSQL (a fresh schema). Before: the old path, every
// scan loaded and folded again per request (kept as the reference, report-context.ts `refold`).
// After: the per-event fold advanced from the scan cursor (scans/fold-cache.ts), with a few new
// scans stored before every request as on the day. /api/health is asked all along: its p95 is how
// long a report holds other requests up (it is asked only while a report is on its way, not
// during the bench's own inserts of new scans: with SQLite those block the process too, but they
// are the push's cost, measured by sync-push.ts). Run alone: `npx tsx e2e/bench/reports.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { canonicalScanEvent } from '../../src/shared/api/sync.js';
import type { ScanEvent } from '../../src/shared/door/types.js';
import { createApp } from '../../src/server/app.js';
import { openSetup } from '../../src/server/auth/setup.js';
import { createLogger } from '../../src/server/http/log.js';
import { loadReportContext } from '../../src/server/scans/report-context.js';
import { attendanceReport, conflictReport } from '../../src/server/scans/report.js';
import type { Store } from '../../src/server/store/database.js';
import { openStore } from '../../src/server/store/database.js';
import { createEvent, insertSession, insertWave } from '../../src/server/store/events.js';
import { listIdConflicts } from '../../src/server/store/scan-reviews.js';
import { storeScanBatch } from '../../src/server/store/scans.js';
import { freshPostgresSchema, postgresReachable } from '../../src/server/testing/stores.js';

const SCANS = 50_000;
const PEOPLE = 4_000;
const DEVICES = 10;
const REQUESTS_AFTER = 40;
const REQUESTS_BEFORE = 6;
const NEW_PER_REQUEST = 10;

interface Latency {
  p50: number;
  p95: number;
  n: number;
}

/** Per report path, and /api/health asked all along. */
type Figures = Record<string, Latency> & { health: Latency };

export interface ReportFigures {
  label: string;
  /** First report after start (the cold fold of every scan). */
  coldMs: number;
  before: Figures;
  after: Figures;
}

const quantiles = (xs: number[]): Latency => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
  return { p50: q(0.5), p95: q(0.95), n: s.length };
};

let made = 0;

/** A day's mix: most people checked in once, some refused re-scans, re-entries and undos. */
function scanBatch(sessions: string[], count: number, now: number): ScanEvent[][] {
  const perDevice: ScanEvent[][] = Array.from({ length: DEVICES }, () => []);
  for (let i = 0; i < count; i++) {
    const n = made++;
    const d = n % DEVICES;
    const person = `P${String((n * 7919) % PEOPLE).padStart(15, '0')}`;
    const roll = n % 20;
    const e: ScanEvent = {
      id: `S${String(n).padStart(9, '0')}`,
      deviceId: `BENCHDEV${String(d).padStart(3, '0')}`,
      deviceSeq: n,
      participantId: person,
      sessionId: sessions[n % sessions.length]!,
      kind: roll === 0 ? 're-entry' : 'check-in',
      deviceTime: now - 3_600_000 + n * 50,
      volunteer: `Relawan ${d}`,
      door: `Pintu ${d % 4}`,
      verdict: roll === 0 ? 'admitted' : roll < 8 ? 'already-in' : 'admitted',
      ticketVersion: 1,
    };
    if (roll === 19 && n > 100) {
      e.kind = 'undo';
      e.verdict = null;
      e.undoes = `S${String(n - 97).padStart(9, '0')}`;
    }
    perDevice[d]!.push(e);
  }
  return perDevice;
}

async function storeScans(store: Store, eventId: string, batches: ScanEvent[][]) {
  for (const events of batches) {
    for (let i = 0; i < events.length; i += 500) {
      const part = events.slice(i, i + 500);
      if (!part.length) continue;
      await storeScanBatch(store, {
        eventId,
        deviceId: part[0]!.deviceId,
        events: part.map((event) => ({ event, body: canonicalScanEvent(event) })),
        receivedAt: Date.now(),
        deviceContact: true,
        serverMinusDeviceMs: 1200,
      });
    }
  }
}

async function seed(store: Store): Promise<{ eventId: string; sessions: string[] }> {
  const eventId = await createEvent(store.db, 'Bench laporan');
  const wave = await insertWave(store.db, eventId, {
    name: 'Gelombang 1',
    venue: 'Aula',
    address: 'Jl. Maruga',
    mapUrl: null,
    startsAt: '2026-12-08T08:00:00+07:00',
    endsAt: '2026-12-08T16:00:00+07:00',
  });
  const sessions: string[] = [];
  for (const name of ['Pagi', 'Siang']) {
    const s = await insertSession(store.db, wave.id, {
      name,
      startsAt: '2026-12-08T08:00:00+07:00',
      endsAt: '2026-12-08T16:00:00+07:00',
    });
    sessions.push(s.id);
  }
  const now = Date.now();
  for (let i = 0; i < PEOPLE; i += 500) {
    await store.db
      .insertInto('participants')
      .values(
        Array.from({ length: Math.min(500, PEOPLE - i) }, (_, k) => ({
          id: `P${String(i + k).padStart(15, '0')}`,
          event_id: eventId,
          wave_id: wave.id,
          name: `Peserta ${i + k}`,
          business: `Usaha ${i + k}`,
          phone: `+62812${String(10_000_000 + i + k)}`,
          email: null,
          nik: null,
          status: 'active' as const,
          ticket_version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  for (let d = 0; d < DEVICES; d++) {
    await store.db
      .insertInto('devices')
      .values({
        id: `BENCHDEV${String(d).padStart(3, '0')}`,
        event_id: eventId,
        name: `Tablet ${d}`,
        door: `Pintu ${d % 4}`,
        wave_ids: JSON.stringify([wave.id]),
        token_hash: `bench-${d}`,
        created_at: now,
        last_seen_at: null,
        revoked_at: null,
        server_minus_device_ms: null,
        clock_checked_at: null,
      })
      .execute();
  }
  made = 0;
  await storeScans(store, eventId, scanBatch(sessions, SCANS, now));
  return { eventId, sessions };
}

/**
 * Asks each path `n` times, new scans stored before each request; while a report request is
 * on its way /api/health is asked again and again, so its latency is what a report costs others.
 */
async function measure(
  url: string,
  cookie: string,
  paths: Record<string, string>,
  n: number,
  beforeEach: () => Promise<void>,
): Promise<Figures> {
  const times: Record<string, number[]> = Object.fromEntries(
    Object.keys(paths).map((k) => [k, [] as number[]]),
  );
  const health: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const which of Object.keys(paths)) {
      await beforeEach();
      let settled = false;
      const t0 = performance.now();
      const report = fetch(`${url}${paths[which]}`, { headers: { cookie } }).then(async (res) => {
        await res.text();
        if (res.status !== 200) throw new Error(`${paths[which]} answered ${res.status}`);
        times[which]!.push(performance.now() - t0);
        settled = true;
      });
      const pings = (async () => {
        while (!settled) {
          const h0 = performance.now();
          await (await fetch(`${url}/api/health`)).text();
          health.push(performance.now() - h0);
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      await report;
      await pings;
    }
  }
  return {
    ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, quantiles(v)])),
    health: quantiles(health),
  };
}

async function benchStore(label: string, store: Store): Promise<ReportFigures> {
  const { eventId, sessions } = await seed(store);
  const deps = {
    store,
    log: createLogger({ silent: true }),
  };
  // The old path beside the app, on the same event loop, as the reference ("before").
  const outer = new Hono();
  outer.get('/old/attendance', async (c) =>
    c.json(attendanceReport(await loadReportContext(store, eventId, { refold: true }))),
  );
  outer.get('/old/conflicts', async (c) => {
    const ctx = await loadReportContext(store, eventId, { refold: true });
    return c.json(conflictReport(ctx, await listIdConflicts(store.db, eventId)));
  });
  outer.route('/', createApp(deps));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const token = await openSetup(store);
    const setup = await fetch(`${url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, username: 'bench', password: 'rahasia-bench-1' }),
    });
    const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
    const more = () => storeScans(store, eventId, scanBatch(sessions, NEW_PER_REQUEST, Date.now()));
    const before = await measure(
      url,
      cookie,
      { attendance: '/old/attendance', conflicts: '/old/conflicts' },
      REQUESTS_BEFORE,
      more,
    );
    const api = `/api/events/${eventId}`;
    const t0 = performance.now();
    await (await fetch(`${url}${api}/attendance`, { headers: { cookie } })).text();
    const coldMs = performance.now() - t0;
    const after = await measure(
      url,
      cookie,
      {
        attendance: `${api}/attendance`,
        conflicts: `${api}/conflicts`,
        summary: `${api}/attendance/summary`,
        review: `${api}/review`,
        participants: `/api/events/${eventId}/participants?attendance=belum&limit=50`,
      },
      REQUESTS_AFTER,
      more,
    );
    return { label, coldMs, before, after };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** SQLite, then PostgreSQL when TEST_DATABASE_URL answers. */
export async function benchReports(): Promise<ReportFigures[]> {
  const out: ReportFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'hadir-bench-reports-'));
  const sqliteStore = await openStore({ dataDir: dir });
  try {
    out.push(await benchStore('SQLite', sqliteStore));
  } finally {
    await sqliteStore.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (await postgresReachable()) {
    const schema = await freshPostgresSchema();
    const pgStore = await openStore({ databaseUrl: schema.url });
    try {
      out.push(await benchStore('PostgreSQL', pgStore));
    } finally {
      await pgStore.close();
      await schema.drop();
    }
  }
  return out;
}

/** Prints p50/p95 before and after, with the targets of issue 10 (≤ 200 ms, health ≤ 50 ms). */
export function printReports(figures: ReportFigures[]): void {
  console.log(
    `Hadir bench — reports (${SCANS.toLocaleString('en')} scans, ${PEOPLE.toLocaleString('en')} people, ${NEW_PER_REQUEST} new scans before each request; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
  );
  const ms = (l: Latency) =>
    `p50 ${l.p50.toFixed(0).padStart(5)} ms  p95 ${l.p95.toFixed(0).padStart(5)} ms`;
  const goal = (l: Latency, target: number) =>
    `(target ≤ ${target}: ${l.p95 <= target ? 'met' : 'MISSED'})`;
  for (const f of figures) {
    for (const phase of ['before', 'after'] as const) {
      const r = f[phase];
      const tag = phase === 'before' ? 'before (refold)' : 'after (cached fold)';
      const target = phase === 'after';
      let first = true;
      for (const [name, l] of Object.entries(r)) {
        const head = first ? `${f.label.padEnd(11)} ${tag.padEnd(20)}` : ''.padEnd(32);
        first = false;
        const limit = name === 'health' ? 50 : 200;
        const n = name === 'health' ? `  (n=${l.n})` : '';
        console.log(`${head} ${name.padEnd(12)} ${ms(l)} ${target ? goal(l, limit) : ''}${n}`);
      }
    }
    console.log(`${''.padEnd(32)} first report after start (cold fold): ${f.coldMs.toFixed(0)} ms`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printReports(await benchReports());
}
