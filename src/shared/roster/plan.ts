// What an import would do to the roster, decided before anything is written: who is new, who
// changes, who is already there. Matching by phone or NIK means re-importing never duplicates.
import type { RosterField } from './columns.js';
import { rosterProblems } from './problems.js';
import type { RowError } from './problems.js';
import type { RosterRow, ValidRow } from './validate.js';

/** A participant already on the server, as the planner needs it. */
export interface ExistingParticipant {
  id: string;
  phone: string;
  nik: string | null;
  name: string;
  business: string;
  email: string | null;
  waveId: string;
  status: string;
}

/** A row with every field decided: what the participant will look like after the import. */
export type PlannedRow = RosterRow & { waveId: string };

/** An existing participant whose fields the import changes; `row` holds the merged fields. */
export interface PlannedUpdate {
  id: string;
  row: PlannedRow;
  changes: RosterField[];
  /** The participant's current status, so the preview can point out a cancelled one. */
  status: string;
}

/** An existing participant the row matches exactly. */
export interface PlannedUnchanged {
  id: string;
  row: PlannedRow;
  status: string;
}

/** The import preview: creates, updates, unchanged, and rows the plan cannot place. */
export interface ImportPlan {
  creates: PlannedRow[];
  updates: PlannedUpdate[];
  unchanged: PlannedUnchanged[];
  errors: RowError[];
}

/**
 * Plans an import of validated rows against the current roster. Matching is by phone or NIK; a
 * row whose phone and NIK point at two different people is `ambiguous-match`, and a second row
 * reaching a person already matched is `duplicate-match`. Merging never erases: a blank business,
 * email or NIK keeps what the server has, and a row without a wave keeps a matched participant's
 * wave (moving someone re-issues their ticket, so only an explicit wave does it). New
 * participants without a wave go to `defaultWaveId`. Status is never touched.
 */
export function planImport(
  rows: ValidRow[],
  existing: ExistingParticipant[],
  opts: { defaultWaveId: string },
): ImportPlan {
  const byPhone = new Map<string, ExistingParticipant>();
  const byNik = new Map<string, ExistingParticipant>();
  for (const p of existing) {
    if (!byPhone.has(p.phone)) byPhone.set(p.phone, p);
    if (p.nik !== null && !byNik.has(p.nik)) byNik.set(p.nik, p);
  }
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [], errors: [] };
  const claimed = new Map<string, number>();
  const newPhones = new Map<string, number>();
  const newNiks = new Map<string, number>();

  for (const { waveId, ...row } of rows) {
    const a = byPhone.get(row.phone);
    const b = row.nik === null ? undefined : byNik.get(row.nik);
    if (a && b && a.id !== b.id) {
      plan.errors.push({
        line: row.line,
        field: null,
        problem: rosterProblems.ambiguousMatch(a.name, b.name),
      });
      continue;
    }
    const match = a ?? b;
    if (!match) {
      // validateRows already rejects these; kept so the plan stands on its own.
      const samePhone = newPhones.get(row.phone);
      const sameNik = row.nik === null ? undefined : newNiks.get(row.nik);
      if (samePhone !== undefined || sameNik !== undefined) {
        const problem =
          samePhone !== undefined
            ? rosterProblems.duplicateInFile('phone', samePhone)
            : rosterProblems.duplicateInFile('nik', sameNik!);
        plan.errors.push({
          line: row.line,
          field: samePhone !== undefined ? 'phone' : 'nik',
          problem,
        });
        continue;
      }
      newPhones.set(row.phone, row.line);
      if (row.nik !== null) newNiks.set(row.nik, row.line);
      plan.creates.push({ ...row, waveId: waveId ?? opts.defaultWaveId });
      continue;
    }
    const earlier = claimed.get(match.id);
    if (earlier !== undefined) {
      plan.errors.push({
        line: row.line,
        field: null,
        problem: rosterProblems.duplicateMatch(earlier, match.name),
      });
      continue;
    }
    claimed.set(match.id, row.line);
    const merged: PlannedRow = {
      ...row,
      business: row.business === '' ? match.business : row.business,
      email: row.email ?? match.email,
      nik: row.nik ?? match.nik,
      waveId: waveId ?? match.waveId,
    };
    const changes = changedFields(match, merged);
    if (changes.length === 0)
      plan.unchanged.push({ id: match.id, row: merged, status: match.status });
    else plan.updates.push({ id: match.id, row: merged, changes, status: match.status });
  }
  return plan;
}

/** The fields that differ between a participant and a planned row, in a stable order. */
export function changedFields(current: ExistingParticipant, next: PlannedRow): RosterField[] {
  const changes: RosterField[] = [];
  if (current.name !== next.name) changes.push('name');
  if (current.business !== next.business) changes.push('business');
  if (current.phone !== next.phone) changes.push('phone');
  if (current.email !== next.email) changes.push('email');
  if (current.nik !== next.nik) changes.push('nik');
  if (current.waveId !== next.waveId) changes.push('wave');
  return changes;
}
