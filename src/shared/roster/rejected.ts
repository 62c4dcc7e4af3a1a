// The rows an import skipped, as a file the office can fix and import again: the original header
// and cells, plus a reason column in words. ';' and a BOM, so Excel in an Indonesian locale opens
// it in columns.
import type { Bilingual } from '../messages.js';
import { parseCsv, writeCsv } from './csv.js';

export interface RowProblem {
  line: number;
  message: Bilingual;
}

/** CSV text of the rows with problems (by their physical line), each with its reasons. */
export function rejectedRowsCsv(text: string, problems: readonly RowProblem[]): string {
  const parsed = parseCsv(text);
  const [header, ...rows] = parsed.rows;
  const reasons = new Map<number, string[]>();
  for (const p of problems) {
    const list = reasons.get(p.line) ?? [];
    list.push(`${p.message.id} / ${p.message.en}`);
    reasons.set(p.line, list);
  }
  const width = header?.cells.length ?? 0;
  const out = [['Baris / Line', ...(header?.cells ?? []), 'Alasan / Reason']];
  for (const row of rows) {
    const why = reasons.get(row.line);
    if (!why) continue;
    const cells = Array.from(
      { length: Math.max(width, row.cells.length) },
      (_, i) => row.cells[i] ?? '',
    );
    out.push([String(row.line), ...cells, why.join(' · ')]);
  }
  return writeCsv(out, { delimiter: ';' });
}
