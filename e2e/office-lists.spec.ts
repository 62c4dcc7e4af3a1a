// The Daftar Hadir the office files (issue 12, acceptance 5): 400 people admitted to a session,
// printed from the console to PDF in Chromium — A4 portrait, the letterhead and the column
// headings on every page, "Halaman N dari M" on every page, all 400 rows numbered in name order,
// and the signature block with the names typed on the page, kept on the server for the team.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { PairResult } from '../src/shared/api/door.js';
import type { ScanEvent } from '../src/shared/door/types.js';
import { pairingCode, participantsOf, prepareDoorEvent } from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

function pdftotext(file: string): string {
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (err) {
    throw new Error(
      `pdftotext tidak bisa dijalankan / failed: sudo apt-get install -y poppler-utils (CI installs it). ${String(err)}`,
    );
  }
}

test('a 400-row Daftar Hadir prints with the header and page numbers on every page', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const door = await prepareDoorEvent(server, context.request);
  const wave = door.wave2;
  const session = wave.sessions[0]!;
  const people = await participantsOf(door, wave.id, 1000);
  expect(people).toHaveLength(400);

  // Every one of them admitted at a wave-2 door, pushed as a tablet would.
  const offer = await pairingCode(door, { door: 'Pintu Balaikota', waveIds: [wave.id] });
  const tablet = (await (
    await context.request.post(`${door.origin}/api/devices/pair`, { data: { code: offer.code } })
  ).json()) as PairResult;
  const start = Date.now() - 60 * 60 * 1000;
  const events: ScanEvent[] = people.map((p, i) => ({
    id: `LIST${String(i).padStart(6, '0')}${start.toString(36).toUpperCase()}`,
    deviceId: tablet.deviceId,
    deviceSeq: i + 1,
    participantId: p.id,
    sessionId: session.id,
    kind: 'check-in',
    deviceTime: start + i * 5_000,
    volunteer: 'Agus',
    door: 'Pintu Balaikota',
    verdict: 'admitted',
  }));
  for (let i = 0; i < events.length; i += 100) {
    const res = await context.request.post(`${door.origin}/api/sync/push`, {
      headers: { authorization: `Bearer ${tablet.token}` },
      data: { events: events.slice(i, i + 100), sentAt: Date.now() },
    });
    expect(res.status()).toBe(200);
  }

  await page.goto(`${door.origin}/admin/events/${door.event.id}/lists?session=${session.id}`);
  const list = page.getByTestId('office-list');
  await expect(list).toHaveAttribute('data-rows', '400');
  await page.locator('summary').filter({ hasText: 'Instansi' }).click();
  await page.getByLabel('Mengetahui — nama').fill('Drs. H. Bambang Sutrisno, M.Si.');
  await page.getByLabel('Penanggung jawab — nama').fill('Rina Marlina, S.E.');
  await page.getByLabel('Penanggung jawab — nama').press('Tab');
  // Saved on the server for the team, not only on this computer.
  await expect(page.getByTestId('signers-status')).toHaveText(
    'Tersimpan untuk semua panitia acara ini.',
  );

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const dir = mkdtempSync(join(tmpdir(), 'hadir-lists-'));
  const file = join(dir, 'daftar-hadir.pdf');
  writeFileSync(file, pdf);
  const pages = pdftotext(file)
    .split('\f')
    .filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThan(5);

  // A4 portrait: 595 × 842 points.
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts/);

  pages.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain('PEMERINTAH KOTA TANGERANG SELATAN');
    expect(text, `page ${i + 1}`).toContain('DAFTAR HADIR');
    expect(text, `page ${i + 1}`).toContain(session.name);
    expect(text, `page ${i + 1}`).toMatch(/No +Nama +Nama Usaha +NIK +No. HP +Jam Hadir/);
    expect(text, `page ${i + 1}`).toContain(`Halaman ${i + 1} dari ${pages.length}`);
  });

  // All 400 rows, numbered 1…400, in name order; the signers at the end.
  const all = pages.join('\n');
  const numbers = [...all.matchAll(/^\s*(\d{1,3}) +\S/gm)].map((m) => Number(m[1]));
  expect(numbers).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
  const sorted = [...people].sort((a, b) =>
    a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }),
  );
  const at = (name: string) => all.indexOf(name);
  expect(at(sorted[0]!.name)).toBeLessThan(at(sorted[200]!.name));
  expect(at(sorted[200]!.name)).toBeLessThan(at(sorted[399]!.name));
  expect(pages.at(-1)).toContain('Drs. H. Bambang Sutrisno, M.Si.');
  expect(pages.at(-1)).toContain('Rina Marlina, S.E.');

  // Opened again (another tab, nothing kept in this browser), the names are still there.
  const again = await context.newPage();
  await again.addInitScript(() => localStorage.clear());
  await again.goto(`${door.origin}/admin/events/${door.event.id}/lists?session=${session.id}`);
  await again.locator('summary').filter({ hasText: 'Instansi' }).click();
  await expect(again.getByLabel('Mengetahui — nama')).toHaveValue(
    'Drs. H. Bambang Sutrisno, M.Si.',
  );
  await expect(again.getByLabel('Penanggung jawab — nama')).toHaveValue('Rina Marlina, S.E.');
});
