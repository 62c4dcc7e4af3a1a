// Scaled out: two server processes on two ports share one PostgreSQL database. A tablet pushes a
// scan to the first; the organizer's attendance page, served by the second, shows it live
// (NOTIFY inside the push transaction, LISTEN in every process).
import { expect, request, test } from '@playwright/test';
import type { PairResult } from '../src/shared/api/door.js';
import type { ScanEvent } from '../src/shared/door/types.js';
import {
  PG_REQUIRED,
  freshPostgresSchema,
  postgresReachable,
} from '../src/server/testing/stores.js';
import { pairingCode, participantsOf, prepareDoorEvent } from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

test('a scan pushed to one server process appears live on the other', async ({ page, context }) => {
  test.setTimeout(90_000);
  const reachable = await postgresReachable();
  if (!reachable && PG_REQUIRED)
    throw new Error('PostgreSQL is required (HADIR_REQUIRE_PG=1) but unreachable');
  test.skip(!reachable, 'PostgreSQL tidak terjangkau / unreachable: set TEST_DATABASE_URL');

  const schema = await freshPostgresSchema();
  const servers: RunningServer[] = [];
  const api = await request.newContext();
  try {
    // The first process migrates and prints the setup link; the second joins the same database.
    const first = await startServer({ DATABASE_URL: schema.url });
    servers.push(first);
    const door = await prepareDoorEvent(first, api);
    const second = await startServer({ DATABASE_URL: schema.url });
    servers.push(second);
    expect(second.origin).not.toBe(first.origin);

    // The organizer signs in on the second process (the session lives in the shared database).
    await context.request.post(`${second.origin}/api/auth/login`, {
      data: { username: 'panitia', password: 'rahasia-panitia-1' },
    });
    await page.goto(`${second.origin}/admin/events/${door.event.id}/attendance`);
    await expect(page.getByTestId('live-state')).toHaveAttribute('data-live', 'true');

    const offer = await pairingCode(door, { door: 'Pintu Server Satu' });
    const tablet = (await (
      await api.post(`${first.origin}/api/devices/pair`, { data: { code: offer.code } })
    ).json()) as PairResult;
    const [person] = await participantsOf(door, door.wave1.id, 1);
    const event: ScanEvent = {
      id: `LIVE${Date.now().toString(36).toUpperCase()}`,
      deviceId: tablet.deviceId,
      deviceSeq: 1,
      participantId: person!.id,
      sessionId: door.sessionId,
      kind: 'check-in',
      deviceTime: Date.now(),
      volunteer: 'Rina',
      door: 'Pintu Server Satu',
      verdict: 'admitted',
    };
    const pushed = await api.post(`${first.origin}/api/sync/push`, {
      headers: { authorization: `Bearer ${tablet.token}` },
      data: { events: [event], sentAt: Date.now() },
    });
    expect(pushed.status()).toBe(200);
    expect((await pushed.json()).results).toEqual([
      { id: event.id, status: 'stored', httpStatus: 201 },
    ]);

    await expect(page.getByTestId('live-feed')).toContainText('Pintu Server Satu', {
      timeout: 15_000,
    });
    await expect(page.getByTestId('attendance-table')).toContainText(person!.name);
  } finally {
    await api.dispose();
    for (const s of servers) await s.stop();
    await schema.drop();
  }
});
