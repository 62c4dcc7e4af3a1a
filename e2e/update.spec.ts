// Safe updates: publishing a new build while a page is open shows "Versi baru tersedia — muat
// ulang?"; nothing reloads by itself; after consent the new worker takes over and what the phone
// kept (saved tickets) is intact.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

let server: RunningServer;
let publicDir: string;

test.beforeAll(async () => {
  publicDir = mkdtempSync(join(tmpdir(), 'hadir-public-'));
  cpSync('dist/public', publicDir, { recursive: true });
  server = await startServer({ PUBLIC_DIR: publicDir });
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(publicDir, { recursive: true, force: true });
});

test('a new release waits for consent, then takes over without losing saved data', async ({
  page,
}) => {
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
  await page.evaluate(() => localStorage.setItem('hadir.e2e.kept', 'tiket-tersimpan'));

  // Publish "build 2": a byte-different service worker is what browsers treat as a new version.
  const swPath = join(publicDir, 'sw.js');
  writeFileSync(swPath, readFileSync(swPath, 'utf8') + '\n// build 2\n');

  await page.reload();
  await page.evaluate(() => ((window as unknown as { __stayed: boolean }).__stayed = true));
  const banner = page.getByTestId('update-banner');
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText('Versi baru tersedia — muat ulang?');

  // Never reloads by itself.
  await page.waitForTimeout(2000);
  expect(await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(
    true,
  );

  const reloaded = page.waitForEvent('framenavigated');
  await page.getByTestId('update-reload').click();
  await reloaded;
  await expect(page.locator('h1')).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed),
  ).toBeUndefined();
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { waiting: reg?.waiting ?? null, active: reg?.active?.state };
  });
  expect(state).toEqual({ waiting: null, active: 'activated' });
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('hadir.e2e.kept'))).toBe('tiket-tersimpan');
});
