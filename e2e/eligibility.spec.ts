// Certificate eligibility in the console (issue 12, acceptance 1): the admin sets a wave's rule,
// sees who is eligible and why not in words, and overrides one participant with a written reason
// that the activity log keeps.
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

test('the admin sets the rule, reads the reasons, and overrides with a reason', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const organizer = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const door = await prepareDoorEvent(server, organizer.request);
  const [present, absent] = await participantsOf(door, door.wave1.id, 2);
  const tablet = await openTablet(await browser.newContext(), door, {
    name: 'Tablet',
    door: 'Pintu Utama',
    volunteer: 'Rina',
  });
  await scanTicket(tablet.page, await ticketOf(door, present!.id), 'admitted');
  await expect(tablet.page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '0', {
    timeout: 20_000,
  });

  const page = await organizer.newPage();
  await page.goto(`${door.origin}/admin/events/${door.event.id}/eligibility?wave=${door.wave1.id}`);
  const wave = page.getByTestId('eligibility-wave');
  const sessions = door.wave1.sessions;
  const rowOf = (id: string) => wave.locator(`tr[data-participant="${id}"]`);

  // The default rule: every session. The demo wave has two; one check-in is not enough.
  expect(sessions).toHaveLength(2);
  await expect(rowOf(present!.id)).toHaveAttribute('data-eligible', 'false');
  await expect(rowOf(present!.id).getByTestId('eligibility-reasons')).toContainText(
    `tidak hadir: ${sessions[1]!.name}`,
  );
  // At least one session: the one who came is eligible; the other is told why not.
  await wave.getByTestId('rule-all').uncheck();
  await wave.getByTestId('rule-at-least-on').check();
  await wave.getByTestId('rule-at-least').fill('1');
  await wave.getByTestId('rule-save').click();
  await expect(rowOf(present!.id)).toHaveAttribute('data-eligible', 'true');
  await expect(rowOf(absent!.id)).toHaveAttribute('data-eligible', 'false');
  await expect(rowOf(absent!.id).getByTestId('eligibility-reasons')).toContainText(
    'hadir 0 sesi, syaratnya minimal 1',
  );

  // The admin declares the absent one eligible, with a reason; the log keeps it.
  await rowOf(absent!.id).getByTestId('eligibility-decide').click();
  const dialog = page.getByTestId('override-dialog');
  await dialog.getByTestId('override-save').click();
  await expect(dialog).toContainText('Tulis alasannya');
  await dialog.getByLabel(/Alasan/).fill('Hadir, tablet pintu mati listrik');
  await dialog.getByTestId('override-save').click();
  await expect(rowOf(absent!.id)).toHaveAttribute('data-eligible', 'true');
  await expect(rowOf(absent!.id).getByTestId('eligibility-override')).toContainText(
    'Hadir, tablet pintu mati listrik',
  );
  await page.reload();
  await expect(rowOf(absent!.id)).toHaveAttribute('data-eligible', 'true');
  await page.goto(`${door.origin}/admin/audit`);
  await expect(page.locator('main')).toContainText('Hadir, tablet pintu mati listrik');
});
