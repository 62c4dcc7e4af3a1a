// A walk-in registered at a door becomes a participant the organizer confirms (issue 11,
// acceptance 4): the volunteer registers someone without a ticket; the console's "Perlu
// diperiksa" list offers "Jadikan peserta" with what the door typed; the organizer completes it and
// gets the ticket at once; the person is on the roster, counted present, and stays confirmed
// after a reload.
import { expect, test } from '@playwright/test';
import { prepareDoorEvent } from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { openTablet } from './fixtures/tablet.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('a walk-in from the door is confirmed as a participant with a ticket', async ({ browser }) => {
  test.setTimeout(120_000);
  const organizer = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const door = await prepareDoorEvent(server, organizer.request);
  const tablet = await openTablet(await browser.newContext(), door, {
    name: 'Tablet Pintu',
    door: 'Pintu Utama',
    volunteer: 'Rina',
  });

  // At the door: someone without a ticket is registered and let in.
  const page = tablet.page;
  await page.getByTestId('open-walk-in').click();
  await page.getByLabel('Nama', { exact: true }).fill('Bu Yati');
  await page.getByLabel(/Nama usaha/).fill('Keripik Yati');
  await page.getByLabel('Nomor HP').fill('0812 7777 0042');
  await page.getByRole('button', { name: 'Daftarkan dan masukkan' }).click();
  await expect(page.getByTestId('verdict')).toContainText('Peserta tanpa tiket');
  await expect(page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '0', {
    timeout: 20_000,
  });

  // On the console: the walk-in waits to be confirmed, with what the door typed.
  const office = await organizer.newPage();
  await office.goto(`${door.origin}/admin/events/${door.event.id}/attendance`);
  const item = office.getByTestId('review-items').locator('li[data-reason="walk-in"]');
  await expect(item).toContainText('Bu Yati');
  await item.getByTestId('walk-in-confirm').click();
  const form = office.getByTestId('participant-form');
  await expect(form.getByLabel('Nama lengkap')).toHaveValue('Bu Yati');
  await expect(form.getByLabel('Nama usaha')).toHaveValue('Keripik Yati');
  await expect(form.getByLabel('Nomor HP (WhatsApp)')).toHaveValue('0812 7777 0042');
  await form.getByLabel('Nama lengkap').fill('Suryati Handayani');
  await form.getByTestId('participant-save').click();

  // The ticket at once, and the item now says they are a participant.
  const ticket = office.getByTestId('ticket-dialog');
  await expect(ticket).toContainText('Suryati Handayani');
  await expect(ticket.getByTestId('ticket-link')).toHaveValue(/\/t#/);
  await ticket.getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(item.getByTestId('walk-in-confirmed')).toBeVisible();

  // Still so after a reload; and on the roster, counted present.
  await office.reload();
  await expect(
    office
      .getByTestId('review-items')
      .locator('li[data-reason="walk-in"]')
      .getByTestId('walk-in-confirmed'),
  ).toBeVisible();
  const list = await organizer.request.get(
    `${door.origin}/api/events/${door.event.id}/participants?attendance=hadir&q=Suryati`,
  );
  const present = (await list.json()) as { participants: { name: string; phone: string }[] };
  expect(present.participants).toEqual([
    expect.objectContaining({ name: 'Suryati Handayani', phone: '+6281277770042' }),
  ]);
});
