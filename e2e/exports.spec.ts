// The office's downloads in Chromium: on the participants page the tickets as Excel (phone as
// text, 0857-…) and as CSV with the separator the office picks (remembered on the device); on
// the attendance page the list for certificates as Excel and CSV (';' by default). No violations
// of accessibility rules in the new controls.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';
import { eventWithWave, setUpOrganizer } from './fixtures/organizer.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

async function downloadFrom(page: Page, testId: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test('tickets and attendance download as Excel and as CSV for Indonesian Excel', async ({
  page,
}) => {
  const api = page.context().request;
  await setUpOrganizer(server, api);
  const { event, waveId } = await eventWithWave(server, api, 'Pelatihan Ekspor');
  const added = await api.post(`${server.origin}/api/events/${event.id}/participants`, {
    data: {
      waveId,
      name: 'Joko Prasetyo',
      business: 'Bengkel Joko',
      phone: '0857-1234-5678',
      nik: '3674011234560001',
    },
  });
  expect(added.status()).toBe(201);

  await page.goto(`${server.origin}/admin/events/${event.id}/participants`);
  await expect(page.getByTestId('participants-table')).toContainText('Joko Prasetyo');
  const xlsx = await downloadFrom(page, 'tickets-csv-xlsx');
  expect(xlsx.name).toBe('tiket-pelatihan-ekspor.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(xlsx.bytes).slice().buffer);
  const row = wb.worksheets[0]!.getRow(2);
  expect(row.getCell(4).value).toBe('0857-1234-5678');
  expect(row.getCell(6).value).toBe('3674011234560001');

  const semi = await downloadFrom(page, 'tickets-csv');
  expect(semi.name).toBe('tiket-pelatihan-ekspor.csv');
  expect(semi.bytes.toString('utf8')).toMatch(/^\uFEFFid;nama;nama_usaha;no_hp;email;nik;/);
  expect(semi.bytes.toString('utf8')).toContain(';0857-1234-5678;;3674 0112 3456 0001;');
  await page.getByLabel('Pemisah kolom CSV').selectOption('comma');
  const comma = await downloadFrom(page, 'tickets-csv');
  expect(comma.bytes.toString('utf8')).toMatch(/^\uFEFFid,nama,nama_usaha,no_hp,email,nik,/);
  await expectNoSeriousViolations(page, 'participants with export links');

  // The choice is remembered on this device: the attendance page offers ',' too.
  await page.goto(`${server.origin}/admin/events/${event.id}/attendance`);
  await expect(page.getByTestId('export-attendance-sep')).toHaveValue('comma');
  await page.getByTestId('export-attendance-sep').selectOption('semicolon');
  const attendance = await downloadFrom(page, 'export-attendance');
  expect(attendance.name).toBe('kehadiran-pelatihan-ekspor.csv');
  expect(attendance.bytes.toString('utf8')).toMatch(/^\uFEFFsesi;id_sesi;id_peserta;nama;/);
  const attendanceXlsx = await downloadFrom(page, 'export-attendance-xlsx');
  expect(attendanceXlsx.name).toBe('kehadiran-pelatihan-ekspor.xlsx');
  await expect(page.getByRole('group', { name: 'Daftar hadir untuk sertifikat' })).toBeVisible();
});
