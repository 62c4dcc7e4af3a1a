import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { deflatedPart, spacesBomb, workbookShell, zipOf } from '../testing/zip.js';
import { WORKBOOK_LIMITS, checkWorkbookZip } from './zip-guard.js';

const sheet = 'xl/worksheets/sheet1.xml';

describe('checkWorkbookZip', () => {
  it('lets a real workbook through', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Peserta').addRow(['Nama', 'No HP']);
    expect(await checkWorkbookZip(new Uint8Array(await wb.xlsx.writeBuffer()))).toBe('ok');
  });

  it('names what is wrong with other zips', async () => {
    expect(await checkWorkbookZip(zipOf([deflatedPart('a.txt', 'halo')]))).toBe('not-workbook');
    expect(await checkWorkbookZip(new TextEncoder().encode('PK\x03\x04 bukan zip'))).toBe(
      'damaged',
    );
    const locked = workbookShell().map((p) => ({ ...p, flags: 1 }));
    expect(await checkWorkbookZip(zipOf(locked))).toBe('encrypted');
    const badData = { ...deflatedPart(sheet, 'x'), data: Uint8Array.of(0xff, 0xff, 0xff) };
    expect(await checkWorkbookZip(zipOf([...workbookShell(), badData]))).toBe('damaged');
  });

  it('refuses by declared size and by ratio before inflating anything', async () => {
    const bomb = spacesBomb(64);
    const big = zipOf([...workbookShell(), { name: sheet, method: 8, crc: 0, ...bomb }]);
    expect(await checkWorkbookZip(big)).toBe('too-large');
    const dense = spacesBomb(1);
    const ratio = zipOf([...workbookShell(), { name: sheet, method: 8, crc: 0, ...dense }]);
    expect(await checkWorkbookZip(ratio)).toBe('too-large');
    expect(await checkWorkbookZip(ratio, { ...WORKBOOK_LIMITS, maxRatio: 10_000 })).toBe('ok');
  });

  it('stops inflating an entry that yields more than it declared', async () => {
    const bomb = spacesBomb(64); // 1 GiB of spaces
    const lying = zipOf([
      ...workbookShell(),
      { name: sheet, method: 8, crc: 0, data: bomb.data, size: 1000 },
    ]);
    const started = performance.now();
    expect(await checkWorkbookZip(lying)).toBe('too-large');
    // Inflating the whole gigabyte takes seconds; stopping after the first chunks does not.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('holds the total cap over many entries that each declare little', async () => {
    const piece = spacesBomb(1); // 16 MiB each, declared truthfully
    const parts = [...workbookShell()];
    for (let i = 0; i < 8; i++)
      parts.push({ name: `xl/media/${i}.xml`, method: 8, crc: 0, ...piece });
    const limits = { ...WORKBOOK_LIMITS, maxRatio: 10_000 };
    expect(await checkWorkbookZip(zipOf(parts), limits)).toBe('too-large');
  });
});
