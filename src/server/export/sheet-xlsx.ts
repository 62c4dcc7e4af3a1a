// An export sheet as an Excel workbook: every cell a plain string in a text-formatted column (so
// 0812-… and 16-digit NIKs stay as written and nothing is ever a formula), a bold frozen header
// row with a filter, and columns as wide as what they hold.
import ExcelJS from 'exceljs';
import type { ExportSheet } from '../../shared/roster/export-sheet.js';
import { officeRows } from '../../shared/roster/export-sheet.js';

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
// Enough rows to judge a column's width without measuring ten thousand links.
const MEASURED_ROWS = 500;

/** The workbook's bytes. */
export async function sheetXlsx(sheet: ExportSheet): Promise<ArrayBuffer> {
  const [header, ...rows] = officeRows(sheet, 'xlsx');
  const wb = new ExcelJS.Workbook();
  // Excel limits sheet names to 31 characters and forbids []:*?/\ in them.
  const ws = wb.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = header!.map((h, i) => {
    let longest = h.length;
    for (const row of rows.slice(0, MEASURED_ROWS)) {
      longest = Math.max(longest, row[i]?.length ?? 0);
    }
    return { header: h, width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2)) };
  });
  // Text ("@") for every column: all values are strings, and edits in Excel stay text too.
  for (let c = 1; c <= header!.length; c++) ws.getColumn(c).numFmt = '@';
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header!.length } };
  ws.addRows(rows);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer).slice().buffer;
}
