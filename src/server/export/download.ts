// Sends an export sheet as the download the URL asked for: .xlsx, or CSV with the separator from
// `?sep=` (';' unless `comma`), named after the event so several downloads stay apart.
import type { Context } from 'hono';
import * as v from 'valibot';
import type { ExportSheet } from '../../shared/roster/export-sheet.js';
import { CSV_SEPARATORS, sheetCsv } from '../../shared/roster/export-sheet.js';
import { validate } from '../http/body.js';
import { sheetXlsx } from './sheet-xlsx.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SepQuery = v.object({
  sep: v.optional(v.picklist(Object.keys(CSV_SEPARATORS) as (keyof typeof CSV_SEPARATORS)[])),
});

/** "Pelatihan UMKM Batch #2" → "pelatihan-umkm-batch-2"; the id when nothing readable is left. */
export function fileSlug(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Answers with the sheet as `${baseName}.${format}`. */
export async function sendSheet(
  c: Context,
  sheet: ExportSheet,
  opts: { format: 'csv' | 'xlsx'; baseName: string },
): Promise<Response> {
  const { sep } = validate(SepQuery, { sep: c.req.query('sep') });
  c.header('Content-Disposition', `attachment; filename="${opts.baseName}.${opts.format}"`);
  if (opts.format === 'xlsx') {
    c.header('Content-Type', XLSX_TYPE);
    return c.body(await sheetXlsx(sheet));
  }
  c.header('Content-Type', 'text/csv; charset=utf-8');
  return c.body(sheetCsv(sheet, CSV_SEPARATORS[sep ?? 'semicolon']));
}
