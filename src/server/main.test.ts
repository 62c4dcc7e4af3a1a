// The real process: a failed migration/connection exits non-zero; a good start prints the
// one-time setup link and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './store/database.js';
import { testApp } from './testing/app.js';
import { seedDoorEvent } from './testing/devices.js';

function run(
  env: Record<string, string>,
  until?: RegExp,
  as?: { uid: number; gid: number },
  /** Runs when `until` matches, before the process is told to stop. */
  onMatch?: () => void,
) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', PUBLIC_DIR: 'nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...as,
  });
  let out = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => {
    out += d;
    stderr += d;
  });
  return new Promise<{ code: number | null; out: string; stderr: string }>((resolve) => {
    const timer = until
      ? setInterval(() => {
          if (until.test(out)) {
            clearInterval(timer);
            onMatch?.();
            child.kill('SIGTERM');
          }
        }, 50)
      : undefined;
    child.on('exit', (code) => {
      if (timer) clearInterval(timer);
      resolve({ code, out, stderr });
    });
  });
}

describe('server process', () => {
  it('exits non-zero when the database cannot be opened', async () => {
    const { code, out } = await run({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(code).not.toBe(0);
    expect(out).toMatch(/failed to start/);
  });

  it('prints a one-time setup link on first run and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hadir-main-'));
    try {
      const { code, out } = await run({ DATA_DIR: dir }, /admin\/setup#[A-Za-z0-9_-]{40,}/);
      expect(out).toMatch(/admin\/setup#[A-Za-z0-9_-]{40,}/);
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns at start when it serves beyond this machine without PUBLIC_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hadir-main-'));
    try {
      const { out } = await run(
        { DATA_DIR: dir, HOST: '0.0.0.0', PUBLIC_URL: '' },
        /PUBLIC_URL belum diatur[\s\S]*admin\/setup#/,
      );
      expect(out).toMatch(/PUBLIC_URL belum diatur.*tidak akan terbuka di HP peserta/);
      expect(out).toMatch(/"level":"warn","msg":"ticket links would not open on phones"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('erases personal data of an event past its retention day when it starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hadir-main-'));
    try {
      const store = await openStore({ dataDir: dir });
      const t = { store, dispose: async () => undefined };
      const f = await seedDoorEvent(await testApp(t), t, 'Lewat masa simpan');
      await store.db.updateTable('events').set({ retain_until: '2000-01-01' }).execute();
      await store.close();
      const { code, out } = await run({ DATA_DIR: dir }, /personal data erased on schedule/);
      expect(code).toBe(0);
      expect(out).toContain(f.event.id);
      const after = await openStore({ dataDir: dir });
      const phones = await after.db.selectFrom('participants').select('phone').execute();
      await after.close();
      expect(phones.length).toBeGreaterThan(0);
      expect(phones.every((p) => p.phone === '')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps DATA_DIR 0700 and the database with its WAL/SHM 0600, tightening old ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hadir-main-'));
    const dir = join(root, 'data');
    try {
      // An install from before: a 0755 folder and a 0644 database.
      mkdirSync(dir, { mode: 0o755 });
      chmodSync(dir, 0o755);
      writeFileSync(join(dir, 'hadir.sqlite'), '');
      chmodSync(join(dir, 'hadir.sqlite'), 0o644);
      const mode = (file: string) => (statSync(join(dir, file)).mode & 0o777).toString(8);
      const seen: Record<string, string> = {};
      // While it runs (a clean close folds the WAL back and removes it).
      const { code } = await run({ DATA_DIR: dir }, /admin\/setup#/, undefined, () => {
        for (const f of ['', 'hadir.sqlite', 'hadir.sqlite-wal', 'hadir.sqlite-shm'])
          seen[f] = mode(f);
      });
      expect(code).toBe(0);
      expect(seen).toEqual({
        '': '700',
        'hadir.sqlite': '600',
        'hadir.sqlite-wal': '600',
        'hadir.sqlite-shm': '600',
      });
      // A fresh folder too.
      const fresh = join(root, 'fresh');
      await run({ DATA_DIR: fresh }, /admin\/setup#/);
      expect((statSync(fresh).mode & 0o777).toString(8)).toBe('700');
      expect((statSync(join(fresh, 'hadir.sqlite')).mode & 0o777).toString(8)).toBe('600');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses to start on a store it cannot write: one line, exit 1, never "listening"', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hadir-main-'));
    const dir = join(root, 'data');
    try {
      // A database made by an earlier run, then the folder and file made read-only. Root
      // ignores file modes, so as root the server runs as "nobody" against root's files.
      const first = await run({ DATA_DIR: dir }, /admin\/setup#/);
      expect(first.code).toBe(0);
      chmodSync(root, 0o755);
      chmodSync(dir, 0o555);
      chmodSync(join(dir, 'hadir.sqlite'), 0o444);
      const asRoot = process.getuid?.() === 0;
      const { code, out, stderr } = await run(
        { DATA_DIR: dir },
        undefined,
        asRoot ? { uid: 65534, gid: 65534 } : undefined,
      );
      expect(code).not.toBe(0);
      expect(out).not.toMatch(/listening|running at/);
      const lines = stderr.trim().split('\n');
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^Hadir gagal mulai \/ Hadir failed to start: .*tidak bisa .* \/ The data store/,
      );
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      chmodSync(dir, 0o755);
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
