// Printable badge sheets: Chromium prints a wave's A4 sheets to PDF, poppler rasterises every
// page, and every QR on every page must decode to exactly the participants' tickets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { BadgeSheet, EventDetail } from '../src/shared/api/schemas.js';
import { findQrCodes } from './fixtures/qr.js';
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
}, testInfo) => {
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
    // Where each text was found (pixels at 150 dpi). The reader may report one symbol twice at
    // about the same place; a badge is 354 px tall, so finds closer than 100 px are one print.
    const found = new Map<string, { file: string; x: number; y: number }[]>();
    for (const file of pages) {
      for (const qr of await findQrCodes(readFileSync(join(dir, file)))) {
        const seen = found.get(qr.text) ?? [];
        const same = seen.some(
          (s) => s.file === file && Math.abs(s.x - qr.x) < 100 && Math.abs(s.y - qr.y) < 100,
        );
        if (!same)
          found.set(qr.text, [...seen, { file, x: Math.round(qr.x), y: Math.round(qr.y) }]);
      }
    }
    const expected = sheet.badges.map((b) => b.token);
    const twice = [...found]
      .filter(([, at]) => at.length > 1)
      .map(
        ([text, at]) =>
          `${text.slice(0, 12)}… on ${at.map((a) => `${a.file} @ ${a.x},${a.y}`).join(' and ')}`,
      );
    const strangers = [...found.keys()].filter((t) => !expected.includes(t));
    if (twice.length > 0 || strangers.length > 0) {
      // Kept for whoever reads the failure: the PDF and the pages involved.
      await testInfo.attach('badges.pdf', { body: pdf, contentType: 'application/pdf' });
      const involved = new Set([...found.values()].filter((at) => at.length > 1).flat());
      for (const file of new Set([...involved].map((a) => a.file))) {
        await testInfo.attach(file, { path: join(dir, file), contentType: 'image/png' });
      }
    }
    expect(twice, 'each badge is printed once').toEqual([]);
    expect(strangers, 'every code is a ticket of the wave').toEqual([]);
    expect([...found.keys()].sort()).toEqual([...expected].sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
