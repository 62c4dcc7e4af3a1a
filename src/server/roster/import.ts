// Server side of the roster import: decode and check the file with the shared pure code, plan
// against the current roster, and apply a plan in one transaction.
import type { Kysely } from 'kysely';
import type { EventDetail, ImportResult, ImportRowError } from '../../shared/api/schemas.js';
import { decodeCsvBytes } from '../../shared/roster/csv.js';
import { planImport } from '../../shared/roster/plan.js';
import { readRosterCsv } from '../../shared/roster/read.js';
import { HttpProblem, fail } from '../http/problem.js';
import { isOleFile, isXlsx, readXlsx, xlsxProblems } from './xlsx.js';
import { allParticipants, insertParticipant, updateParticipant } from '../store/participants.js';
import type { Database } from '../store/schema.js';

export interface ImportAnalysis {
  text: string;
  totalRows: number;
  defaultWaveId: string;
  plan: ReturnType<typeof planImport>;
  errors: ImportRowError[];
  ignoredColumns: string[];
}

/** The upload as CSV text: a CSV as it is, an Excel workbook's chosen sheet converted. */
async function uploadText(bytes: Uint8Array, sheet: string | null): Promise<string> {
  // Not a zip: without this an encrypted workbook or an .xls would be read as a garbled CSV.
  if (isOleFile(bytes)) throw new HttpProblem(400, xlsxProblems.protectedOrOld());
  if (isXlsx(bytes)) {
    const read = await readXlsx(bytes, sheet);
    if (!read.ok) throw new HttpProblem(400, read.problem, { sheets: read.sheets });
    return read.text;
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) throw new HttpProblem(400, decoded.problem);
  return decoded.text;
}

/** Decodes, parses, validates and plans an import (CSV or .xlsx); writes nothing. */
export async function analyseImport(
  db: Kysely<Database>,
  event: EventDetail,
  bytes: Uint8Array,
  defaultWave: string | null,
  opts: { sheet?: string | null } = {},
): Promise<ImportAnalysis> {
  const text = await uploadText(bytes, opts.sheet ?? null);
  if (event.waves.length === 0) {
    throw fail(
      400,
      'no-waves',
      'Buat gelombang terlebih dahulu sebelum impor',
      'Create a wave before importing',
    );
  }
  const defaultWaveId = defaultWave ?? (event.waves.length === 1 ? event.waves[0]!.id : null);
  if (!defaultWaveId || !event.waves.some((w) => w.id === defaultWaveId)) {
    throw fail(
      400,
      'unknown-wave',
      'Pilih gelombang bawaan untuk baris tanpa gelombang',
      'Choose the default wave for rows without one',
    );
  }
  const read = readRosterCsv(text, {
    waves: event.waves.map((w) => ({ id: w.id, name: w.name })),
  });
  if (!read.ok) throw new HttpProblem(400, read.problem);
  const checked = read.file;
  const existing = (await allParticipants(db, event.id)).map((p) => ({
    id: p.id,
    phone: p.phone,
    nik: p.nik,
    name: p.name,
    business: p.business,
    email: p.email,
    waveId: p.wave_id,
    status: p.status,
  }));
  const plan = planImport(checked.valid, existing, { defaultWaveId });
  const errors: ImportRowError[] = [...checked.errors, ...plan.errors]
    .map((e) => ({
      line: e.line,
      field: e.field,
      code: e.problem.code,
      message: e.problem.message,
    }))
    .sort((a, b) => a.line - b.line);
  return {
    text,
    totalRows: checked.totalRows,
    defaultWaveId,
    plan,
    errors,
    ignoredColumns: checked.ignored,
  };
}

const CHUNK = 250;

/** Applies a planned import in one transaction: all rows or none. */
export async function applyImport(
  db: Kysely<Database>,
  eventId: string,
  analysis: ImportAnalysis,
  opts: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportResult> {
  const { creates, updates, unchanged } = analysis.plan;
  const total = creates.length + updates.length;
  const now = Date.now();
  await db.transaction().execute(async (tx) => {
    let done = 0;
    const byId = new Map((await allParticipants(tx, eventId)).map((p) => [p.id, p] as const));
    for (const row of creates) {
      await insertParticipant(tx, eventId, row, now);
      if (++done % CHUNK === 0) opts.onProgress?.(done, total);
    }
    for (const u of updates) {
      const current = byId.get(u.id);
      if (!current)
        throw fail(
          409,
          'import-stale',
          'Data peserta berubah selama impor; ulangi pratinjau',
          'The roster changed during the import; preview again',
        );
      await updateParticipant(tx, current, u.row, now);
      if (++done % CHUNK === 0) opts.onProgress?.(done, total);
    }
    opts.onProgress?.(done, total);
  });
  return {
    created: creates.length,
    updated: updates.length,
    unchanged: unchanged.length,
    skipped: new Set(analysis.errors.map((e) => e.line)).size,
  };
}
