// One table, two downloads: every export (tickets, attendance) is described once as columns and
// rows of text, then written as CSV here or as .xlsx on the server (server/export/sheet-xlsx.ts).
// Phones and NIKs are stored plain (E.164, 16 digits) and given their office form per format.
import { writeCsv } from './csv.js';
import { nikForCsv, phoneForOffice } from './office-cells.js';

/** What a column holds: phones and NIKs get the forms Excel keeps as text. */
export type ExportColumnKind = 'text' | 'phone' | 'nik';

export interface ExportColumn {
  header: string;
  kind?: ExportColumnKind;
}

/** An export as a table of text: phones as stored (E.164), NIKs as 16 digits. */
export interface ExportSheet {
  /** The worksheet's name in the .xlsx. */
  name: string;
  columns: readonly ExportColumn[];
  rows: readonly (readonly string[])[];
}

/** ';' for Excel in an Indonesian locale (the default), ',' for English Excel and Google Sheets. */
export type CsvSeparator = ';' | ',';

/** The `?sep=` values the export routes accept. */
export const CSV_SEPARATORS = { semicolon: ';', comma: ',' } as const;

/** A cell in its office form for the format: phones grouped, NIKs grouped in CSV only. */
export function officeCell(
  kind: ExportColumnKind | undefined,
  value: string,
  format: 'csv' | 'xlsx',
) {
  if (value === '') return value;
  if (kind === 'phone') return phoneForOffice(value);
  if (kind === 'nik' && format === 'csv') return nikForCsv(value);
  return value;
}

/** The rows of the sheet as they are written, header first. */
export function officeRows(sheet: ExportSheet, format: 'csv' | 'xlsx'): string[][] {
  return [
    sheet.columns.map((c) => c.header),
    ...sheet.rows.map((row) => row.map((v, i) => officeCell(sheet.columns[i]?.kind, v, format))),
  ];
}

/** The sheet as CSV for Excel: BOM, CRLF, the chosen separator, formula-looking cells neutralised. */
export function sheetCsv(sheet: ExportSheet, separator: CsvSeparator = ';'): string {
  return writeCsv(officeRows(sheet, 'csv'), { delimiter: separator });
}
