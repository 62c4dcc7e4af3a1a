// The participant's ticket page: opened once online, it must open again with no network (the
// service worker serves the app, the phone keeps the ticket), fit a 320 px screen, and send the
// signed token only in the body of its info request (proof it holds the ticket), never in a URL.
// Needs `npm run build` (dist/public and dist/server).
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, request, test } from '@playwright/test';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

let server: RunningServer;
let api: APIRequestContext;
let token: string;
let participantName: string;

const WAVE = {
  name: 'Gelombang 1',
  venue: 'Aula Blandongan, Puspemkot Tangsel',
  address: 'Jl. Maruga No. 1, Ciater, Serpong, Tangerang Selatan',
  mapUrl: null,
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-08T16:00:00+07:00',
};

async function post<T>(path: string, data: unknown): Promise<T> {
  const res = await api.post(path, { data });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

test.beforeAll(async () => {
  server = await startServer();
  api = await request.newContext({ baseURL: server.origin });
  const setupToken = server.setupLink?.split('#')[1];
  expect(setupToken, 'setup link printed on first run').toBeTruthy();
  await post('/api/setup', {
    token: setupToken,
    username: 'panitia',
    password: 'rahasia-panitia-1',
  });
  const event = await post<{ id: string }>('/api/events', { name: 'Pelatihan UMKM 2026' });
  const wave = await post<{ id: string }>(`/api/events/${event.id}/waves`, WAVE);
  await post(`/api/waves/${wave.id}/sessions`, {
    name: 'Hari 1',
    startsAt: WAVE.startsAt,
    endsAt: WAVE.endsAt,
  });
  participantName = 'Siti Aminah Nurhalizah';
  const p = await post<{ id: string }>(`/api/events/${event.id}/participants`, {
    name: participantName,
    business: 'Keripik Singkong Bu Siti',
    phone: '081234567890',
    waveId: wave.id,
  });
  const links = await (await api.get(`/api/participants/${p.id}/ticket`)).json();
  token = links.token as string;
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
});

/**
 * Fails the test if any request carries the token's signature in a URL, or in a body other than
 * the ticket page's POST /api/ticket-info (which must carry it: the server answers no one else).
 */
function watchForToken(page: Page): () => void {
  const signature = () => token.split('.')[2]!;
  const leaks: string[] = [];
  let proved = false;
  page.on('request', (r) => {
    const inBody = (r.postData() ?? '').includes(signature());
    const infoRequest = r.method() === 'POST' && new URL(r.url()).pathname === '/api/ticket-info';
    if (infoRequest && inBody) proved = true;
    if (r.url().includes(signature()) || (inBody && !infoRequest)) leaks.push(r.url());
  });
  return () => {
    expect(leaks, 'the token travels in no URL and no other request').toEqual([]);
    expect(proved, 'the info request carries the token in its body').toBe(true);
  };
}

for (const width of [320, 390]) {
  test(`ticket opens offline after one online visit (${width} px)`, async ({ page, context }) => {
    await page.setViewportSize({ width, height: 740 });
    const noLeaks = watchForToken(page);
    await page.goto(`${server.origin}/t#${token}`);
    await expect(page.getByTestId('ticket-name')).toHaveText(participantName);
    await expect(page.getByTestId('ticket-token')).toHaveText(token);
    // Controlled by the service worker (clients.claim on first install), precache complete.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('ticket-name')).toHaveText(participantName);
    const qr = page.getByTestId('ticket-qr');
    await expect(qr).toBeVisible();
    const box = (await qr.boundingBox())!;
    // As large as the column allows, never past the screen edge.
    expect(box.x).toBeGreaterThanOrEqual(8);
    expect(box.x + box.width).toBeLessThanOrEqual(width - 8);
    expect(box.width).toBeGreaterThanOrEqual(width - 40);

    // "Tiket saya" lists it with no network, and tapping it opens it.
    await page.goto(`${server.origin}/t`);
    await page.getByTestId('saved-tickets').getByRole('link').first().click();
    await expect(page.getByTestId('ticket-qr')).toBeVisible();
    noLeaks();
  });
}

test('a broken ticket link says so in both languages and shows no QR', async ({ page }) => {
  await page.goto(`${server.origin}/t#H1.RUSAK.RUSAK`);
  const error = page.getByTestId('ticket-error');
  await expect(error).toContainText('Tiket tidak valid');
  await expect(error).toContainText('This ticket link is broken');
  await expect(page.getByTestId('ticket-qr')).toHaveCount(0);
});

test('a reopened ticket paints from the page kept on the phone before its code runs, and the code takes over the same elements', async ({
  page,
  context,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${server.origin}/t#${token}`);
  await expect(page.getByTestId('ticket-name')).toHaveText(participantName);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  // Kept once the page has shown the ticket (when idle).
  await page.waitForFunction(
    (t) => (localStorage.getItem('hadir.frame.v1') ?? '').includes(t),
    token,
  );

  // What #app holds the first time it has children, and whether the page's module had started.
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    new MutationObserver((_, observer) => {
      const app = document.getElementById('app');
      if (!app?.firstElementChild) return;
      observer.disconnect();
      w.__first = {
        html: app.innerHTML,
        moduleStarted: performance.getEntriesByName('hadir:main').length > 0,
        // The page's code is asked for only after this frame has painted (ticket-boot.ts).
        codeAsked:
          document.querySelector('script[type="module"], link[rel="modulepreload"]') !== null,
      };
      w.__firstQr = app.querySelector('[data-testid="ticket-qr"]');
    }).observe(document, { childList: true, subtree: true });
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('ticket-name')).toHaveText(participantName);
  // Offline: the page's own render has run once its note says the copy is the saved one.
  await expect(page.locator('.ticket-note')).not.toBeEmpty();
  const first = await page.evaluate(
    () =>
      (
        window as unknown as {
          __first: { html: string; moduleStarted: boolean; codeAsked: boolean };
        }
      ).__first,
  );
  expect(first.moduleStarted, 'painted before the module ran').toBe(false);
  expect(first.codeAsked, "painted before the page's code was asked for").toBe(false);
  expect(first.html).toContain(participantName);
  expect(first.html).toContain(WAVE.venue);
  expect(first.html).toContain('data-testid="ticket-qr"');
  expect(
    await page.evaluate(
      () =>
        (window as unknown as { __firstQr: Element | null }).__firstQr ===
        document.querySelector('[data-testid="ticket-qr"]'),
    ),
    'Preact rendered over the kept QR instead of drawing a new one',
  ).toBe(true);
  expect(violations).toEqual([]);
  // The page's styles come inlined with it (allowed by their hash): no stylesheet to wait for,
  // and they apply.
  expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
  await expect(page.getByTestId('ticket-qr')).toHaveCSS('display', 'block');

  // Removed from "Tiket saya": its kept page goes with it.
  await page.goto(`${server.origin}/t`);
  await page.getByRole('button', { name: new RegExp(participantName) }).click();
  await page.getByRole('button', { name: 'Ya, hapus' }).click();
  await expect(page.getByTestId('saved-tickets').getByRole('link')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('hadir.frame.v1') ?? '')).not.toContain(
    token,
  );
});
