// The ticket `/t` is answered by a lean page of its own (ticket.html), not the whole app shell, so
// a budget phone paints the QR sooner (e2e/bench/first-second.ts). This proves it is that page and
// that it still does what the participant's page did inside the app: the wake lock, the language
// switch (remembered), "Tiket saya" and its links, and the way back to the rest of the app.
// Needs `npm run build` (dist/public and dist/server).
import type { APIRequestContext } from '@playwright/test';
import { expect, request, test } from '@playwright/test';
import { participantsOf, prepareDoorEvent, ticketOf } from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

let server: RunningServer;
let api: APIRequestContext;
let token: string;
let name: string;

test.beforeAll(async () => {
  server = await startServer();
  api = await request.newContext();
  const door = await prepareDoorEvent(server, api);
  const [p] = await participantsOf(door, door.wave1.id, 1);
  name = p!.name;
  token = await ticketOf(door, p!.id);
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
});

test('the ticket is its own lean page and keeps the wake lock, language, list and links', async ({
  page,
}) => {
  // Counts the page's wake-lock requests (headless Chromium has no screen to keep on).
  await page.addInitScript(() => {
    const w = window as unknown as { __wakeRequests: number };
    w.__wakeRequests = 0;
    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: {
        request: () => {
          w.__wakeRequests += 1;
          return Promise.resolve(
            Object.assign(new EventTarget(), { release: () => Promise.resolve() }),
          );
        },
      },
    });
  });
  const files: string[] = [];
  page.on('request', (r) => files.push(new URL(r.url()).pathname));

  await page.goto(`${server.origin}/t#${token}`);
  await expect(page.getByTestId('ticket-name')).toHaveText(name);
  await expect(page.getByTestId('ticket-qr')).toBeVisible();
  await expect(page.locator('.ticket-details')).toContainText('WIB');
  // Its own page: none of the app shell's router, styles or other pages were fetched.
  const assets = files.filter((f) => f.startsWith('/assets/'));
  expect(assets.some((f) => /\/ticket-[\w-]+\.js$/.test(f))).toBe(true);
  expect(assets.filter((f) => /\/(index|AdminRoot|DoorPage|Home)-/.test(f))).toEqual([]);
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { __wakeRequests: number }).__wakeRequests),
    )
    .toBeGreaterThan(0);

  // The language switch, remembered on this phone.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'At the door' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'At the door' })).toBeVisible();
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Di pintu masuk' })).toBeVisible();

  // "Tiket saya" shows the ticket kept on this phone; tapping it opens the ticket again.
  await page.getByRole('link', { name: 'Tiket saya' }).click();
  await expect(page).toHaveURL(`${server.origin}/t`);
  const list = page.getByTestId('saved-tickets');
  await expect(list).toContainText(name);
  await list.getByRole('link').first().click();
  await expect(page.getByTestId('ticket-name')).toHaveText(name);

  // A link out of /t loads the rest of the app, whose own link back shows the same list.
  await page.getByRole('link', { name: 'Tiket saya' }).click();
  await page.getByRole('link', { name: 'Hadir', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Hadir', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(`${server.origin}/`);
  await page.getByRole('link', { name: 'Tiket saya' }).click();
  await expect(page.getByTestId('saved-tickets')).toContainText(name);
});
