// The real process: a failed migration/connection exits non-zero; a good start prints the
// one-time setup link and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './store/database.js';
import { testApp } from './testing/app.js';
import { seedDoorEvent } from './testing/devices.js';

function run(env: Record<string, string>, until?: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', PUBLIC_DIR: 'nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (out += d));
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const timer = until
      ? setInterval(() => {
          if (until.test(out)) {
            clearInterval(timer);
            child.kill('SIGTERM');
          }
        }, 50)
      : undefined;
    child.on('exit', (code) => {
      if (timer) clearInterval(timer);
      resolve({ code, out });
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
});
