// Sending certificate links from the same queue as tickets, in Chromium. With PUBLIC_URL set,
// an organizer issues certificates to a few eligible participants of a wave (by the API: the
// certificate pages are built elsewhere), switches the Kirim page to "Sertifikat", sees the
// default certificate message previewed, sends two links with the keyboard (Enter, N, U undoes
// the last, N again) — the wa.me text holds the name, the certificate number and the https /c#
// link — reloads and finds them marked; the ticket queue of the same wave is untouched.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { WaveIssueAnswer } from '../src/shared/api/certificates.js';
import { participantsOf, prepareDoorEvent } from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

const PUBLIC_URL = 'https://hadir.tangsel.example';

/** window.open records where it was sent instead of leaving for wa.me. */
async function recordWindows(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { opened: string[] };
    w.opened = [];
    window.open = (url?: string | URL) => {
      w.opened.push(String(url));
      return {} as Window;
    };
  });
  return () => page.evaluate(() => (window as unknown as { opened: string[] }).opened);
}

test.describe('certificate sending queue with PUBLIC_URL', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer({ PUBLIC_URL });
  });
  test.afterAll(async () => server?.stop());

  test('organizer sends two certificate links with the keyboard; they stay marked', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const setupToken = /\/admin\/setup#(\S+)/.exec(server.output())![1]!;
    const door = await prepareDoorEvent(
      { ...server, setupLink: `${server.origin}/admin/setup#${setupToken}` },
      page.context().request,
    );
    // Three participants of wave 1 earned it by an admin's decision; then the wave is issued.
    for (const p of await participantsOf(door, door.wave1.id, 3)) {
      const res = await door.api.put(
        `${door.origin}/api/participants/${p.id}/eligibility-override`,
        {
          data: { eligible: true, reason: 'Hadir, absen kertas' },
        },
      );
      expect(res.status()).toBe(200);
    }
    const res = await door.api.post(`${door.origin}/api/waves/${door.wave1.id}/certificates`);
    expect(res.status()).toBe(200);
    const issued = (await res.json()) as WaveIssueAnswer;
    expect(issued.issued).toBeGreaterThanOrEqual(3);
    const numbers = new Map<string, string>();
    for (const c of issued.certificates) numbers.set(c.participantId, c.number);

    const opened = await recordWindows(page);
    const base = `${server.origin}/admin/events/${door.event.id}`;
    await page.goto(`${base}/sending?wave=${door.wave1.id}`);
    await expect(page.locator('h1')).toHaveText('Kirim tiket');
    await page.getByTestId('sending-kind-sertifikat').click();
    await expect(page).toHaveURL(/kind=sertifikat/);
    await expect(page.locator('h1')).toHaveText('Kirim sertifikat');
    await expect(page.getByTestId('link-origin-warning')).toHaveCount(0);
    const count = page.getByTestId('sending-count');
    await expect(count).toHaveText(/^Terkirim 0 dari \d+$/);
    const total = Number(/dari (\d+)/.exec((await count.textContent())!)![1]);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(total).toBeLessThanOrEqual(issued.certificates.length);
    // The rest of the wave holds no certificate yet: said in words, with the way to issue one.
    await expect(page.getByTestId('sending-no-certificate').locator('a')).toHaveAttribute(
      'href',
      `/admin/events/${door.event.id}/certificates`,
    );

    // The default certificate message, previewed for the next participant; {tautan} required.
    const firstName = (await page.getByTestId('sending-next-name').textContent())!;
    await expect(page.getByTestId('sending-next-message')).toContainText(
      `Selamat, Bapak/Ibu ${firstName}!`,
    );
    await page.locator('summary', { hasText: 'Pesan sertifikat' }).click();
    await expect(page.getByTestId('sending-instructions')).toHaveCount(0);
    const template = page.getByTestId('sending-template');
    await template.fill('Selamat {nama}! Nomor {nomor}. {tempat}');
    const problems = page.getByTestId('template-problems');
    await expect(problems).toContainText('Tidak dikenal: {tempat}');
    await expect(problems).toContainText('peserta tidak akan menerima sertifikatnya');
    await expect(page.getByTestId('template-preview')).toContainText(`Selamat ${firstName}! Nomor`);
    await expect(page.getByTestId('sending-settings-save')).toBeDisabled();
    await page.getByRole('button', { name: 'Pakai pesan bawaan' }).click();
    await expect(problems).toBeEmpty();

    // Keyboard: Enter, N — two sent; U undoes the last; N sends it again.
    await page.locator('h1').click();
    const names: string[] = [];
    const next = page.getByTestId('sending-next-name');
    const press = async (key: string) => {
      const name = (await next.textContent())!;
      names.push(name);
      await page.keyboard.press(key);
      await expect(next).not.toHaveText(name);
    };
    await press('Enter');
    await press('n');
    await expect(count).toHaveText(`Terkirim 2 dari ${total}`);
    await page.keyboard.press('u');
    await expect(count).toHaveText(`Terkirim 1 dari ${total}`);
    await expect(next).toHaveText(names[1]!);
    await press('n');
    await expect(count).toHaveText(`Terkirim 2 dari ${total}`);

    const windows = await opened();
    expect(windows).toHaveLength(3);
    const byName = new Map(issued.certificates.map((c) => [c.participantId, c] as const));
    const rows = page.getByTestId('sending-rows').locator('tbody tr');
    for (const [i, url] of windows.entries()) {
      expect(url).toMatch(/^https:\/\/wa\.me\/628\d+\?text=/);
      const text = decodeURIComponent(url.split('?text=')[1]!);
      const id = await rows.filter({ hasText: names[i]! }).getAttribute('data-participant-id');
      expect(text).toContain(`Selamat, Bapak/Ibu ${names[i]}!`);
      expect(text).toContain(`nomor ${numbers.get(id!)!}`);
      expect(text).toContain(`${PUBLIC_URL}/c#HS1.`);
      expect(text).toContain(byName.get(id!)!.certificateLink);
    }

    // The marks live on the server: after a reload the two are still marked, by whom and when.
    await page.reload();
    await expect(page.locator('h1')).toHaveText('Kirim sertifikat');
    await expect(count).toHaveText(`Terkirim 2 dari ${total}`);
    await page.getByTestId('sending-filter-sent').click();
    await expect(rows).toHaveCount(2);
    const first = rows.filter({ hasText: names[0]! });
    const firstId = (await first.getAttribute('data-participant-id'))!;
    await expect(first).toContainText(numbers.get(firstId)!);
    await expect(rows.getByTestId('sent-line').first()).toHaveText(
      /— dikirim \d{2}\.\d{2} oleh panitia/,
    );
    // Sending certificates is not sending tickets.
    await page.getByTestId('sending-kind-tiket').click();
    await expect(page.locator('h1')).toHaveText('Kirim tiket');
    await expect(count).toHaveText(/^Terkirim 0 dari \d+$/);
  });
});
