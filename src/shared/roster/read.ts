// The whole file-level half of an import in one call: text → header → checked rows.
import type { Problem } from '../messages.js';
import { mapHeader } from './columns.js';
import type { ColumnMap } from './columns.js';
import { parseCsv } from './csv.js';
import type { CsvDelimiter } from './csv.js';
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

/**
 * Parses, maps and validates roster CSV text. File-level problems (csv-empty, csv-no-rows,
 * csv-missing-columns, csv-duplicate-column) reject the file; an unclosed quote becomes a row error.
 */
export function readRosterCsv(
  text: string,
  opts: { waves: WaveChoice[] },
): { ok: true; file: RosterFile } | { ok: false; problem: Problem } {
  const parsed = parseCsv(text);
  const [header, ...body] = parsed.rows;
  if (!header) return { ok: false, problem: rosterProblems.empty() };
  const mapped = mapHeader(header.cells);
  if (!mapped.ok) return mapped;
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
