// Housekeeping in the console (real server, real Chromium): the demo loads once and a second
// copy only by name; an event is archived (read-only, hidden until "Tampilkan arsip"), brought
// back, and deleted after its name is typed; a cancelled participant is reactivated with a new
// ticket.
import { expect, test } from '@playwright/test';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { setUpOrganizer } from './fixtures/organizer.js';

let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => server?.stop());

test('demo once, archive, un-archive, delete by name, reactivate', async ({ page, context }) => {
  test.setTimeout(90_000);
  await setUpOrganizer(server, context.request);
  const first = await context.request.post(`${server.origin}/api/demo`);
  const demo = (await first.json()) as { id: string; name: string };

  // A second click: told it is loaded, and offered a named copy.
  await page.goto(`${server.origin}/admin`);
  await page.getByTestId('load-demo').click();
  await expect(page.getByText('sudah dimuat')).toBeVisible();
  await page.getByLabel('Nama salinan acara contoh').fill('Latihan Relawan');
  await page.getByRole('button', { name: 'Muat salinan kedua' }).click();
  await expect(page).toHaveURL(/\/admin\/events\/[A-Z2-7]+$/, { timeout: 30_000 });
  await expect(page.locator('h1')).toHaveText('Latihan Relawan');
  const copyUrl = page.url();

  // Archive the copy: read-only banner; gone from the list until "Tampilkan arsip".
  await page.getByTestId('event-archive').click();
  await expect(page.getByTestId('archived-banner')).toBeVisible();
  await page.goto(`${server.origin}/admin`);
  const list = page.getByTestId('events-list');
  await expect(list).toContainText(demo.name);
  await expect(list).not.toContainText('Latihan Relawan');
  await page.getByTestId('show-archived').check();
  await expect(list.locator('li', { hasText: 'Latihan Relawan' })).toContainText('Diarsipkan');

  // Un-archive, then delete: the button waits for the name typed again.
  await page.goto(copyUrl);
  await page.getByTestId('event-unarchive').click();
  await expect(page.getByTestId('archived-banner')).toHaveCount(0);
  const del = page.getByTestId('event-delete');
  await page.getByTestId('delete-confirm').fill('Latihan');
  await expect(del).toBeDisabled();
  await page.getByTestId('delete-confirm').fill('latihan relawan');
  await del.click();
  await expect(page).toHaveURL(/\/admin\/?$/);
  await expect(page.getByTestId('events-list')).not.toContainText('Latihan Relawan');

  // Reactivate a cancelled participant: a new ticket is shown at once.
  const people = (await (
    await context.request.get(`${server.origin}/api/events/${demo.id}/participants?limit=1`)
  ).json()) as { participants: { id: string; name: string }[] };
  const p = people.participants[0]!;
  await context.request.post(`${server.origin}/api/participants/${p.id}/cancel`);
  await page.goto(`${server.origin}/admin/events/${demo.id}/participants?status=cancelled`);
  const row = page.locator(`tr[data-participant-id="${p.id}"]`);
  await row.getByTestId('participant-reactivate').click();
  await expect(page.getByTestId('ticket-link')).toBeVisible();
  const after = (await (
    await context.request.get(`${server.origin}/api/participants/${p.id}`)
  ).json()) as { status: string; ticketVersion: number };
  expect(after).toMatchObject({ status: 'active', ticketVersion: 2 });
});
