// The organizer pages work by keyboard alone: sign in, create an event, open it and add a wave
// with Tab, typing and Enter — no mouse.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { setUpOrganizer } from './fixtures/organizer.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

/** Presses Tab until the element matching `selector` has focus (at most 40 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (
      await page
        .locator(selector)
        .evaluate((el) => el === document.activeElement)
        .catch(() => false)
    )
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('sign in, create an event and a wave with the keyboard alone', async ({ page, request }) => {
  await setUpOrganizer(server, request);
  await page.goto(`${server.origin}/admin/login`);
  await tabTo(page, '#login-username');
  await page.keyboard.type('panitia');
  await tabTo(page, '#login-password');
  await page.keyboard.type('rahasia-panitia-1');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/?$/);

  await tabTo(page, '#event-name');
  await page.keyboard.type('Pelatihan Koperasi Tangsel');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/events\/[A-Z2-7]+$/);
  await expect(page.getByTestId('header-event-name')).toContainText('Pelatihan Koperasi Tangsel');

  await tabTo(page, '[data-testid="add-wave"]');
  await page.keyboard.press('Enter');
  const form = page.locator('form.wave-form');
  await expect(form).toBeVisible();
  const name = form.locator('input').first();
  await tabTo(page, `#${await name.getAttribute('id')}`);
  await page.keyboard.type('Gelombang 1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Aula Blandongan, Puspemkot Tangsel');
  // The date-time fields are Chromium's own widget, whose segment order follows the browser's
  // UI language rather than the page: those two values are filled directly; every control of
  // ours is reached and used with Tab, typing and Enter.
  for (const input of await form.locator('input[type="datetime-local"]').all()) {
    const id = await input.getAttribute('id');
    await tabTo(page, `#${id}`);
    await input.fill(id!.toLowerCase().includes('end') ? '2026-12-08T16:00' : '2026-12-08T08:00');
  }
  await tabTo(page, 'form.wave-form button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Aula Blandongan, Puspemkot Tangsel').first()).toBeVisible();
  await expect(form).toHaveCount(0);
});
