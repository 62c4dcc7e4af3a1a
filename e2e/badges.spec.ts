// Printable badge sheets: Chromium prints a wave's A4 sheets to PDF, poppler rasterises every
// page, and every QR on every page must decode to exactly the participants' tickets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { BadgeSheet, EventDetail } from '../src/shared/api/schemas.js';
import { decodeQrImage } from './fixtures/qr.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { setUpOrganizer } from './fixtures/organizer.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

function pdftoppm(): string {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return 'pdftoppm';
  } catch {
    throw new Error(
      'pdftoppm tidak ada / not found: sudo apt-get install -y poppler-utils (CI installs it)',
    );
  }
}

test('every QR on the printed A4 badge sheets of wave 1 decodes to its participant ticket', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const api = context.request;
  await setUpOrganizer(server, api);
  const event = (await (await api.post(`${server.origin}/api/demo`)).json()) as EventDetail;
  const wave = event.waves[0]!;
  expect(wave.participantCount).toBe(382);
  const sheet = (await (
    await api.get(`${server.origin}/api/events/${event.id}/badges?wave=${wave.id}`)
  ).json()) as BadgeSheet;

  await page.goto(`${server.origin}/admin/events/${event.id}/badges?wave=${wave.id}`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-participant-id]')).toHaveCount(382);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });

  const dir = mkdtempSync(join(tmpdir(), 'hadir-badges-'));
  try {
    writeFileSync(join(dir, 'badges.pdf'), pdf);
    execFileSync(pdftoppm(), [
      '-r',
      '150',
      '-gray',
      '-png',
      join(dir, 'badges.pdf'),
      join(dir, 'page'),
    ]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    expect(pages.length).toBe(Math.ceil(382 / 8));
    const decoded: string[] = [];
    // One symbol can be reported twice by the multi-code reader (seen once in CI: 383 of 382),
    // so a page counts each text once; a badge printed on two pages would still count twice.
    for (const file of pages) {
      decoded.push(...new Set(await decodeQrImage(readFileSync(join(dir, file)))));
    }
    const expected = sheet.badges.map((b) => b.token).sort();
    expect(decoded.length).toBe(382);
    expect([...new Set(decoded)].sort()).toEqual(expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
