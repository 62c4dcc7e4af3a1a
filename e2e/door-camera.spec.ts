// The door end to end with a real (fake) camera: Chromium's fake capture device plays a Y4M video
// written here from real demo tickets. Pair and download online, then with the network off the
// camera reads a valid ticket, the same again, a wave-2 ticket at a wave-1 door, a revoked one, a
// forged one, a random QR and one issued after the download; a USB scanner, a name search, a
// walk-in and an undo follow; a reload offline keeps every scan. And a refused camera explains
// itself while the rest of the door keeps working.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, request, test } from '@playwright/test';
import { launchWithCamera } from './fixtures/camera-browser.js';
import type { DoorEvent } from './fixtures/door-event.js';
import {
  addParticipant,
  cancelParticipant,
  forge,
  pairingCode,
  participantsOf,
  prepareDoorEvent,
  ticketOf,
} from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { tabletScans } from './fixtures/tablet-db.js';
import { writeY4m } from './fixtures/y4m.js';

let server: RunningServer;
let door: DoorEvent;
let work: string;
test.beforeAll(async () => {
  server = await startServer();
  door = await prepareDoorEvent(server, await request.newContext());
  work = mkdtempSync(join(tmpdir(), 'hadir-door-camera-'));
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const storedScans = async (page: Page) => (await tabletScans(page)).events;

async function blankVideo(name: string): Promise<string> {
  const path = join(work, name);
  await writeY4m({ path, scenes: [{ text: null, seconds: 1 }] });
  return path;
}

test('camera at the door, offline: every verdict, then scanner, search, walk-in, undo, reload', async () => {
  test.setTimeout(180_000);
  const [valid, revoked, other, byName] = await participantsOf(door, door.wave1.id, 4);
  const [wave2] = await participantsOf(door, door.wave2.id, 1);
  // Its ticket as the participant holds it, then the registration is cancelled.
  const revokedTicketText = await ticketOf(door, revoked!.id);
  await cancelParticipant(door, revoked!.id);
  const offer = await pairingCode(door, { door: 'Pintu Kamera' });
  const profile = mkdtempSync(join(tmpdir(), 'hadir-door-profile-'));

  // 1. Online at the office: pair, download the roster, name the volunteer.
  let browser = await launchWithCamera({
    video: await blankVideo('blank.y4m'),
    userDataDir: profile,
  });
  let page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${server.origin}/scan/pair#${offer.code}`);
  await page.getByLabel('Nama relawan').fill('Rina');
  await page.getByRole('button', { name: 'Mulai memindai' }).click();
  await expect(page.getByTestId('camera-view')).toHaveAttribute('data-state', 'live', {
    timeout: 20_000,
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await browser.context.close();

  // Registered after the download: the tablet has never heard of them.
  const late = await addParticipant(door, door.wave1.id, 'Lestari Terlambat', '081299990042');
  const tickets = {
    valid: await ticketOf(door, valid!.id),
    wave2: await ticketOf(door, wave2!.id),
    forged: forge(await ticketOf(door, other!.id)),
    random: 'https://example.org/kupon/12345',
    late: await ticketOf(door, late.id),
  };
  const video = join(work, 'door.y4m');
  const shown = (text: string) => [
    { text, seconds: 1.2 },
    { text: null, seconds: 0.6 },
  ];
  await writeY4m({
    path: video,
    scenes: [
      { text: null, seconds: 2.5 },
      ...shown(tickets.valid),
      ...shown(tickets.wave2),
      ...shown(revokedTicketText),
      ...shown(tickets.forged),
      ...shown(tickets.random),
      ...shown(tickets.late),
      ...shown(tickets.valid),
      { text: null, seconds: 4 },
    ],
  });

  // 2. At the door with no network: the app and the roster come from the tablet.
  browser = await launchWithCamera({ video, userDataDir: profile });
  await browser.context.setOffline(true);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${server.origin}/scan`);
  await expect(page.getByTestId('health-online')).toContainText('Offline');
  const expected: [string, string | null, string][] = [
    ['admitted', valid!.id, 'valid ticket'],
    ['wrong-wave', wave2!.id, 'wave-2 ticket at a wave-1 door'],
    ['revoked', revoked!.id, 'revoked ticket'],
    ['forged', null, 'one signature character changed'],
    ['not-a-ticket', null, 'random QR'],
    ['valid-not-in-roster', late.id, 'issued after the download'],
    ['already-in', valid!.id, 'the valid ticket again'],
  ];
  await expect
    .poll(async () => (await storedScans(page)).length, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(expected.length);
  const scans = (await storedScans(page)).slice(0, expected.length);
  expect(scans.map((e) => [e.verdict, e.participantId])).toEqual(
    expected.map(([verdict, participantId]) => [verdict, participantId]),
  );
  expect(scans.every((e) => e.kind === 'check-in' && e.volunteer === 'Rina')).toBe(true);
  expect(scans.every((e) => e.door === 'Pintu Kamera')).toBe(true);

  // 3. A USB scanner, a name search, a walk-in and an undo, still offline.
  await expect(page.getByTestId('camera-view')).toHaveAttribute('data-state', 'live');
  await page.keyboard.type(await ticketOf(door, other!.id));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict-person')).toContainText(other!.name);
  await page.getByTestId('open-search').click();
  await page.getByLabel(/Nama, usaha/).fill(byName!.name);
  await page
    .getByTestId('search-results')
    .locator('li', { hasText: byName!.name })
    .first()
    .getByRole('button', { name: 'Check-in' })
    .click();
  await expect(page.getByTestId('verdict-person')).toContainText(byName!.name);
  await page.getByTestId('open-walk-in').click();
  await page.getByLabel('Nama', { exact: true }).fill('Wahyu Walk-in');
  await page.getByLabel('Nomor HP').fill('081288880001');
  await page.getByRole('button', { name: 'Daftarkan dan masukkan' }).click();
  await expect(page.getByTestId('verdict')).toContainText('Peserta tanpa tiket');
  await page.getByTestId('undo').click();
  await page.getByTestId('undo-confirm').click();
  await expect
    .poll(async () => (await storedScans(page)).some((e) => e.kind === 'undo'))
    .toBe(true);

  // 4. Reload, still offline: every scan is still there.
  const before = await storedScans(page);
  const kinds = new Set(before.map((e) => e.kind));
  expect([...kinds].sort()).toEqual(['check-in', 'undo', 'walk-in']);
  await page.reload();
  await expect(page.getByTestId('door-label')).toHaveText('Pintu Kamera');
  const after = new Set((await storedScans(page)).map((e) => e.id));
  expect(before.filter((e) => !after.has(e.id))).toEqual([]);
  await browser.context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('a refused camera explains how to allow it, and the scanner still works', async () => {
  test.setTimeout(90_000);
  const [p] = await participantsOf(door, door.wave1.id, 12).then((list) => list.slice(10));
  const offer = await pairingCode(door, { name: 'Tablet tanpa kamera', door: 'Pintu Samping' });
  const { context, userDataDir } = await launchWithCamera({
    video: await blankVideo('denied.y4m'),
    grantCamera: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/scan/pair#${offer.code}`);
  await page.getByLabel('Nama relawan').fill('Agus');
  await page.getByRole('button', { name: 'Mulai memindai' }).click();
  const problem = page.getByTestId('camera-problem');
  await expect(problem).toHaveAttribute('data-problem', 'denied', { timeout: 20_000 });
  await expect(problem).toContainText(/izin|Izinkan/i);
  await page.keyboard.type(await ticketOf(door, p!.id));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-kind', 'admitted');
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

test('a tablet pairs by scanning the pairing QR with its own camera', async () => {
  test.setTimeout(90_000);
  const offer = await pairingCode(door, { name: 'Tablet QR', door: 'Pintu Lobi' });
  const video = join(work, 'pairing.y4m');
  await writeY4m({
    path: video,
    scenes: [
      { text: null, seconds: 1 },
      { text: offer.qrText, seconds: 2 },
    ],
  });
  const { context, userDataDir } = await launchWithCamera({ video });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/scan`);
  await page.getByTestId('pair-scan').click();
  await expect(page.getByLabel('Nama relawan')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Nama relawan').fill('Dewi');
  await page.getByRole('button', { name: 'Mulai memindai' }).click();
  await expect(page.getByTestId('door-label')).toHaveText('Pintu Lobi');
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
});
