// A team instead of one shared password, in Chromium: the admin invites a pemantau with a
// one-time link; the pemantau makes an account through it, sees the event dashboard, and is
// refused (403, in words) when trying to import; the admin's activity log shows the invitation.
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { eventWithWave, setUpOrganizer } from './fixtures/organizer.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('admin invites a pemantau who reads the dashboard but may not import', async ({
  page,
  browser,
}) => {
  // The admin: the first account, from the setup link; an event with one wave and an import.
  const api = page.context().request;
  await setUpOrganizer(server, api);
  const { event, waveId } = await eventWithWave(server, api, 'Pelatihan UMKM 2026');
  const preview = (await (
    await api.post(`${server.origin}/api/events/${event.id}/import/preview?wave=${waveId}`, {
      headers: { 'content-type': 'text/csv' },
      data: 'nama,no hp,nama usaha\nSiti Aminah,0813 1111 2222,Keripik Tempe\n',
    })
  ).json()) as { draftId: string };
  const commit = await api.post(`${server.origin}/api/events/${event.id}/import/commit`, {
    data: { draftId: preview.draftId },
  });
  expect(await commit.text()).toContain('"done"');

  // The admin makes an invitation link for a pemantau on the Tim page.
  await page.goto(`${server.origin}/admin/team`);
  await expect(page.getByTestId('team-member')).toHaveCount(1);
  await expect(page.getByTestId('team-member')).toContainText('panitia');
  await page.getByTestId('invite-role').selectOption('pemantau');
  await page.getByTestId('invite-submit').click();
  const link = await page.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/admin\/invite#[\w-]{40,}$/);
  await expectNoSeriousViolations(page, 'team');

  // The pemantau, on another device, opens the link and makes an account.
  const other = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  try {
    const p = await other.newPage();
    await p.goto(link);
    await expect(p.getByTestId('invite-intro')).toContainText('panitia mengundang Anda');
    await expect(p.getByTestId('invite-intro')).toContainText('Pemantau');
    await expectNoSeriousViolations(p, 'accept invitation');
    await p.locator('#invite-username').fill('dewi');
    await p.locator('#invite-password').fill('rahasia-dewi-12');
    await p.locator('#invite-confirm').fill('rahasia-dewi-12');
    await p.getByTestId('invite-accept').click();
    await expect(p).toHaveURL(/\/admin\/?$/);

    // The dashboard is there; the menus for import, team and log are not.
    await p.getByTestId('event-link').filter({ hasText: 'Pelatihan UMKM 2026' }).click();
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('Pelatihan UMKM 2026');
    const nav = p.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'Kehadiran' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Impor' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Tim' })).toHaveCount(0);

    // The roster is readable, without the buttons that change it.
    await p.goto(`${server.origin}/admin/events/${event.id}/participants`);
    await expect(p.getByTestId('participants-table')).toContainText('Siti Aminah');
    await expect(p.getByTestId('participant-cancel')).toBeHidden();
    await expect(p.getByTestId('add-participant')).toBeHidden();

    // Typing the import address anyway: the server refuses, in words.
    await p.goto(`${server.origin}/admin/events/${event.id}/import`);
    await p.locator('#import-file').setInputFiles({
      name: 'peserta.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('nama,no hp\nBudi,0812 3333 4444\n', 'utf8'),
    });
    await p.getByTestId('import-upload').click();
    await expect(p.getByRole('alert')).toContainText('Peran Anda di tim tidak boleh melakukan ini');
    const direct = await other.request.post(`${server.origin}/api/participants/NOPE/cancel`);
    expect(direct.status()).toBe(403);

    // Their own account page: role in words, password change, sign out everywhere.
    await p.goto(`${server.origin}/admin/account`);
    await expect(p.getByTestId('account-who')).toContainText('Masuk sebagai dewi');
    await expectNoSeriousViolations(p, 'account');

    // Once the link is used, it cannot make a second account.
    const again = await other.newPage();
    await again.goto(link);
    await expect(again.getByRole('alert')).toContainText('sudah dipakai');
  } finally {
    await other.close();
  }

  // The admin's activity log shows the invitation, the new member and the import, in words.
  await page.goto(`${server.origin}/admin/audit`);
  const log = page.getByTestId('audit-log');
  await expect(log).toContainText('mengundang anggota baru sebagai Pemantau');
  await expect(log).toContainText('bergabung ke tim sebagai Pemantau');
  await expect(log).toContainText('mengimpor daftar peserta (1 baru, 0 diperbarui)');
  await expect(page.getByTestId('audit-entry').first()).toContainText('dewi');
  await expectNoSeriousViolations(page, 'audit log');
});
