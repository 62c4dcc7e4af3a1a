// The door without a camera: pair by typing the code, download the roster, then — offline —
// admit through a USB scanner (keyboard wedge), search by name, register a walk-in, re-enter,
// undo, and find every scan still there after reloading offline.
import { expect, test } from '@playwright/test';
import type { DoorEvent } from './fixtures/door-event.js';
import { pairingCode, participantsOf, prepareDoorEvent, ticketOf } from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('pair, download, and check people in by scanner, search and walk-in while offline', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const door: DoorEvent = await prepareDoorEvent(server, context.request);
  const offer = await pairingCode(door);
  const [first, second] = await participantsOf(door, door.wave1.id, 2);
  const ticket = await ticketOf(door, first!.id);

  await page.goto(`${server.origin}/scan`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
  // A wrong code is refused in words, and nothing is paired.
  await page.getByLabel(/Kode pemasangan/).fill('ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Pasangkan' }).click();
  await expect(page.getByTestId('door-problem')).toBeVisible();

  await page.getByLabel(/Kode pemasangan/).fill(offer.code);
  await page.getByRole('button', { name: 'Pasangkan' }).click();
  await expect(page.getByLabel('Nama relawan')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Nama relawan').fill('Rina');
  await page.getByRole('button', { name: 'Mulai memindai' }).click();
  await expect(page.getByTestId('door-label')).toHaveText('Pintu Utama Aula');
  await expect(page.getByTestId('health-roster')).toContainText(`${door.wave1.participantCount}`);

  await context.setOffline(true);
  await expect(page.getByTestId('health-online')).toContainText('Offline');

  // A USB scanner types the ticket and Enter, with no field focused.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.type(ticket);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-kind', 'admitted');
  await expect(page.getByTestId('verdict-person')).toContainText(first!.name);
  await expect(page.getByTestId('verdict-announcer')).toContainText('Silakan masuk');

  await page.keyboard.type(ticket);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-kind', 'already-in');
  await expect(page.getByTestId('verdict')).toContainText('Pintu Utama Aula');
  await expect(page.getByTestId('verdict')).toContainText('Rina');
  await page.getByTestId('re-entry').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-event-kind', 're-entry');

  // By hand: search by name and check in from the result.
  await page.getByTestId('open-search').click();
  await page.getByLabel(/Nama, usaha/).fill(second!.name.split(' ')[0]!);
  const row = page.getByTestId('search-results').locator('li', { hasText: second!.name }).first();
  await row.getByRole('button', { name: 'Check-in' }).click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-kind', 'admitted');
  await expect(page.getByTestId('verdict-person')).toContainText(second!.name);

  // A walk-in: checked in at once and flagged.
  await page.getByTestId('open-walk-in').click();
  await page.getByLabel('Nama', { exact: true }).fill('Wahyu Hidayat');
  await page.getByLabel(/Nama usaha/).fill('Kopi Wahyu');
  await page.getByLabel('Nomor HP').fill('0812 9999 0001');
  await page.getByRole('button', { name: 'Daftarkan dan masukkan' }).click();
  await expect(page.getByTestId('verdict')).toContainText('Peserta tanpa tiket');

  // Undo the last check-in (the walk-in): a new undo event, nothing deleted.
  await page.getByTestId('undo').click();
  await page.getByTestId('undo-confirm').click();
  const recent = page.getByTestId('recent-scans').locator('li');
  await expect(recent.first()).toHaveAttribute('data-kind', 'undo');
  await expect(recent).toHaveCount(6);
  await expect(page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '6');

  // Reload with the network still off: the app comes from the cache, the scans from IndexedDB.
  await page.reload();
  await expect(page.getByTestId('door-label')).toBeVisible();
  await expect(recent).toHaveCount(6);
  await expect(recent.nth(0)).toHaveAttribute('data-kind', 'undo');
  await expect(recent.nth(1)).toHaveAttribute('data-kind', 'walk-in');
  await expect(recent.nth(2)).toHaveAttribute('data-verdict', 'admitted');
  await expect(recent.nth(3)).toHaveAttribute('data-kind', 're-entry');
  await expect(recent.nth(4)).toHaveAttribute('data-verdict', 'already-in');
  await expect(recent.nth(5)).toHaveAttribute('data-verdict', 'admitted');
  await expect(page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '6');
});
