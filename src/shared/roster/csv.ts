// CSV as offices actually produce it (Excel in an Indonesian locale writes ';'), and CSV that is
// safe to open in a spreadsheet. Parsing is one linear pass; fields are sliced, not built by char.
export { decodeCsvBytes, detectBinary } from './bytes.js';
export type { DecodedCsv } from './bytes.js';

/** The delimiters Hadir recognises. */
export type CsvDelimiter = ',' | ';' | '\t';

/** One record, with the 1-based physical line where it starts (what a spreadsheet user sees). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** What parseCsv found: the delimiter, the non-blank records, and a quote that never closed. */
export interface ParsedCsv {
  delimiter: CsvDelimiter;
  rows: CsvRow[];
  /** Line where a quoted field opened and the file ended before it closed; null when none. */
  unclosedQuoteLine: number | null;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Parses CSV text: strips a BOM, detects the delimiter, honours RFC 4180 quotes, skips blank lines. */
export function parseCsv(text: string): ParsedCsv {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(src);
  const delim = delimiter.charCodeAt(0);
  const n = src.length;
  const rows: CsvRow[] = [];
  let unclosedQuoteLine: number | null = null;
  let i = 0;
  let line = 1;

  // Index of the first delimiter, CR or LF at or after `from` (or n).
  const fieldEnd = (from: number): number => {
    let k = from;
    while (k < n) {
      const c = src.charCodeAt(k);
      if (c === delim || c === CR || c === LF) break;
      k++;
    }
    return k;
  };

  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let quoted = false;
    for (;;) {
      let cell: string;
      if (src.charCodeAt(i) === QUOTE) {
        quoted = true;
        i++;
        cell = '';
        for (;;) {
          const q = src.indexOf('"', i);
          if (q === -1) {
            cell += src.slice(i);
            line += countLineBreaks(src, i, n);
            unclosedQuoteLine ??= start;
            i = n;
            break;
          }
          cell += src.slice(i, q);
          line += countLineBreaks(src, i, q);
          if (src.charCodeAt(q + 1) === QUOTE) {
            cell += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Lenient like Excel: text after the closing quote belongs to the same cell.
        const end = fieldEnd(i);
        cell += src.slice(i, end);
        i = end;
      } else {
        const end = fieldEnd(i);
        cell = src.slice(i, end);
        i = end;
      }
      cells.push(cell);
      if (i < n && src.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      if (i < n) {
        i += src.charCodeAt(i) === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
      }
      break;
    }
    // A wholly blank line (or Excel's ";;;;" for an empty row) is not a record.
    if (quoted || cells.some((c) => c.trim() !== '')) rows.push({ line: start, cells });
  }
  return { delimiter, rows, unclosedQuoteLine };
}

// CRLF counts once; a lone CR (old Mac Excel) or LF counts once.
function countLineBreaks(src: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = src.charCodeAt(k);
    if (c === CR || (c === LF && (k === 0 || src.charCodeAt(k - 1) !== CR))) count++;
  }
  return count;
}

/** Picks the delimiter used most, outside quotes, on the first non-blank record (the header). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let seenContent = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '"') {
      inQuotes = !inQuotes;
      seenContent = true;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\r' || ch === '\n') {
      if (seenContent) break;
      // A leading blank (or delimiters-only) line says nothing; start over on the next one.
      counts[','] = counts[';'] = counts['\t'] = 0;
    } else if (ch === ',' || ch === ';' || ch === '\t') {
      counts[ch]++;
    } else if (ch !== ' ') {
      seenContent = true;
    }
  }
  // Ties favour ';' then tab: a header with as many commas as semicolons is likely "Nama, Lengkap;…".
  if (counts[';'] > 0 && counts[';'] >= counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > 0 && counts['\t'] >= counts[',']) return '\t';
  return ',';
}

/** Cells a spreadsheet would run as a formula (and thus a way to attack whoever opens the export). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe to a cell a spreadsheet would treat as a formula; other cells unchanged. */
export function neutraliseCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * Writes CSV for Excel: UTF-8 BOM, CRLF, quotes where needed, formula-looking cells neutralised
 * (`neutralise: false` only for text that never leaves the server, e.g. a workbook read for import).
 */
export function writeCsv(
  rows: readonly (readonly string[])[],
  opts: { delimiter?: string; neutralise?: boolean } = {},
): string {
  const delimiter = opts.delimiter ?? ',';
  const out: string[] = [];
  for (const row of rows) {
    const cells = opts.neutralise === false ? [...row] : row.map(neutraliseCell);
    // Quote every cell of a row that would otherwise read back as a blank line and vanish.
    const blank = cells.every((c) => c.trim() === '');
    out.push(cells.map((c) => quoteCell(c, delimiter, blank)).join(delimiter));
  }
  return `\uFEFF${out.map((l) => `${l}\r\n`).join('')}`;
}

function quoteCell(cell: string, delimiter: string, force: boolean): string {
  const needs =
    force ||
    cell.includes('"') ||
    cell.includes('\n') ||
    cell.includes('\r') ||
    // Any recognised delimiter, not just ours, so detectDelimiter reading the header never guesses wrong.
    /[,;\t]/.test(cell) ||
    (delimiter !== '' && cell.includes(delimiter));
  return needs ? `"${cell.replaceAll('"', '""')}"` : cell;
}
