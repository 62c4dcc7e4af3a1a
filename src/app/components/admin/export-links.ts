// The download links of an export (tickets, attendance): an Excel workbook, or a CSV whose
// separator suits the office's Excel. The choice of separator is remembered on the device.
import type { Lang } from '../../i18n/i18n';

/** `?sep=` as the export routes read it: ';' for Excel in Indonesian, ',' for the rest. */
export type CsvSeparatorChoice = 'semicolon' | 'comma';

const KEY = 'hadir.csvSeparator';

/** The separator chosen on this device before (';' unless the person chose ','). */
export function rememberedSeparator(): CsvSeparatorChoice {
  try {
    return localStorage.getItem(KEY) === 'comma' ? 'comma' : 'semicolon';
  } catch {
    return 'semicolon';
  }
}

/** Keeps the choice for the next download. */
export function rememberSeparator(sep: CsvSeparatorChoice): void {
  try {
    localStorage.setItem(KEY, sep);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/**
 * The .xlsx and .csv addresses of an export at `path` (without its extension), keeping `query`
 * (e.g. the wave shown) and adding `sep=comma` to the CSV only when asked: ';' is the default.
 */
export function exportHrefs(
  path: string,
  query: Record<string, string | undefined>,
  sep: CsvSeparatorChoice,
): { xlsx: string; csv: string } {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const xlsx = params.toString();
  if (sep === 'comma') params.set('sep', 'comma');
  const csv = params.toString();
  return {
    xlsx: `${path}.xlsx${xlsx ? `?${xlsx}` : ''}`,
    csv: `${path}.csv${csv ? `?${csv}` : ''}`,
  };
}

const id = {
  xlsx: 'Unduh Excel (.xlsx)',
  csv: 'Unduh CSV',
  separator: 'Pemisah kolom CSV',
  semicolon: 'Titik koma ( ; ) — Excel Indonesia',
  comma: 'Koma ( , ) — Excel Inggris, Google Sheets',
  hint: 'Bila ragu, pilih Excel: kolom langsung rapi, nomor tetap utuh.',
};

const en: typeof id = {
  xlsx: 'Download Excel (.xlsx)',
  csv: 'Download CSV',
  separator: 'CSV column separator',
  semicolon: 'Semicolon ( ; ) — Indonesian Excel',
  comma: 'Comma ( , ) — English Excel, Google Sheets',
  hint: 'When unsure, choose Excel: columns in place, numbers kept whole.',
};

export const exportLinksText: Record<Lang, typeof id> = { id, en };
