// The organizer's console in words (real server, real Chromium): a scan pushed by a paired tablet
// appears in the live feed by name with its verdict in words; a door's wrong-wave refusal says
// where the ticket belongs; a scan the server refused appears in "Perlu diperiksa" with its
// reason and can be marked reviewed (who, when), and the page never claims there is nothing to
// review while it lists something.
import { expect, request, test } from '@playwright/test';
import type { PairResult } from '../src/shared/api/door.js';
import type { ScanEvent } from '../src/shared/door/types.js';
import { pairingCode, participantsOf, prepareDoorEvent } from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => server?.stop());

test('the live feed speaks, and refused scans wait in Perlu diperiksa until reviewed', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  const api = await request.newContext();
  try {
    const door = await prepareDoorEvent(server, api);
    await context.request.post(`${server.origin}/api/auth/login`, {
      data: { username: 'panitia', password: 'rahasia-panitia-1' },
    });
    await page.goto(`${server.origin}/admin/events/${door.event.id}/attendance`);
    await expect(page.getByTestId('live-state')).toHaveAttribute('data-live', 'true');
    await expect(page.getByTestId('nothing-to-review')).toBeVisible();

    const offer = await pairingCode(door, { name: 'Tablet Timur', door: 'Pintu Timur' });
    const tablet = (await (
      await api.post(`${server.origin}/api/devices/pair`, { data: { code: offer.code } })
    ).json()) as PairResult;
    const [guest] = await participantsOf(door, door.wave1.id, 1);
    const [other] = await participantsOf(door, door.wave2.id, 1);
    let seq = 0;
    const scan = (extra: Partial<ScanEvent>): ScanEvent => ({
      id: `FEED${Date.now().toString(36).toUpperCase()}${++seq}`,
      deviceId: tablet.deviceId,
      deviceSeq: seq,
      participantId: guest!.id,
      sessionId: door.sessionId,
      kind: 'check-in',
      deviceTime: Date.now(),
      volunteer: 'Rina',
      door: 'Pintu Timur',
      verdict: 'admitted',
      ...extra,
    });
    const wave2Session = door.wave2.sessions[0]!.id;
    const pushed = await api.post(`${server.origin}/api/sync/push`, {
      headers: { authorization: `Bearer ${tablet.token}` },
      data: {
        sentAt: Date.now(),
        events: [
          scan({}),
          // The door refused a wave-2 ticket at this wave-1 door.
          scan({ participantId: other!.id, verdict: 'wrong-wave' }),
          // A session outside the tablet's waves: the server refuses it.
          scan({ participantId: other!.id, sessionId: wave2Session }),
        ],
      },
    });
    expect(pushed.status()).toBe(200);

    const feed = page.getByTestId('live-feed');
    const admitted = feed.locator('li', { hasText: guest!.name });
    await expect(admitted).toContainText('Diterima');
    await expect(admitted).toContainText('Pintu Timur');
    await expect(admitted).toContainText('Tablet Timur');
    await expect(admitted).toContainText('Rina');
    const refused = feed.locator('li', { hasText: other!.name });
    await expect(refused).toContainText(
      `Salah gelombang — tiketnya ${door.wave2.name}, ${door.wave2.venue}`,
    );
    await expect(feed).not.toContainText('admitted');
    await expect(feed).not.toContainText('wrong-wave');

    const review = page.getByTestId('review-items');
    const item = review.locator('li[data-reason="rejected"]');
    await expect(item).toContainText('Ditolak server');
    await expect(item).toContainText(other!.name);
    await expect(item).toContainText('Tablet Timur');
    await expect(page.getByTestId('review-open')).toContainText('1 belum diperiksa');
    await expect(page.getByTestId('nothing-to-review')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('Tidak ada konflik');

    await item.getByTestId('mark-reviewed').click();
    await expect(review.locator('li[data-reason="rejected"]')).toHaveCount(0);
    await expect(page.getByTestId('review-open')).toHaveCount(0);
    await page.getByLabel('Tampilkan yang sudah diperiksa').check();
    await expect(review.locator('li[data-reason="rejected"]')).toContainText(
      'Diperiksa oleh panitia',
    );
    // Stored on the server: still reviewed after a reload.
    await page.reload();
    await page.getByLabel('Tampilkan yang sudah diperiksa').check();
    await expect(page.locator('li[data-reason="rejected"]')).toHaveAttribute(
      'data-reviewed',
      'true',
    );
  } finally {
    await api.dispose();
  }
});

test('the devices page shows each tablet at a glance, and flags one sitting on unsent scans', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  const api = await request.newContext();
  try {
    await context.request.post(`${server.origin}/api/setup`, {
      data: {
        token: server.setupLink!.split('#')[1],
        username: 'panitia',
        password: 'rahasia-panitia-1',
      },
    });
    const demo = await context.request.post(`${server.origin}/api/demo`);
    expect(demo.status()).toBe(201);
    const event = (await demo.json()) as { id: string; waves: { id: string }[] };
    const offer = await context.request.post(
      `${server.origin}/api/events/${event.id}/devices/pairings`,
      { data: { name: 'Tablet Barat', door: 'Pintu Barat', waveIds: [event.waves[0]!.id] } },
    );
    const { code } = (await offer.json()) as { code: string };
    const tablet = (await (
      await api.post(`${server.origin}/api/devices/pair`, { data: { code } })
    ).json()) as PairResult;
    const report = {
      unsynced: 3,
      oldestUnsyncedAt: Date.now() - 30 * 60_000,
      appVersion: '0.1.0',
      serverMinusDeviceMs: 5 * 60_000,
      storagePersisted: false,
    };
    const pulled = await api.get(
      `${server.origin}/api/sync/pull?report=${encodeURIComponent(JSON.stringify(report))}`,
      { headers: { authorization: `Bearer ${tablet.token}` } },
    );
    expect(pulled.status()).toBe(200);

    // Eleven minutes later, in the organizer's browser, with no word from the tablet since.
    await page.clock.install({ time: Date.now() + 11 * 60_000 });
    await page.goto(`${server.origin}/admin/events/${event.id}/devices`);
    const row = page.locator('tr', { hasText: 'Tablet Barat' });
    await expect(row).toHaveAttribute('data-stale', 'true');
    await expect(row.getByTestId('device-unsynced')).toContainText('3 pemindaian');
    await expect(row.getByTestId('device-unsynced')).toContainText('tidak terlihat 10 menit');
    await expect(row.getByTestId('device-seen')).toContainText('11 menit lalu');
    await expect(row.getByTestId('device-clock')).toContainText('Salah: terlambat 5 menit');
    await expect(row.getByTestId('device-storage')).toContainText('Bisa terhapus');
  } finally {
    await api.dispose();
  }
});
