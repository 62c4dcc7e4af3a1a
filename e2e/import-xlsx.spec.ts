// An office's Excel workbook through the import page in Chromium: two sheets, so the page asks
// which one; the chosen sheet previews with the phone that Excel stored as a number read as
// +62…; the commit puts the people in the roster.
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { eventWithWave, setUpOrganizer } from './fixtures/organizer.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

async function officeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Petunjuk').addRow(['Isi daftar peserta di lembar berikutnya']);
  const roster = wb.addWorksheet('Daftar Peserta');
  roster.addRow(['Nama Lengkap', 'No. WhatsApp', 'Nama Usaha']);
  roster.addRow(['Wulan Sari Kusumaningrum, S.E., M.M.', 8129876543, 'Kue Lapis Wulan']);
  roster.addRow(['Joko Prasetyo', '0857-1234-5678', 'Bengkel Joko']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an Excel workbook imports from the sheet the organizer picks', async ({ page }) => {
  const api = page.context().request;
  await setUpOrganizer(server, api);
  const { event } = await eventWithWave(server, api, 'Pelatihan Excel');

  await page.goto(`${server.origin}/admin/events/${event.id}/import`);
  // The template downloads as a workbook with the expected headers.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('import-templates').getByRole('link', { name: 'Excel (.xlsx)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('templat-peserta-hadir.xlsx');
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile(await download.path());
  expect(template.worksheets[0]!.getRow(1).getCell(2).text).toBe('No. HP / WhatsApp');

  await page.locator('#import-file').setInputFiles({
    name: 'peserta.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await officeWorkbook(),
  });
  await page.getByTestId('import-upload').click();
  await expect(page.getByRole('alert')).toContainText('Pilih lembar yang berisi daftar peserta');
  await page.getByLabel('Lembar yang berisi daftar peserta').selectOption('Daftar Peserta');
  await page.getByTestId('import-upload').click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Wulan Sari Kusumaningrum, S.E., M.M.');
  await expect(preview).toContainText('+628129876543');
  await expect(preview).toContainText('+6285712345678');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 30_000 });

  await page.goto(`${server.origin}/admin/events/${event.id}/participants`);
  await expect(page.getByTestId('participants-table')).toContainText('Joko Prasetyo');
  await expect(page.getByTestId('participants-count')).toContainText('2');
});
