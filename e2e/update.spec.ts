// Safe updates: publishing a new build while a page is open shows "Versi baru tersedia — muat
// ulang?"; nothing reloads by itself; after consent the new worker takes over and what the phone
// kept (saved tickets; at the door, the roster and every unsynced scan) is intact, and the scans
// recorded by the old version sync afterwards.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { pairingCode, participantsOf, prepareDoorEvent, ticketOf } from './fixtures/door-event.js';
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

test('at the door: the update waits for the verdict to clear, and every scan survives it', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const door = await prepareDoorEvent(server, context.request);
  const offer = await pairingCode(door);
  const people = await participantsOf(door, door.wave1.id, 3);
  // The server cannot be reached for pushes: the scans stay in the outbox through the update.
  // The route is in place before the page loads (pairing pushes nothing): set on a running page,
  // a push once went through in CI. Every push the page sends is counted, and each must fail.
  const pushes = { sent: 0, reached: 0 };
  await context.route('**/api/sync/push', (route) => route.abort('internetdisconnected'));
  context.on('request', (r) => void (r.url().endsWith('/api/sync/push') && pushes.sent++));
  context.on(
    'requestfinished',
    (r) => void (r.url().endsWith('/api/sync/push') && pushes.reached++),
  );
  await page.goto(`${server.origin}/scan/pair#${offer.code}`);
  await page.getByLabel('Nama relawan').fill('Rina');
  await page.getByRole('button', { name: 'Mulai memindai' }).click();
  await expect(page.getByTestId('verdict-idle')).toBeVisible();
  for (const p of people) {
    await page.keyboard.type(await ticketOf(door, p.id));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('verdict-person')).toContainText(p.name);
  }
  await expect(page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '3');
  expect(pushes.sent).toBeGreaterThan(0);
  expect(pushes.reached).toBe(0);

  const swPath = join(publicDir, 'sw.js');
  writeFileSync(swPath, readFileSync(swPath, 'utf8') + '\n// build 3\n');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const banner = page.getByTestId('update-banner');
  await expect(banner).toBeVisible({ timeout: 20_000 });

  // A verdict is on screen: consent is taken, but the reload waits until it is gone.
  await page.evaluate(() => ((window as unknown as { __stayed: boolean }).__stayed = true));
  await expect(page.getByTestId('verdict')).toBeVisible();
  await page.getByTestId('update-reload').click();
  await expect(banner).toContainText('Hasil pindai sedang tampil');
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(
    true,
  );
  const reloaded = page.waitForEvent('framenavigated');
  await page.getByTestId('verdict-dismiss').click();
  await reloaded;

  await expect(page.getByTestId('door-label')).toBeVisible();
  await expect(page.getByTestId('recent-scans').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '3');
  await expect(page.getByTestId('health-roster')).toContainText(`${door.wave1.participantCount}`);

  expect(pushes.reached).toBe(0);
  // The new version syncs what the old one recorded.
  await context.unroute('**/api/sync/push');
  await expect(page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '0', {
    timeout: 20_000,
  });
  const report = await (
    await context.request.get(`${server.origin}/api/events/${door.event.id}/attendance`)
  ).json();
  const session = report.sessions.find(
    (s: { sessionId: string }) => s.sessionId === door.sessionId,
  );
  expect(session.attendees.map((a: { name: string }) => a.name).sort()).toEqual(
    people.map((p) => p.name).sort(),
  );
});
