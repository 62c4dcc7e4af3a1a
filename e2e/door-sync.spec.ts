// Two tablets at two doors of one wave, synced through the real server: a check-in at one door
// reaches the other, offline scans go out when the network returns, the same person admitted at
// both doors while offline is kept twice, counted once and flagged, a revoked tablet stops,
// wipes its roster and keeps its scans, and its exported file reaches the organizer. The
// organizer's attendance page follows it all live; a session added after pairing reaches the doors.
import { expect, test } from '@playwright/test';
import type { ConflictReport } from '../src/shared/api/attendance.js';
import { participantsOf, prepareDoorEvent, ticketOf } from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { openTablet, scanTicket as scan } from './fixtures/tablet.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('two doors converge: live already-in, offline catch-up, double admission flagged, revocation', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const organizer = await browser.newContext();
  const door = await prepareDoorEvent(server, organizer.request);
  const people = await participantsOf(door, door.wave1.id, 5);
  const tickets = await Promise.all(people.map((p) => ticketOf(door, p.id)));
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
  // The organizer watches arrivals live.
  const office = await organizer.newPage();
  await office.goto(`${server.origin}/admin/events/${door.event.id}/attendance`);
  await expect(office.getByTestId('live-state')).toHaveAttribute('data-live', 'true');

  // Online: A admits the first person; B hears of it and refuses a second entry, naming A.
  await scan(a.page, tickets[0]!, 'admitted');
  await expect(a.page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '0');
  await expect(b.page.getByTestId('session-count')).toHaveAttribute('data-count', '1', {
    timeout: 15_000,
  });
  await expect(office.getByTestId('attendance-table')).toContainText(people[0]!.name);
  await expect(office.getByTestId('live-feed')).toContainText('Pintu Utama');
  await scan(b.page, tickets[0]!, 'already-in');
  await expect(b.page.getByTestId('verdict')).toContainText('Pintu Utama');
  await expect(b.page.getByTestId('verdict')).toContainText('Rina');

  // A session the organizer adds after pairing reaches the tablets by their next sync round.
  const added = await organizer.request.post(
    `${server.origin}/api/waves/${door.wave1.id}/sessions`,
    {
      data: {
        name: 'Sesi Tambahan Malam',
        startsAt: new Date(Date.now() + 6 * 60 * 60 * 1000).toISOString(),
        endsAt: new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString(),
      },
    },
  );
  expect(added.status()).toBe(201);
  await expect(a.page.getByTestId('session-select')).toContainText('Sesi Tambahan Malam', {
    timeout: 5_000,
  });

  // A offline: scans wait in the outbox and go out when the network returns.
  await contextA.setOffline(true);
  await scan(a.page, tickets[1]!, 'admitted');
  await scan(a.page, tickets[2]!, 'admitted');
  await expect(a.page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '2');
  await contextA.setOffline(false);
  await expect(a.page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '0', {
    timeout: 15_000,
  });
  await expect(b.page.getByTestId('session-count')).toHaveAttribute('data-count', '3', {
    timeout: 15_000,
  });

  // Both offline, the same person at both doors: both admitted on the spot.
  await contextA.setOffline(true);
  await contextB.setOffline(true);
  await scan(a.page, tickets[3]!, 'admitted');
  await scan(b.page, tickets[3]!, 'admitted');
  await contextA.setOffline(false);
  await contextB.setOffline(false);
  for (const t of [a, b]) {
    await expect(t.page.getByTestId('health-unsynced')).toHaveAttribute('data-count', '0', {
      timeout: 15_000,
    });
    // Counted once on every tablet once each has heard from the other.
    await expect(t.page.getByTestId('session-count')).toHaveAttribute('data-count', '4', {
      timeout: 15_000,
    });
  }
  const conflicts = (await (
    await organizer.request.get(`${server.origin}/api/events/${door.event.id}/conflicts`)
  ).json()) as ConflictReport;
  expect(conflicts.doubleAdmissions).toHaveLength(1);
  const pair = conflicts.doubleAdmissions[0]!;
  expect(pair.personId).toBe(people[3]!.id);
  expect(pair.admissions.map((x) => x.door).sort()).toEqual(['Pintu Timur', 'Pintu Utama']);
  expect(pair.admissions.map((x) => x.volunteer).sort()).toEqual(['Agus', 'Rina']);
  expect(pair.admissions.map((x) => x.deviceId).sort()).toEqual([a.deviceId, b.deviceId].sort());
  await expect(office.getByTestId('review-items')).toContainText(people[3]!.name);
  await expect(office.getByTestId('attendance-table')).toHaveAttribute(
    'data-session',
    door.sessionId,
  );

  // The organizer revokes B while it holds an unsynced scan: its next sync stops it.
  await contextB.setOffline(true);
  await scan(b.page, tickets[4]!, 'admitted');
  const revoke = await organizer.request.post(`${server.origin}/api/devices/${b.deviceId}/revoke`);
  expect(revoke.ok()).toBe(true);
  await contextB.setOffline(false);
  await expect(b.page.getByTestId('door-revoked')).toBeVisible({ timeout: 15_000 });
  await expect(b.page.getByTestId('revoked-unsynced')).toHaveAttribute('data-count', '1');
  await b.page.reload();
  await expect(b.page.getByTestId('door-revoked')).toBeVisible();

  // The last resort: B's scans leave as a file, and the organizer imports it.
  const download = b.page.waitForEvent('download');
  await b.page.getByRole('button', { name: 'Ekspor pemindaian yang belum terkirim' }).click();
  const file = await (await download).path();
  await office.getByLabel(/Impor berkas/).setInputFiles(file!);
  await expect(office.getByTestId('import-result')).toContainText('1 baru');
  await expect(office.getByTestId('attendance-table')).toContainText(people[4]!.name);
  // A hears of it like any other door's scan.
  await expect(a.page.getByTestId('session-count')).toHaveAttribute('data-count', '5', {
    timeout: 15_000,
  });
  await scan(a.page, tickets[4]!, 'already-in');
  await expect(a.page.getByTestId('verdict')).toContainText('Pintu Timur');
  await Promise.all([contextA.close(), contextB.close(), organizer.close()]);
});
