// Attendance against the roster on the console: "Hadir N dari M" per session with its progress
// bar, the belum-hadir list with WhatsApp reminders, and the count moving live when a paired
// tablet pushes a check-in through the sync API.
import { expect, request, test } from '@playwright/test';
import type { AttendanceSummary } from '../src/shared/api/attendance-summary.js';
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

test('the console shows Hadir N dari M and it moves live when a tablet pushes a scan', async ({
  page,
  context,
}) => {
  const api = await request.newContext();
  try {
    const door = await prepareDoorEvent(server, api);
    await context.request.post(`${server.origin}/api/auth/login`, {
      data: { username: 'panitia', password: 'rahasia-panitia-1' },
    });
    const summary = (await (
      await api.get(`${server.origin}/api/events/${door.event.id}/attendance/summary`)
    ).json()) as AttendanceSummary;
    const roster = summary.waves.find((w) => w.waveId === door.wave1.id)!.rosterCount;
    expect(roster).toBeGreaterThan(1);

    await page.goto(`${server.origin}/admin/events/${door.event.id}/attendance`);
    await expect(page.getByTestId('live-state')).toHaveAttribute('data-live', 'true');
    const session = page.locator(
      `[data-testid="roster-session"][data-session="${door.sessionId}"]`,
    );
    await expect(session.getByTestId('session-count')).toHaveText(`Hadir 0 dari ${roster}`);
    const bar = session.getByRole('progressbar');
    await expect(bar).toHaveAttribute('aria-valuenow', '0');
    await expect(bar).toHaveAttribute('aria-valuemax', String(roster));

    const [person] = await participantsOf(door, door.wave1.id, 1);
    const missingRow = session.locator(`tr[data-participant-id="${person!.id}"]`);
    await session.getByText(`Belum hadir (${roster})`).click();
    await expect(missingRow).toContainText(person!.name);
    const reminder = missingRow.getByRole('link', {
      name: `Ingatkan ${person!.name} lewat WhatsApp`,
    });
    const href = (await reminder.getAttribute('href'))!;
    expect(href).toMatch(/^https:\/\/wa\.me\/628\d+\?text=/);
    expect(decodeURIComponent(href.split('?text=')[1]!)).toContain(
      `Halo Bapak/Ibu ${person!.name}`,
    );

    // A paired tablet pushes a check-in through the sync API, as a door would.
    const offer = await pairingCode(door, { door: 'Pintu Utama Aula' });
    const tablet = (await (
      await api.post(`${server.origin}/api/devices/pair`, { data: { code: offer.code } })
    ).json()) as PairResult;
    const event: ScanEvent = {
      id: `ROSTER${Date.now().toString(36).toUpperCase()}`,
      deviceId: tablet.deviceId,
      deviceSeq: 1,
      participantId: person!.id,
      sessionId: door.sessionId,
      kind: 'check-in',
      deviceTime: Date.now(),
      volunteer: 'Rina',
      door: 'Pintu Utama Aula',
      verdict: 'admitted',
    };
    // The attendance table then asks only for what changed since its cursor.
    const delta = page.waitForRequest((r) => /\/attendance\?after=\d+&epoch=/.test(r.url()));
    const pushed = await api.post(`${server.origin}/api/sync/push`, {
      headers: { authorization: `Bearer ${tablet.token}` },
      data: { events: [event], sentAt: Date.now() },
    });
    expect(pushed.status()).toBe(200);

    await expect(session.getByTestId('session-count')).toHaveText(`Hadir 1 dari ${roster}`);
    await expect(bar).toHaveAttribute('aria-valuenow', '1');
    await expect(missingRow).toHaveCount(0);
    await expect(session.getByText(`Belum hadir (${roster - 1})`)).toBeVisible();
    await expect(session.getByTestId('arrivals-chart')).toContainText('Pintu Utama Aula (1)');
    await delta;
    await expect(page.getByTestId('attendance-table')).toContainText(person!.name);

    // The participants list filters by attendance on the server and marks each session.
    await page.goto(
      `${server.origin}/admin/events/${door.event.id}/participants?hadir=hadir&session=${door.sessionId}`,
    );
    await expect(page.getByTestId('participants-count')).toContainText('dari 1 peserta');
    const row = page.locator(`tr[data-participant-id="${person!.id}"]`);
    await expect(row.locator(`[data-session="${door.sessionId}"]`)).toHaveAttribute(
      'data-present',
      'true',
    );
    await page.getByLabel('Kehadiran').selectOption('belum');
    await expect(page.getByTestId('participants-count')).toContainText(
      `dari ${roster - 1} peserta`,
    );
  } finally {
    await api.dispose();
  }
});
