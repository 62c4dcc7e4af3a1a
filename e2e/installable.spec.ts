// Installable: the page links a web app manifest with an Indonesian name, maskable icons,
// screenshots and a start URL, every icon and screenshot it names is served, and a service
// worker controls the page — what Chromium requires to offer "Install".
import { expect, test } from '@playwright/test';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

interface Manifest {
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; purpose?: string }[];
  screenshots: { src: string; sizes: string; form_factor?: string }[];
  shortcuts: { name: string; url: string }[];
}

test('the manifest is complete and every file it names is served', async ({ page, request }) => {
  await page.goto(`${server.origin}/t`);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (
    await request.get(new URL(href!, server.origin).href)
  ).json()) as Manifest;
  expect(manifest).toMatchObject({
    name: 'Hadir — Cek Kehadiran',
    short_name: 'Hadir',
    lang: 'id',
    start_url: '/',
    display: 'standalone',
    theme_color: '#0b5d3b',
  });
  expect(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512')).toBe(true);
  expect(manifest.icons.some((i) => i.purpose !== 'maskable' && i.sizes === '192x192')).toBe(true);
  expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
  // The installed app opens the door or the ticket list directly from its icon's shortcuts.
  expect(manifest.shortcuts.map((s) => s.url).sort()).toEqual(['/scan', '/t']);
  for (const file of [...manifest.icons, ...manifest.screenshots]) {
    const res = await request.get(`${server.origin}${file.src}`);
    expect(res.status(), file.src).toBe(200);
    expect(res.headers()['content-type'], file.src).toMatch(/^image\//);
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
});
