// The roster template an office starts from: the headers the import expects and one example row,
// written like every export (export/download.ts): an Excel workbook with phone and NIK columns as
// text, so Excel keeps their leading 0 and all 16 digits, or a CSV for Excel in an Indonesian
// locale (';', a BOM, the NIK grouped so Excel cannot round it).
import type { ExportSheet } from '../../shared/roster/export-sheet.js';

/** The template with a made-up participant of the event's first wave as the example row. */
export function templateSheet(waveName: string): ExportSheet {
  return {
    name: 'Peserta',
    columns: [
      { header: 'Nama Lengkap' },
      { header: 'No. HP / WhatsApp', kind: 'phone' },
      { header: 'Nama Usaha' },
      { header: 'Email' },
      { header: 'NIK', kind: 'nik' },
      { header: 'Gelombang' },
    ],
    rows: [
      [
        'Siti Aminah',
        '+6281234567890',
        'Keripik Tempe Bu Siti',
        'siti.aminah@example.com',
        '3674010101800001',
        waveName,
      ],
    ],
  };
}
