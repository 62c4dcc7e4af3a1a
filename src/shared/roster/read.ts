// The whole file-level half of an import in one call: text → header → checked rows.
import type { Problem } from '../messages.js';
import { mapHeader } from './columns.js';
import type { ColumnMap } from './columns.js';
import { parseCsv } from './csv.js';
import type { CsvDelimiter, CsvRow } from './csv.js';
import { rosterProblems } from './problems.js';
import type { RowError } from './problems.js';
import { validateRows } from './validate.js';
import type { ValidRow } from './validate.js';
import type { WaveChoice } from './waves.js';

/** A roster file read and checked: ready for planImport. */
export interface RosterFile {
  delimiter: CsvDelimiter;
  columns: ColumnMap;
  ignored: string[];
  /** Data rows in the file (header and blank lines excluded). */
  totalRows: number;
  valid: ValidRow[];
  errors: RowError[];
}

/** How far down an office's title rows ("DAFTAR PESERTA …", the date, a blank) may push the header. */
const HEADER_SEARCH_ROWS = 15;

/**
 * The header row: the first of the top rows that names the columns we need (an office file often
 * has a merged title, a subtitle or a date above it). When none does, the first row's problem.
 */
function findHeader(rows: readonly CsvRow[]) {
  let first: { ok: false; problem: Problem } | null = null;
  for (const [index, row] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const mapped = mapHeader(row.cells);
    if (mapped.ok) return { ok: true as const, index, mapped };
    first ??= mapped;
  }
  return first!;
}

/**
 * Parses, maps and validates roster CSV text. The header is the first row naming the name and
 * phone columns among the top rows; title rows above it are not data. File-level problems (csv-empty, csv-no-rows,
 * csv-missing-columns, csv-duplicate-column) reject the file; an unclosed quote becomes a row error.
 */
export function readRosterCsv(
  text: string,
  opts: { waves: WaveChoice[] },
): { ok: true; file: RosterFile } | { ok: false; problem: Problem } {
  const parsed = parseCsv(text);
  if (parsed.rows.length === 0) return { ok: false, problem: rosterProblems.empty() };
  const found = findHeader(parsed.rows);
  if (!found.ok) return found;
  const { mapped } = found;
  const body = parsed.rows.slice(found.index + 1);
  if (body.length === 0) return { ok: false, problem: rosterProblems.noRows() };
  const checked = validateRows(body, mapped.columns, opts);
  const errors = [...checked.errors];
  let valid = checked.valid;
  if (parsed.unclosedQuoteLine !== null) {
    // That record swallowed the rest of the file; never import it as it stands.
    valid = valid.filter((r) => r.line !== parsed.unclosedQuoteLine);
    errors.push({
      line: parsed.unclosedQuoteLine,
      field: null,
      problem: rosterProblems.unclosedQuote(),
    });
    errors.sort((x, y) => x.line - y.line);
  }
  return {
    ok: true,
    file: {
      delimiter: parsed.delimiter,
      columns: mapped.columns,
      ignored: mapped.ignored,
      totalRows: body.length,
      valid,
      errors,
    },
  };
}
