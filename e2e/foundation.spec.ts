// Issue "Foundation", end to end from an empty data folder: the printed setup link → organizer
// account → load the demo → import a messy office CSV → open a participant's ticket link →
// decode the QR from a screenshot and verify its signature → offline → reload → still there.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { verifyTicket } from '../src/shared/ticket/crypto.js';
import { decodeQrImage } from './fixtures/qr.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

const NASTY = `<img src=x onerror="window.__pwned=1">'; DROP TABLE participants;--`;
const MESSY_CSV =
  '\uFEFFNo;Nama Lengkap;No. HP / WhatsApp;Nama Usaha;NIK;Gelombang\r\n' +
  '1;Dr. H. Ahmad Syarifuddin, S.E.;0812-9876-5432;"Koperasi Serpong; Jaya";3674019876540001;Gelombang 1\r\n' +
  "2;Siti Nur'aini;+62 813 2222 3333;Keripik Tempe Bu Siti;;1\r\n" +
  '\r\n' +
  `3;"${NASTY.replaceAll('"', '""')}";62857 4444 5555;Batik Ciputat;;Gelombang 1\r\n` +
  '4;Budi Santoso;bukan nomor;Kopi Pamulang;;1\r\n';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('organizer sets up, loads the demo, imports a CSV and a participant keeps the ticket offline', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  expect(server.setupLink, 'the server prints a one-time setup link on first run').toBeTruthy();

  // 1. The one-time setup link creates the organizer account.
  await page.goto(server.setupLink!);
  await page.locator('#setup-username').fill('panitia');
  await page.locator('#setup-password').fill('rahasia-panitia-1');
  await page.locator('#setup-confirm').fill('rahasia-panitia-1');
  await page.getByTestId('setup-submit').click();
  await expect(page).toHaveURL(/\/admin\/?$/);

  // 2. "Muat acara contoh" creates the Tangsel programme and opens it.
  await page.getByTestId('load-demo').click();
  await expect(page).toHaveURL(/\/admin\/events\/[A-Z2-7]+$/, { timeout: 30_000 });
  const eventId = page.url().split('/').pop()!;
  await expect(page.getByText('Aula Blandongan, Puspemkot Tangsel').first()).toBeVisible();
  await expect(page.getByText('Balaikota Tangsel').first()).toBeVisible();

  // 3. Import the messy office CSV: preview with per-row errors, nothing written, then commit.
  await page.goto(`${server.origin}/admin/events/${eventId}/import`);
  await page.locator('#import-file').setInputFiles({
    name: 'peserta-tambahan.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(MESSY_CSV, 'utf8'),
  });
  await page.getByTestId('import-upload').click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('6'); // the bad phone sits on physical line 6
  await expect(preview).toContainText(/3/);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 30_000 });
  // The skipped rows download as a file to fix, with a reason column.
  const [rejected] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-rejected').click(),
  ]);
  expect(rejected.suggestedFilename()).toBe('baris-ditolak.csv');
  expect(readFileSync(await rejected.path(), 'utf8')).toContain('Alasan / Reason');

  // 4. The imported people are in the roster; markup in a name shows as text, never runs.
  await page.goto(`${server.origin}/admin/events/${eventId}/participants`);
  await expect(page.getByTestId('participants-count')).toContainText('785');
  await page.locator('#filter-q').fill('onerror');
  await page.locator('#filter-q').press('Enter');
  await expect(page.getByTestId('participants-table')).not.toContainText('Abdul Rahman');
  await expect(page.getByTestId('participants-table')).toContainText(NASTY);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  await page.locator('#filter-q').fill('Syarifuddin');
  await page.locator('#filter-q').press('Enter');
  await expect(page.getByTestId('participants-table')).toContainText(
    'Dr. H. Ahmad Syarifuddin, S.E.',
  );
  await page.getByTestId('participant-ticket').first().click();
  const link =
    (await page
      .getByTestId('ticket-link')
      .first()
      .inputValue()
      .catch(() => null)) ?? (await page.getByTestId('ticket-link').first().textContent())!;
  expect(link).toMatch(/\/t#H1\./);

  // 5. The participant opens the link: the QR on screen decodes to a genuine ticket.
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 360, height: 740 });
  await phone.goto(link.trim());
  await expect(phone.getByTestId('ticket-name')).toHaveText('Dr. H. Ahmad Syarifuddin, S.E.');
  const qr = phone.getByTestId('ticket-qr');
  await expect(qr).toBeVisible();
  const decoded = await decodeQrImage(await qr.screenshot());
  const token = link.trim().split('#')[1]!;
  expect(decoded).toEqual([token]);
  const db = new Database(join(server.dataDir, 'hadir.sqlite'), { readonly: true });
  const keys = db
    .prepare('select kid, public_key as publicKey from event_keys where event_id = ?')
    .all(eventId) as { kid: string; publicKey: string }[];
  db.close();
  const verified = await verifyTicket(decoded[0]!, keys);
  expect(verified.ok).toBe(true);

  // 6. No network at the venue: the ticket still opens.
  await phone.waitForFunction(async () => Boolean(await navigator.serviceWorker?.ready), null, {
    timeout: 15_000,
  });
  await context.setOffline(true);
  await phone.reload();
  await expect(phone.getByTestId('ticket-name')).toHaveText('Dr. H. Ahmad Syarifuddin, S.E.');
  const offlineDecoded = await decodeQrImage(await phone.getByTestId('ticket-qr').screenshot());
  expect(offlineDecoded).toEqual([token]);
  await context.setOffline(false);
});
