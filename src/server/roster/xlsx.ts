// An office's Excel roster (.xlsx) read into the same CSV text the import already checks, so an
// Excel file gets the same preview, problems and all-or-nothing commit as a CSV. Numbers come out
// as the office typed them (a phone stored as the number 8123456789 stays "8123456789", which the
// phone rule reads as +628123456789), dates as YYYY-MM-DD. exceljs reads the file: no hand-made
// zip or XML parsing here; zip-guard.ts looks inside the zip first.
import ExcelJS from 'exceljs';
import type { Problem } from '../../shared/messages.js';
import { problem } from '../../shared/messages.js';
import { writeCsv } from '../../shared/roster/csv.js';
import { WORKBOOK_LIMITS, checkWorkbookZip } from './zip-guard.js';

/** An .xlsx is a zip archive: it starts "PK\x03\x04". */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * An OLE compound file: how Excel saves a password-protected workbook (the encrypted .xlsx
 * inside a wrapper), and the old .xls format. Neither can be read here.
 */
export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The words for each workbook that cannot be read. */
export const xlsxProblems = {
  unreadable: () =>
    problem(
      'xlsx-unreadable',
      'Berkas Excel tidak bisa dibaca. Simpan ulang sebagai .xlsx (Excel Workbook) lalu unggah lagi.',
      'The Excel file cannot be read. Save it again as .xlsx (Excel Workbook) and upload it again.',
    ),
  protectedOrOld: () =>
    problem(
      'xlsx-protected',
      'Berkas Excel ini dilindungi kata sandi atau berformat .xls lama — buka di Excel, hapus kata sandinya / simpan sebagai .xlsx, lalu unggah lagi.',
      'This Excel file is password-protected or in the old .xls format — open it in Excel, remove the password / save it as .xlsx, then upload it again.',
    ),
  tooLarge: (mb: number) =>
    problem(
      'xlsx-too-large',
      `Isi berkas Excel ini terlalu besar setelah dibuka (lebih dari ${mb} MB), atau berkasnya rusak. Salin hanya lembar daftar peserta ke buku kerja baru, simpan sebagai .xlsx, lalu unggah lagi.`,
      `This Excel file unpacks to more than ${mb} MB, or it is damaged. Copy just the roster sheet into a new workbook, save it as .xlsx, then upload it again.`,
    ),
};

/** The problem for a zip that must not reach exceljs; null when it may. */
async function zipProblem(bytes: Uint8Array): Promise<Problem | null> {
  const verdict = await checkWorkbookZip(bytes);
  switch (verdict) {
    case 'ok':
      return null;
    case 'encrypted':
      return xlsxProblems.protectedOrOld();
    case 'too-large':
      return xlsxProblems.tooLarge(Math.round(WORKBOOK_LIMITS.maxUnzipped / 1024 / 1024));
    default:
      return xlsxProblems.unreadable();
  }
}

export type XlsxRead =
  { ok: true; text: string; sheet: string } | { ok: false; problem: Problem; sheets: string[] };

const DAY_MS = 24 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Excel keeps dates without a zone; exceljs hands them over as that wall time in UTC. */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getTime() % DAY_MS === 0) return day;
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** What a cell shows, as text: the typed number, the date, the formula's result, the link text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // Whole numbers as digits (never 8.12e9); others as written.
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

const sheetNames = (wb: ExcelJS.Workbook) =>
  wb.worksheets.filter((ws) => ws.actualRowCount > 0).map((ws) => ws.name);

/**
 * Reads one sheet of the workbook as CSV text: the one named, or the only sheet with data.
 * Codes: xlsx-unreadable, xlsx-protected, xlsx-too-large (checked before exceljs inflates
 * anything: zip-guard.ts), xlsx-empty, xlsx-choose-sheet (with the sheet names), xlsx-no-sheet.
 */
export async function readXlsx(bytes: Uint8Array, sheet: string | null): Promise<XlsxRead> {
  const refused = await zipProblem(bytes);
  if (refused) return { ok: false, problem: refused, sheets: [] };
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's types predate typed-array generics; its load() takes any Buffer or ArrayBuffer.
    const copy = bytes.slice().buffer as ArrayBuffer;
    await wb.xlsx.load(copy);
  } catch {
    return { ok: false, problem: xlsxProblems.unreadable(), sheets: [] };
  }
  const sheets = sheetNames(wb);
  if (sheets.length === 0) {
    const p = problem('xlsx-empty', 'Berkas Excel ini kosong.', 'This Excel file is empty.');
    return { ok: false, problem: p, sheets };
  }
  const name = sheet ?? (sheets.length === 1 ? sheets[0]! : null);
  if (name === null) {
    const p = problem(
      'xlsx-choose-sheet',
      `Berkas ini punya ${sheets.length} lembar (${sheets.join(', ')}). Pilih lembar yang berisi daftar peserta.`,
      `This file has ${sheets.length} sheets (${sheets.join(', ')}). Choose the sheet with the roster.`,
    );
    return { ok: false, problem: p, sheets };
  }
  const ws = wb.worksheets.find((w) => w.name === name);
  if (!ws || ws.actualRowCount === 0) {
    const p = problem(
      'xlsx-no-sheet',
      `Lembar "${name}" tidak ada atau kosong. Lembar yang berisi data: ${sheets.join(', ')}.`,
      `Sheet "${name}" does not exist or is empty. Sheets with data: ${sheets.join(', ')}.`,
    );
    return { ok: false, problem: p, sheets };
  }
  const width = ws.actualColumnCount > 0 ? ws.columnCount : 0;
  const rows: string[][] = [];
  // Every row up to the last, blank ones too, so line numbers match what the office sees.
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    // An empty row stays an empty line: counted, not read as a participant.
    rows.push(cells.every((c) => c === '') ? [] : cells);
  }
  // Read back by the import's own CSV reader; the cells are data, so nothing is neutralised.
  return { ok: true, text: writeCsv(rows, { neutralise: false }), sheet: name };
}
