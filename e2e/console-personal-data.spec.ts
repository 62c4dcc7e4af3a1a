// The event page's "Data pribadi" card (real server, real Chromium): the suggested erasure day,
// saving one shown in words, and erasing now only after the event's name is typed — then the card
// says when and by whom, and the participants' phones are gone.
import { expect, test } from '@playwright/test';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { setUpOrganizer } from './fixtures/organizer.js';

let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => server?.stop());

test('retention day and erasing personal data with the typed name', async ({ page, context }) => {
  test.setTimeout(90_000);
  await setUpOrganizer(server, context.request);
  const demo = (await (await context.request.post(`${server.origin}/api/demo`)).json()) as {
    id: string;
    name: string;
  };
  await page.goto(`${server.origin}/admin/events/${demo.id}`);
  const card = page.getByTestId('personal-data');
  await expect(card.getByTestId('retention-status')).toContainText('Usulan:');

  await card.getByTestId('retention-day').fill('2099-01-31');
  await card.getByTestId('retention-save').click();
  await expect(card.getByTestId('retention-status')).toHaveText(
    'Data pribadi peserta dihapus pada 31 Jan 2099.',
  );

  const erase = card.getByTestId('erase-personal-data');
  await card.getByTestId('erase-confirm').fill('bukan nama acara');
  await expect(erase).toBeDisabled();
  await card.getByTestId('erase-confirm').fill(demo.name);
  await erase.click();
  await expect(card.getByTestId('personal-data-note')).toContainText(
    /Data pribadi \d+ peserta dihapus/,
  );
  await expect(card.getByTestId('retention-erased')).toContainText('oleh panitia');

  const people = (await (
    await context.request.get(`${server.origin}/api/events/${demo.id}/participants?limit=5`)
  ).json()) as { participants: { phone: string; nik: string | null; email: string | null }[] };
  expect(people.participants.length).toBeGreaterThan(0);
  for (const p of people.participants)
    expect(p).toMatchObject({ phone: '', nik: null, email: null });
});
