// The roster template an office starts from: the headers the import expects and one example row,
// as an Excel workbook (phone and NIK columns formatted as text, so Excel keeps their leading 0)
// or as a CSV for Excel in an Indonesian locale (';' between fields, a BOM for UTF-8).
import ExcelJS from 'exceljs';
import { writeCsv } from '../../shared/roster/csv.js';

export const TEMPLATE_HEADERS = [
  'Nama Lengkap',
  'No. HP / WhatsApp',
  'Nama Usaha',
  'Email',
  'NIK',
  'Gelombang',
] as const;

/** The example row: a made-up participant of the event's first wave. */
export function exampleRow(waveName: string): string[] {
  return [
    'Siti Aminah',
    '0812-3456-7890',
    'Keripik Tempe Bu Siti',
    'siti.aminah@example.com',
    '3674010101800001',
    waveName,
  ];
}

/** The template as .xlsx bytes. */
export async function templateXlsx(waveName: string): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Peserta');
  ws.columns = TEMPLATE_HEADERS.map((header) => ({
    header,
    width: Math.max(16, header.length + 4),
  }));
  // Text, not number: "0812…" and a 16-digit NIK must stay as typed.
  for (const c of [2, 5]) ws.getColumn(c).numFmt = '@';
  ws.getRow(1).font = { bold: true };
  ws.addRow(exampleRow(waveName));
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer).slice().buffer;
}

/** The template as CSV text for Excel in an Indonesian locale (';', a BOM). */
export function templateCsv(waveName: string): string {
  return writeCsv([TEMPLATE_HEADERS, exampleRow(waveName)], { delimiter: ';' });
}
