// Badges for chosen participants, printed by headless Chromium to PDF and read back with
// poppler: a 60-character name and a long business name are whole on the page (no ellipsis, no
// cut), every QR decodes to its ticket, a selection of two prints exactly those two, and the
// event logo uploaded on the event page (PNG accepted; a renamed text file and a too-big file
// refused in words) is printed on each badge.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { BadgeSheet, EventDetail, Participant } from '../src/shared/api/schemas.js';
import { decodeQrImage } from './fixtures/qr.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { eventWithWave, setUpOrganizer } from './fixtures/organizer.js';

const LONG_NAME = 'Raden Ajeng Siti Nurhaliza Kusumaningrum Wibowo, S.E., M.Ak.';
const LONG_BUSINESS =
  'Koperasi Serba Usaha Wanita Tani Makmur Sejahtera Bersama Kelurahan Pondok Kacang Timur';
const EVENT_NAME = 'Pelatihan Kewirausahaan UMKM dan Koperasi Kota Tangerang Selatan 2026';
// The longest the roster accepts: a 120-character name and a 160-character business.
const LONGEST_NAME =
  `${LONG_NAME} binti Haji Muhammad Abdurrahman Prawiranegara Soerjadiningrat Kartasasmita`.slice(
    0,
    120,
  );
const LONGEST_BUSINESS =
  `${LONG_BUSINESS} — Unit Usaha Simpan Pinjam dan Pengolahan Hasil Pertanian Terpadu Kecamatan Pondok Aren`.slice(
    0,
    160,
  );
const PNG = readFileSync('public/icons/icon-192.png');

/** True when a poppler tool runs here (CI installs poppler-utils; a laptop may not have it). */
function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const POPPLER = hasTool('pdftotext') && hasTool('pdftoppm') && hasTool('pdfimages');
const NO_POPPLER =
  'pdftotext/pdftoppm/pdfimages tidak ada / not found: sudo apt-get install -y poppler-utils (CI installs it)';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

let server: RunningServer;
let event: EventDetail;
let people: Participant[];

async function post<T>(api: APIRequestContext, path: string, data: unknown): Promise<T> {
  const res = await api.post(`${server.origin}${path}`, { data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

test.beforeAll(async ({ playwright }) => {
  server = await startServer();
  const api = await playwright.request.newContext();
  await setUpOrganizer(server, api);
  const made = await eventWithWave(server, api, EVENT_NAME);
  event = made.event;
  const add = (name: string, business: string, phone: string) =>
    post<Participant>(api, `/api/events/${event.id}/participants`, {
      name,
      business,
      phone,
      waveId: made.waveId,
    });
  people = [
    await add('Ahmad Fauzi', 'Keripik Singkong Bu Ani', '081234560001'),
    await add(LONG_NAME, LONG_BUSINESS, '081234560002'),
    await add('Susi Susanti', 'Warung Kopi Serpong', '081234560003'),
    await add(LONGEST_NAME, LONGEST_BUSINESS, '081234560004'),
  ];
  await api.dispose();
});
test.afterAll(async () => server?.stop());

// Each test's browser signs in as the organizer set up above.
test.beforeEach(async ({ context }) => {
  await post(context.request, '/api/auth/login', {
    username: 'panitia',
    password: 'rahasia-panitia-1',
  });
});

/** Prints the page's badge sheet to an A4 PDF, as the browser's print dialog would. */
async function printBadges(page: Page): Promise<Buffer> {
  await expect(page.getByTestId('badge-sheet')).toHaveAttribute('data-ready', 'true', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('badge-print')).toBeEnabled();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

/** The PDF's text, its rasterised pages' QR codes, and its raster images (the logos). */
function readPdf(pdf: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'hadir-badges-print-'));
  try {
    const file = join(dir, 'badges.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    execFileSync('pdftoppm', ['-r', '150', '-png', file, join(dir, 'page')]);
    const pngs = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => /^\s*\d+\s+\d+\s+image\b/.test(line)).length;
    return { text: squash(text), pngs, images };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the event logo: a PNG is kept and previewed, a renamed text file and a big file are refused in words', async ({
  page,
}) => {
  await page.goto(`${server.origin}/admin/events/${event.id}`);
  const card = page.getByTestId('event-logo');
  await expect(card).toContainText('Belum ada logo');
  const input = card.getByLabel('Pilih berkas logo');

  await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(card.getByTestId('event-logo-preview')).toBeVisible();
  await card.getByTestId('event-logo-save').click();
  await expect(card.getByRole('status')).toHaveText(/Logo tersimpan/);
  const current = card.getByTestId('event-logo-current');
  await expect(current).toBeVisible();
  expect(await current.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(192);
  const saved = await current.getAttribute('src');

  await input.setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('nama;usaha\nSiti;Warung Siti\n'),
  });
  await card.getByTestId('event-logo-save').click();
  await expect(card.getByRole('alert')).toHaveText(
    'Berkas ini bukan gambar PNG atau JPEG. Pilih logo berformat PNG atau JPEG.',
  );

  const big = Buffer.alloc(600 * 1024);
  PNG.copy(big);
  await input.setInputFiles({ name: 'logo-besar.png', mimeType: 'image/png', buffer: big });
  await card.getByTestId('event-logo-save').click();
  await expect(card.getByRole('alert')).toContainText(
    'Berkas logo terlalu besar (maksimal 512 KB)',
  );
  await card.getByRole('button', { name: 'Batal' }).click();
  // The refused files changed nothing.
  await expect(current).toHaveAttribute('src', saved!);
});

test('two ticked participants print as exactly two whole badges with their QR codes and the logo', async ({
  page,
  context,
}) => {
  test.skip(!POPPLER, NO_POPPLER);
  test.setTimeout(120_000);
  const [, long, susi] = people as [Participant, Participant, Participant];
  // The logo test above uploads it through the page; here it is set directly, so this test
  // also runs alone.
  const logo = await context.request.put(`${server.origin}/api/events/${event.id}/logo`, {
    data: PNG,
    headers: { 'content-type': 'image/png' },
  });
  expect(logo.status()).toBe(200);
  await page.goto(`${server.origin}/admin/events/${event.id}/participants`);
  await page.getByRole('checkbox', { name: `Pilih ${LONG_NAME}`, exact: true }).check();
  await page.getByRole('checkbox', { name: 'Pilih Susi Susanti' }).check();
  await expect(page.getByTestId('selection-bar')).toContainText('2 peserta dipilih');
  await page.getByTestId('print-selected').click();
  await expect(page).toHaveURL(/\/badges\?ids=/);
  await expect(page.getByTestId('badge-scope')).toHaveValue('__selected__');
  await expect(page.locator('.badge-sheet [data-participant-id]')).toHaveCount(2);

  // On screen: the name is whole, in at most two lines, inside its badge; the logo has loaded.
  await expect(page.getByTestId('badge-sheet')).toHaveAttribute('data-ready', 'true', {
    timeout: 60_000,
  });
  const fit = await page.locator(`[data-participant-id="${long.id}"]`).evaluate((badge) => {
    const name = badge.querySelector<HTMLElement>('.badge-name')!;
    const business = badge.querySelector<HTMLElement>('.badge-business')!;
    const lines = (el: HTMLElement) =>
      Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
    const inside = (el: Element) => {
      const a = el.getBoundingClientRect();
      const b = badge.getBoundingClientRect();
      return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
    };
    const logo = badge.querySelector<HTMLImageElement>('.badge-logo');
    return {
      name: name.textContent,
      nameLines: lines(name),
      namePt: parseFloat(getComputedStyle(name).fontSize) * 0.75,
      businessLines: lines(business),
      businessPt: parseFloat(getComputedStyle(business).fontSize) * 0.75,
      inside: Array.from(badge.querySelectorAll('p, img')).every(inside),
      logo: logo?.complete && logo.naturalWidth,
    };
  });
  expect(fit.name).toBe(LONG_NAME);
  expect(fit.nameLines).toBeLessThanOrEqual(2);
  expect(fit.namePt).toBeGreaterThanOrEqual(9);
  expect(fit.businessLines).toBeLessThanOrEqual(2);
  expect(fit.businessPt).toBeGreaterThanOrEqual(6);
  test.info().annotations.push({
    type: 'fit',
    description: `name ${fit.namePt}pt in ${fit.nameLines} lines, business ${fit.businessPt}pt in ${fit.businessLines} lines`,
  });
  expect(fit.inside).toBe(true);
  expect(fit.logo).toBe(192);

  const pdf = readPdf(await printBadges(page));
  expect(pdf.pngs).toHaveLength(1);
  expect(pdf.text).toContain(LONG_NAME);
  expect(pdf.text).toContain(LONG_BUSINESS);
  expect(pdf.text).not.toContain('…');
  expect(pdf.text).toContain('Susi Susanti');
  expect(pdf.text).toContain(long.id);
  expect(pdf.text).toContain(susi.id);
  expect(pdf.text).not.toContain('Ahmad Fauzi');
  expect(pdf.text).not.toContain(people[0]!.id);
  expect(pdf.images, 'one logo per badge').toBe(2);

  const sheet = (await (
    await context.request.get(
      `${server.origin}/api/events/${event.id}/badges?ids=${long.id},${susi.id}`,
    )
  ).json()) as BadgeSheet;
  const tokens = sheet.badges.map((b) => b.token).sort();
  expect(tokens).toHaveLength(2);
  const decoded = await decodeQrImage(pdf.pngs[0]!);
  expect(decoded.sort()).toEqual(tokens);
});

test('one participant prints from the ticket dialog: one badge, its QR is their ticket', async ({
  page,
}) => {
  test.skip(!POPPLER, NO_POPPLER);
  test.setTimeout(120_000);
  const long = people[1]!;
  await page.goto(`${server.origin}/admin/events/${event.id}/participants`);
  await page.getByRole('button', { name: `Tiket: ${LONG_NAME}`, exact: true }).click();
  const dialog = page.getByTestId('ticket-dialog');
  const link = await dialog.getByTestId('ticket-link').inputValue();
  await dialog.getByTestId('ticket-badge').click();
  await expect(page).toHaveURL(new RegExp(`/badges\\?ids=${long.id}$`));
  await expect(page.locator('.badge-sheet [data-participant-id]')).toHaveCount(1);

  const pdf = readPdf(await printBadges(page));
  expect(pdf.text).toContain(LONG_NAME);
  expect(pdf.text).toContain(LONG_BUSINESS);
  expect(pdf.text).toContain(EVENT_NAME.toUpperCase());
  expect(await decodeQrImage(pdf.pngs[0]!)).toEqual([link.slice(link.indexOf('#') + 1)]);
});

test('the badges page switches between the selection, all waves and one wave', async ({ page }) => {
  await page.goto(`${server.origin}/admin/events/${event.id}/badges?ids=${people[0]!.id}`);
  const scope = page.getByTestId('badge-scope');
  await expect(page.locator('.badge-sheet [data-participant-id]')).toHaveCount(1);
  await scope.selectOption({ label: 'Semua gelombang' });
  await expect(page).toHaveURL(/\/badges\?all=1$/);
  await expect(page.locator('.badge-sheet [data-participant-id]')).toHaveCount(4);
  await scope.selectOption({ label: 'Peserta terpilih (1)' });
  await expect(page.locator('.badge-sheet [data-participant-id]')).toHaveCount(1);
  await scope.selectOption({ index: 2 });
  await expect(page).toHaveURL(/\/badges\?wave=/);
  await expect(page.locator('.badge-sheet [data-participant-id]')).toHaveCount(4);
});

test('the longest name and business the roster accepts still print whole, inside the badge', async ({
  page,
}) => {
  test.skip(!POPPLER, NO_POPPLER);
  const longest = people[3]!;
  expect(LONGEST_NAME).toHaveLength(120);
  expect(LONGEST_BUSINESS).toHaveLength(160);
  await page.goto(`${server.origin}/admin/events/${event.id}/badges?ids=${longest.id}`);
  await expect(page.getByTestId('badge-sheet')).toHaveAttribute('data-ready', 'true', {
    timeout: 60_000,
  });
  const inside = await page.locator(`[data-participant-id="${longest.id}"]`).evaluate((badge) => {
    const b = badge.getBoundingClientRect();
    return Array.from(badge.querySelectorAll('p, img')).every((el) => {
      const a = el.getBoundingClientRect();
      return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
    });
  });
  expect(inside).toBe(true);
  const pdf = readPdf(await printBadges(page));
  expect(pdf.text).toContain(LONGEST_NAME);
  expect(pdf.text).toContain(LONGEST_BUSINESS);
  expect(await decodeQrImage(pdf.pngs[0]!)).toHaveLength(1);
});
