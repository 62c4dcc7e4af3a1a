// Accessibility: axe-core finds no serious or critical violation on any page, signed in or not.
import type { APIRequestContext } from '@playwright/test';
import { expect, request, test } from '@playwright/test';
import type { CertificateRecord } from '../src/shared/api/certificates.js';
import type { EventDetail, Participant, TicketLinks } from '../src/shared/api/schemas.js';
import { expectNoSeriousViolations } from './fixtures/axe.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

let server: RunningServer;
let api: APIRequestContext;
let setupToken: string;
let event: EventDetail;
let token: string;
let certificate: CertificateRecord;

const WAVE = {
  name: 'Gelombang 1',
  venue: 'Aula Blandongan, Puspemkot Tangsel',
  address: 'Jl. Maruga No. 1, Ciater, Serpong',
  mapUrl: 'https://www.google.com/maps/search/?api=1&query=Puspemkot+Tangsel',
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-08T16:00:00+07:00',
};

test.beforeAll(async () => {
  server = await startServer();
  setupToken = server.setupLink!.split('#')[1]!;
});
test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
});

test('signed-out pages: setup, home, not found', async ({ page }) => {
  await page.goto(`${server.origin}/admin/setup#${setupToken}`);
  await expect(page.locator('#setup-username')).toBeVisible();
  await expectNoSeriousViolations(page, 'setup');
  await page.goto(`${server.origin}/`);
  await expect(page.locator('h1')).toBeVisible();
  await expectNoSeriousViolations(page, 'home');
  await page.goto(`${server.origin}/halaman/tidak/ada`);
  await expect(page.locator('h1')).toBeVisible();
  await expectNoSeriousViolations(page, 'not found');
});

test.describe('organizer and participant pages', () => {
  test.beforeAll(async () => {
    api = await request.newContext({ baseURL: server.origin });
    await api.post('/api/setup', {
      data: { token: setupToken, username: 'panitia', password: 'rahasia-panitia-1' },
    });
    const created = await (
      await api.post('/api/events', { data: { name: 'Pelatihan UMKM' } })
    ).json();
    const wave = await (await api.post(`/api/events/${created.id}/waves`, { data: WAVE })).json();
    await api.post(`/api/waves/${wave.id}/sessions`, {
      data: { name: 'Hari 1 — Pagi', startsAt: WAVE.startsAt, endsAt: '2026-12-08T12:00:00+07:00' },
    });
    let first: Participant | null = null;
    for (const [i, name] of ['Siti Aminah', "Ma'ruf Hidayat", 'Dr. Budi Santoso, S.E.'].entries()) {
      const p = await (
        await api.post(`/api/events/${created.id}/participants`, {
          data: { name, business: `Usaha ${i + 1}`, phone: `08123456780${i}`, waveId: wave.id },
        })
      ).json();
      first ??= p;
    }
    event = await (await api.get(`/api/events/${created.id}`)).json();
    token = ((await (await api.get(`/api/participants/${first!.id}/ticket`)).json()) as TicketLinks)
      .token;
    // A certificate for the first participant, by an admin's decision (nobody attended here).
    await api.put(`/api/participants/${first!.id}/eligibility-override`, {
      data: { eligible: true, reason: 'Hadir, dicatat manual oleh panitia' },
    });
    certificate = (await (
      await api.post(`/api/participants/${first!.id}/certificate`)
    ).json()) as CertificateRecord;
  });

  const pages: [string, () => string, string][] = [
    ['events', () => '/admin', '[data-testid="events-list"]'],
    ['event', () => `/admin/events/${event.id}`, '[data-testid="add-wave"]'],
    [
      'participants',
      () => `/admin/events/${event.id}/participants`,
      '[data-testid="participants-table"]',
    ],
    ['import', () => `/admin/events/${event.id}/import`, '#import-file'],
    [
      'badges',
      () => `/admin/events/${event.id}/badges?wave=${event.waves[0]!.id}`,
      '[data-ready="true"]',
    ],
    [
      'sending',
      () => `/admin/events/${event.id}/sending?wave=${event.waves[0]!.id}`,
      '[data-testid="sending-count"]',
    ],
    [
      'sending certificates',
      () => `/admin/events/${event.id}/sending?wave=${event.waves[0]!.id}&kind=sertifikat`,
      '[data-testid="sending-no-certificate"]',
    ],
    ['devices', () => `/admin/events/${event.id}/devices`, 'h1'],
    ['attendance', () => `/admin/events/${event.id}/attendance`, '[data-live="true"]'],
    ['eligibility', () => `/admin/events/${event.id}/eligibility`, '[data-testid="rule-form"]'],
    ['lists', () => `/admin/events/${event.id}/lists`, '[data-testid="office-list"]'],
    [
      'certificates',
      () => `/admin/events/${event.id}/certificates`,
      '[data-testid="certificates-table"]',
    ],
    [
      'certificates print all',
      () => `/admin/events/${event.id}/certificates?wave=${event.waves[0]!.id}&cetak=1`,
      '[data-ready="true"]',
    ],
    ['ticket', () => `/t#${token}`, '[data-testid="ticket-qr"]'],
    ['certificate', () => `/c#${certificate.token}`, '[data-testid="cert-sheet"]'],
    ['verify genuine', () => `/v#${certificate.token}`, '[data-standing="valid"]'],
    ['verify refused', () => `/v#${token}`, '[data-testid="verify-refused"]'],
    ['verify paste', () => '/v', '#cert-paste'],
    ['my tickets', () => '/t', 'main'],
  ];
  for (const [label, path, ready] of pages) {
    test(`${label} page`, async ({ page, context }) => {
      const state = await api.storageState();
      await context.addCookies(state.cookies);
      await page.goto(`${server.origin}${path()}`);
      await expect(page.locator(ready).first()).toBeVisible({ timeout: 30_000 });
      await expectNoSeriousViolations(page, label);
    });
  }

  test('login page', async ({ page }) => {
    await page.goto(`${server.origin}/admin/login`);
    await expect(page.getByTestId('login-submit')).toBeVisible();
    await expectNoSeriousViolations(page, 'login');
  });
});
