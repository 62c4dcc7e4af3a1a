// `npm run backup` against the real server process on SQLite: a tablet keeps pushing scans
// through the sync API while the backup runs; the snapshot passes PRAGMA integrity_check, is
// readable only by its owner, and holds every scan acknowledged before the backup started.
// With DATABASE_URL set it refuses in one line that points at pg_dump and the README.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { SyncPushResult } from '../shared/api/sync.js';
import { defaultBackupPath } from './backup/snapshot.js';
import { openStore } from './store/database.js';
import { testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, scan } from './testing/scans.js';

function runBackup(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/backup.ts', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out, err })),
  );
}

describe('npm run backup', () => {
  it('names snapshots DATA_DIR/backups/hadir-YYYYMMDD-HHMMSS.sqlite', () => {
    expect(defaultBackupPath('/srv/hadir', new Date('2026-12-08T01:02:03.456Z'))).toBe(
      '/srv/hadir/backups/hadir-20261208-010203.sqlite',
    );
  });

  it('refuses PostgreSQL in one line that points at pg_dump and the README', async () => {
    const r = await runBackup({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/pg_dump.*README/);
  });
});

describe('a backup while the real server takes pushes', () => {
  let dir: string;
  let server: ChildProcess;
  let port: number;
  let f: DoorFixture;
  let tablet: PairResult;
  let sessionId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hadir-backup-'));
    // The event and a paired tablet, written in-process to the file the server then opens.
    const store = await openStore({ dataDir: dir });
    const t = { store, dispose: async () => undefined };
    const a = await testApp(t);
    f = await seedDoorEvent(a, t, 'Cadangan');
    sessionId = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
    tablet = await pairAtDoor(a, f.event.id, { name: 'T', door: 'Pintu', waveIds: [f.waves.a] });
    await store.close();

    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        DATA_DIR: dir,
        DATABASE_URL: '',
        HOST: '127.0.0.1',
        PORT: '0',
        PUBLIC_DIR: 'nonexistent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
      server.stdout!.on('data', (d: Buffer) => {
        out += d;
        const m = /"msg":"listening","port":(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      server.stderr!.on('data', (d: Buffer) => (out += d));
    });
  }, 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds every scan acknowledged before it started, and passes integrity_check', async () => {
    const acked = new Set<string>();
    let stop = false;
    let batches = 0;
    const pushing = (async () => {
      let i = 0;
      while (!stop) {
        const events = Array.from({ length: 40 }, () =>
          scan(tablet, sessionId, f.participants.a[i++ % f.participants.a.length]!.id),
        );
        const res = await fetch(`http://127.0.0.1:${port}/api/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tablet.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        if (res.status !== 200) throw new Error(`push ${res.status}: ${await res.text()}`);
        const body = (await res.json()) as SyncPushResult;
        for (const r of body.results) if (r.status === 'stored') acked.add(r.id);
        batches += 1;
      }
    })();
    while (acked.size < 400) await new Promise((r) => setTimeout(r, 20));

    const before = new Set(acked);
    const batchesBefore = batches;
    const backup = await runBackup({ DATA_DIR: dir });
    const batchesDuring = batches - batchesBefore;
    stop = true;
    await pushing;

    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    const path = backup.out.trim();
    expect(path).toMatch(/backups\/hadir-\d{8}-\d{6}\.sqlite$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // The tablet kept syncing while the backup ran.
    expect(batchesDuring).toBeGreaterThan(0);

    const copy = new SQLite(path, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const ids = new Set(
        copy
          .prepare('select id from scan_events where event_id = ?')
          .pluck()
          .all(f.event.id) as string[],
      );
      const missing = [...before].filter((id) => !ids.has(id));
      expect(missing).toEqual([]);
      // Nothing but acknowledged scans: the copy is a committed state.
      expect([...ids].every((id) => acked.has(id))).toBe(true);
      console.log(
        `backup: ${before.size} scans acknowledged before it, ${ids.size} in the copy, ${acked.size} in all; ${batchesDuring} pushes answered while it ran`,
      );
    } finally {
      copy.close();
    }
  }, 60_000);
});
