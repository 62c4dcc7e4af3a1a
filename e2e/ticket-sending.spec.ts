// Sending tickets from the queue, in Chromium. With PUBLIC_URL set, the organizer writes the
// contact, the instructions and the message (an unknown placeholder is flagged, the preview is
// the next participant's), sends three tickets with the keyboard (the wa.me windows carry the
// rendered message with name, contact and the https link), reloads and finds them marked; the
// ticket page shows the contact and the instructions. Without PUBLIC_URL, browsed from
// localhost: every sending and export page warns, and the send button is off with the reason,
// for certificate links too.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { participantsOf, prepareDoorEvent } from './fixtures/door-event.js';
import type { DoorEvent } from './fixtures/door-event.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

const PUBLIC_URL = 'https://hadir.tangsel.example';

/** window.open records where it was sent instead of leaving for wa.me. */
async function recordWindows(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { opened: { url: string; target: string }[] };
    w.opened = [];
    window.open = (url?: string | URL, target?: string) => {
      w.opened.push({ url: String(url), target: target ?? '' });
      return {} as Window;
    };
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { opened: { url: string; target: string }[] }).opened,
    );
}

test.describe('ticket sending queue with PUBLIC_URL', () => {
  let server: RunningServer;
  let door: DoorEvent;
  test.beforeAll(async () => {
    server = await startServer({ PUBLIC_URL });
  });
  test.afterAll(async () => server?.stop());

  test('organizer sends three tickets with the keyboard; they stay marked after a reload', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    // The setup link is printed on PUBLIC_URL; the token is what counts.
    const setupToken = /\/admin\/setup#(\S+)/.exec(server.output())![1]!;
    door = await prepareDoorEvent(
      { ...server, setupLink: `${server.origin}/admin/setup#${setupToken}` },
      page.context().request,
    );
    const opened = await recordWindows(page);
    const total = door.wave1.participantCount;
    await page.goto(`${server.origin}/admin/events/${door.event.id}/sending?wave=${door.wave1.id}`);
    await expect(page.getByTestId('sending-count')).toHaveText(`Terkirim 0 dari ${total}`);
    await expect(page.getByTestId('link-origin-warning')).toHaveCount(0);

    // The message settings: contact, instructions, and a template with a typo flagged in words.
    await page.locator('summary', { hasText: 'Pesan dan petunjuk' }).click();
    await page.getByTestId('sending-contact').fill('0812 9999 0000');
    await page.getByTestId('sending-instructions').fill('Bawa KTP dan NPWP\nDatang pukul 07.30');
    const template = page.getByTestId('sending-template');
    await template.fill('Halo {nama}! Tiket {gelombang}: {tautan}\nTanya: {kontak} {hadiah}');
    await expect(page.getByTestId('template-problems')).toContainText('Tidak dikenal: {hadiah}');
    const firstName = (await page.getByTestId('sending-next-name').textContent())!;
    await expect(page.getByTestId('template-preview')).toContainText(`Halo ${firstName}! Tiket`);
    await expect(page.getByTestId('template-preview')).toContainText('Tanya: 0812-9999-0000');
    await template.fill('Halo {nama}! Tiket {gelombang}: {tautan}\nTanya panitia: {kontak}');
    await expect(page.getByTestId('template-problems')).toBeEmpty();
    await page.getByTestId('sending-settings-save').click();
    await expect(page.getByText('Tersimpan.')).toBeVisible();
    await expect(page.getByTestId('sending-next-message')).toContainText(
      `Halo ${firstName}! Tiket ${door.wave1.name}: ${PUBLIC_URL}/t#`,
    );

    // Keyboard: Enter, N, S (skip), Enter — three sent, one skipped.
    await page.locator('h1').click();
    const sentNames: string[] = [];
    const press = async (key: string, sends: boolean) => {
      const name = (await page.getByTestId('sending-next-name').textContent())!;
      await page.keyboard.press(key);
      await expect(page.getByTestId('sending-next-name')).not.toHaveText(name);
      if (sends) sentNames.push(name);
    };
    await press('Enter', true);
    await press('n', true);
    await press('s', false);
    await press('Enter', true);
    await expect(page.getByTestId('sending-count')).toHaveText(`Terkirim 3 dari ${total}`);

    const windows = await opened();
    expect(windows).toHaveLength(3);
    windows.forEach((w, i) => {
      expect(w.target).toBe('hadir-whatsapp');
      expect(w.url).toMatch(/^https:\/\/wa\.me\/628\d+\?text=/);
      const text = decodeURIComponent(w.url.split('?text=')[1]!);
      expect(text).toContain(`Halo ${sentNames[i]}!`);
      expect(text).toContain('Tanya panitia: 0812-9999-0000');
      expect(text).toMatch(new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/t#H1\\.[A-Z0-9]+`));
    });

    // The queue lives on the server: after a reload the three are still marked.
    await page.reload();
    await expect(page.getByTestId('sending-count')).toHaveText(`Terkirim 3 dari ${total}`);
    await page.getByTestId('sending-filter-sent').click();
    const rows = page.getByTestId('sending-rows').locator('tbody tr');
    await expect(rows).toHaveCount(3);
    // Rows come in the server's name order; compare the names as a set.
    expect((await rows.locator('td:first-child').allTextContents()).sort()).toEqual(
      [...sentNames].sort(),
    );
    await expect(rows.getByTestId('sent-line').first()).toHaveText(
      /— dikirim \d{2}\.\d{2} oleh panitia/,
    );

    // Undo one mistaken mark.
    await rows
      .first()
      .getByRole('button', { name: /Batalkan tanda terkirim/ })
      .click();
    await expect(page.getByTestId('sending-count')).toHaveText(`Terkirim 2 dari ${total}`);

    // The participant's ticket page (same token, served here) shows contact and instructions.
    const token = decodeURIComponent(windows[0]!.url.split('?text=')[1]!).match(/\/t#(\S+)/)![1]!;
    await page.goto(`${server.origin}/t#${token}`);
    await expect(page.getByTestId('ticket-name')).toHaveText(sentNames[0]!);
    await expect(page.getByTestId('ticket-steps')).toContainText('Bawa KTP dan NPWP');
    await expect(page.getByTestId('ticket-steps')).toContainText('Datang pukul 07.30');
    await expect(page.getByTestId('ticket-steps')).not.toContainText('Bawa KTP asli');
    await expect(page.getByTestId('ticket-contact')).toContainText('0812-9999-0000');
  });
});

test.describe('ticket links that would be dead', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer();
  });
  test.afterAll(async () => server?.stop());

  test('every sending and export page warns; the send button is off with the reason', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const door = await prepareDoorEvent(server, page.context().request);
    const base = `${server.origin}/admin/events/${door.event.id}`;
    await page.goto(`${base}/sending?wave=${door.wave1.id}`);
    const warning = page.getByTestId('link-origin-warning');
    await expect(warning).toContainText('Tautan tiket tidak akan terbuka di HP peserta.');
    await expect(warning).toContainText(`${server.origin} — alamat ini hanya ada di komputer ini`);
    await expect(warning).toContainText('PUBLIC_URL');
    await expect(page.getByTestId('sending-send')).toBeDisabled();
    await expect(page.getByTestId('sending-blocked')).toHaveText(
      `Pengiriman dimatikan: tautan akan mengarah ke ${server.origin}. Atur PUBLIC_URL dulu.`,
    );
    // Pressing Enter sends nothing either.
    await page.locator('h1').click();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sending-count')).toHaveText(/^Terkirim 0 dari \d+$/);

    // The certificate queue refuses the same way: its links would be just as dead.
    const [holder] = await participantsOf(door, door.wave1.id, 1);
    const decide = await door.api.put(
      `${door.origin}/api/participants/${holder!.id}/eligibility-override`,
      { data: { eligible: true, reason: 'Hadir, absen kertas' } },
    );
    expect(decide.status()).toBe(200);
    expect(
      (await door.api.post(`${door.origin}/api/waves/${door.wave1.id}/certificates`)).status(),
    ).toBe(200);
    await page.getByTestId('sending-kind-sertifikat').click();
    await expect(page.locator('h1')).toHaveText('Kirim sertifikat');
    await expect(warning).toContainText('Tautan sertifikat tidak akan terbuka di HP peserta.');
    await expect(page.getByTestId('sending-send')).toBeDisabled();
    await expect(page.getByTestId('sending-blocked')).toContainText('Atur PUBLIC_URL dulu.');
    await expect(page.getByTestId('sending-next-message')).toContainText(`${server.origin}/c#`);
    await page.locator('h1').click();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sending-count')).toHaveText(/^Terkirim 0 dari [1-9]\d*$/);

    for (const path of ['participants', `badges?wave=${door.wave1.id}`, 'attendance']) {
      await page.goto(`${base}/${path}`);
      await expect(page.getByTestId('link-origin-warning'), path).toContainText(
        'Tautan tiket tidak akan terbuka di HP peserta.',
      );
    }
  });
});
