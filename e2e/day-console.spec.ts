// On the day, end to end in Chromium: two door tablets and the organizers' console on one event.
// A scan reaches the console by name within 2 s while online; a wave-2 ticket refused at a wave-1
// door shows there with its reason; a tablet whose scans cannot get out shows on the devices page
// as holding them, and once it has been out of sight for 10 minutes it is flagged; a pemantau
// sees the dashboard but is refused (403) on import and cancel; the audit log shows the import.
import { expect, test } from '@playwright/test';
import { participantsOf, prepareDoorEvent, ticketOf } from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { openTablet, scanTicket } from './fixtures/tablet.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('two tablets and the console: live by name, refusals with reasons, unsent scans, a read-only pemantau, the audit log', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const organizer = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const api = organizer.request;
  const door = await prepareDoorEvent(server, api);
  const origin = server.origin;

  // The office imports one more participant into wave 1 (the audit log keeps the import).
  const preview = await api.post(
    `${origin}/api/events/${door.event.id}/import/preview?wave=${door.wave1.id}`,
    {
      headers: { 'content-type': 'text/csv' },
      data: 'nama,no hp,nama usaha\nDewi Anggraini,0813 9999 0001,Warung Dewi\n',
    },
  );
  expect(preview.status()).toBe(200);
  const { draftId } = (await preview.json()) as { draftId: string };
  const commit = await api.post(`${origin}/api/events/${door.event.id}/import/commit`, {
    data: { draftId },
  });
  expect(await commit.text()).toContain('"done"');

  const wave1 = await participantsOf(door, door.wave1.id, 4);
  const [wave2Person] = await participantsOf(door, door.wave2.id, 1);
  const tickets = await Promise.all(wave1.map((p) => ticketOf(door, p.id)));
  const wave2Ticket = await ticketOf(door, wave2Person!.id);

  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await openTablet(contextA, door, {
    name: 'Tablet A',
    door: 'Pintu Utama',
    volunteer: 'Rina',
  });
  const b = await openTablet(contextB, door, {
    name: 'Tablet B',
    door: 'Pintu Timur',
    volunteer: 'Agus',
  });

  const office = await organizer.newPage();
  await office.goto(`${origin}/admin/events/${door.event.id}/attendance`);
  await expect(office.getByTestId('live-state')).toHaveAttribute('data-live', 'true');
  const feed = office.getByTestId('live-feed');

  // Online: a check-in at door A is on the console by name within 2 s.
  await scanTicket(a.page, tickets[0]!, 'admitted');
  const line = feed.locator('li', { hasText: wave1[0]!.name });
  await expect(line).toContainText('Diterima', { timeout: 2_000 });
  await expect(line).toContainText('Pintu Utama');
  await expect(line).toContainText('Rina');

  // A wave-2 ticket at this wave-1 door: refused at the door, and on the console with the reason.
  await scanTicket(b.page, wave2Ticket, 'wrong-wave');
  const refused = feed.locator('li', { hasText: wave2Person!.name });
  await expect(refused).toContainText(
    `Salah gelombang — tiketnya ${door.wave2.name}, ${door.wave2.venue}`,
  );
  await expect(refused).toContainText('Pintu Timur');
  await expect(feed).not.toContainText('wrong-wave');

  // Tablet A loses the network and keeps admitting people; its scans wait on the tablet.
  await contextA.setOffline(true);
  await scanTicket(a.page, tickets[1]!, 'admitted');
  await scanTicket(a.page, tickets[2]!, 'admitted');
  await expect(a.page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '2');
  // The link comes back weak: small requests get through, the pushes do not. The tablet's pull
  // tells the console what it holds.
  await a.page.route('**/api/sync/push', (route) => route.abort('connectionreset'));
  await contextA.setOffline(false);
  const devices = await organizer.newPage();
  await devices.goto(`${origin}/admin/events/${door.event.id}/devices`);
  const rowA = devices.locator('tr', { hasText: 'Tablet A' });
  await expect(async () => {
    await devices.reload();
    await expect(rowA.getByTestId('device-unsynced')).toContainText('2 pemindaian', {
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(feed.locator('li', { hasText: wave1[1]!.name })).toHaveCount(0);

  // Then it goes out of reach altogether; ten minutes on, the console flags it.
  await contextA.setOffline(true);
  const later = await organizer.newPage();
  await later.clock.install({ time: Date.now() + 11 * 60_000 });
  await later.goto(`${origin}/admin/events/${door.event.id}/devices`);
  const staleA = later.locator('tr', { hasText: 'Tablet A' });
  await expect(staleA).toHaveAttribute('data-stale', 'true');
  await expect(staleA.getByTestId('device-unsynced')).toContainText('2 pemindaian');
  await expect(later.locator('tr', { hasText: 'Tablet B' })).not.toHaveAttribute(
    'data-stale',
    'true',
  );
  await later.close();

  // Back in reach: its scans arrive and the console names them.
  await a.page.unroute('**/api/sync/push');
  await contextA.setOffline(false);
  await expect(feed.locator('li', { hasText: wave1[2]!.name })).toContainText('Diterima', {
    timeout: 20_000,
  });
  await expect(a.page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '0');

  // A pemantau, invited by the admin: sees the dashboard, may not import or cancel.
  const invite = await api.post(`${origin}/api/team/invitations`, { data: { role: 'pemantau' } });
  expect(invite.status()).toBe(201);
  const { link } = (await invite.json()) as { link: string };
  const watcher = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const joined = await watcher.request.post(`${origin}/api/team/invitations/accept`, {
    data: { token: link.split('#')[1], username: 'pemantau1', password: 'rahasia-pemantau-1' },
  });
  expect(joined.ok()).toBe(true);
  const login = await watcher.request.post(`${origin}/api/auth/login`, {
    data: { username: 'pemantau1', password: 'rahasia-pemantau-1' },
  });
  expect(login.ok()).toBe(true);
  const watch = await watcher.newPage();
  await watch.goto(`${origin}/admin/events/${door.event.id}/attendance`);
  await expect(watch.getByTestId('live-state')).toHaveAttribute('data-live', 'true');
  await expect(watch.getByTestId('live-feed')).toContainText(wave1[0]!.name);
  const tryImport = await watcher.request.post(
    `${origin}/api/events/${door.event.id}/import/preview?wave=${door.wave1.id}`,
    { headers: { 'content-type': 'text/csv' }, data: 'nama,no hp\nBudi,0812 3333 4444\n' },
  );
  expect(tryImport.status()).toBe(403);
  expect(await tryImport.text()).toContain('Peran Anda di tim tidak boleh melakukan ini');
  const tryCancel = await watcher.request.post(`${origin}/api/participants/${wave1[3]!.id}/cancel`);
  expect(tryCancel.status()).toBe(403);
  const still = (await (await api.get(`${origin}/api/participants/${wave1[3]!.id}`)).json()) as {
    status: string;
  };
  expect(still.status).toBe('active');
  await watcher.close();

  // The admin's audit log shows the import, in words.
  await office.goto(`${origin}/admin/audit`);
  const log = office.getByTestId('audit-log');
  await expect(log).toContainText('mengimpor daftar peserta (1 baru, 0 diperbarui)');
  await expect(log).toContainText('mengundang anggota baru sebagai Pemantau');

  await contextA.close();
  await contextB.close();
  await organizer.close();
});
