// Offline from the second visit: after one online visit every app route reloads with no network —
// the ticket page with its ticket, organizer pages with a clear offline notice instead of a
// browser error page.
import { expect, test } from '@playwright/test';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { setUpOrganizer } from './fixtures/organizer.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('every route reloads offline after the first visit', async ({ page, context }) => {
  const api = context.request;
  await setUpOrganizer(server, api);
  const event = await (
    await api.post(`${server.origin}/api/events`, { data: { name: 'Pelatihan UMKM' } })
  ).json();

  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
  await page.goto(`${server.origin}/admin/events/${event.id}`);
  await expect(page.getByTestId('header-event-name')).toContainText('Pelatihan UMKM');

  await context.setOffline(true);
  // The ticket and the door come from pages of their own (src/shared/app-pages.ts), offline too:
  // each page's entry script says which.
  const pages: [string, string][] = [
    ['/', 'index'],
    ['/t', 'ticket'],
    ['/c', 'index'],
    ['/v', 'index'],
    ['/scan', 'door'],
    ['/scan/pair', 'door'],
    ['/halaman/tidak/ada', 'index'],
  ];
  for (const [path, entry] of pages) {
    await page.goto(`${server.origin}${path}`);
    await expect(page.locator('h1').first(), path).toBeVisible();
    const script = await page.evaluate(
      () => document.querySelector<HTMLScriptElement>('script[type="module"]')?.src ?? '',
    );
    expect(new URL(script).pathname, path).toMatch(new RegExp(`^/assets/${entry}-[^/]+\\.js$`));
  }
  await page.goto(`${server.origin}/admin/events/${event.id}`);
  await expect(page.getByTestId('offline-notice').first()).toBeVisible();
  await expect(page.getByTestId('offline-notice').first()).toContainText(/offline/i);
  await page.goto(`${server.origin}/admin`);
  await expect(page.getByTestId('offline-notice').first()).toBeVisible();
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId('events-list')).toContainText('Pelatihan UMKM');
});
