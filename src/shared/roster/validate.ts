// Row-by-row checking of a roster file, the heart of the import preview. Pure: rows in,
// valid participants and per-line errors out.
import type { ColumnMap, RosterField } from './columns.js';
import type { CsvRow } from './csv.js';
import { normalizePhone } from './phone.js';
import { rosterProblems } from './problems.js';
import type { RowError } from './problems.js';
import { charLength, cleanText } from './text.js';
import { matchWave } from './waves.js';
import type { WaveChoice } from './waves.js';

export type { RowError } from './problems.js';

/** A participant as read from one row of the file. */
export interface RosterRow {
  line: number;
  name: string;
  business: string;
  /** E.164 */
  phone: string;
  email: string | null;
  nik: string | null;
  /** The wave text as written in the file; null when the file has no wave column or the cell is blank. */
  wave: string | null;
}

/** A row that passed every check; waveId null means "the caller's default wave". */
export type ValidRow = RosterRow & { waveId: string | null };

/** Longest name accepted, in characters. */
export const NAME_MAX = 120;
/** Longest business name accepted, in characters. */
export const BUSINESS_MAX = 160;

const EMAIL_LOCAL = /^[^\s@"<>,;()[\]\\]+$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/** The email trimmed, or null when it does not look like one (local@domain.tld). */
export function checkEmail(raw: string): string | null {
  const s = cleanText(raw);
  const at = s.lastIndexOf('@');
  if (at <= 0 || s.length > 254) return null;
  const local = s.slice(0, at);
  const labels = s.slice(at + 1).split('.');
  const localOk = local.length <= 64 && EMAIL_LOCAL.test(local) && !/^\.|\.\.|\.$/.test(local);
  return localOk && labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l)) ? s : null;
}

/** A NIK without the spaces, dots, dashes or Excel apostrophe people add; null unless 16 digits. */
export function normalizeNik(raw: string): string | null {
  const s = cleanText(raw)
    .replace(/^'/, '')
    .replace(/[\s.-]/g, '');
  return /^\d{16}$/.test(s) ? s : null;
}

/**
 * Checks the data rows (header excluded) against the column map. Every problem in a row is
 * reported; a row with any problem is left out of `valid`. A later row with the same phone or
 * NIK as an earlier one is a `duplicate-in-file` error; the first occurrence stays valid.
 */
export function validateRows(
  rows: CsvRow[],
  columns: ColumnMap,
  opts: { waves: WaveChoice[] },
): { valid: ValidRow[]; errors: RowError[] } {
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  const firstPhone = new Map<string, number>();
  const firstNik = new Map<string, number>();

  for (const { line, cells } of rows) {
    const cell = (i: number | null): string => (i === null ? '' : (cells[i] ?? ''));
    const rowErrors: RowError[] = [];
    const err = (field: RosterField | null, problem: RowError['problem']) =>
      rowErrors.push({ line, field, problem });

    const name = cleanText(cell(columns.name));
    if (name === '') err('name', rosterProblems.nameRequired());
    else if (charLength(name) > NAME_MAX) err('name', rosterProblems.nameTooLong(NAME_MAX));

    const business = cleanText(cell(columns.business));
    if (charLength(business) > BUSINESS_MAX) {
      err('business', rosterProblems.businessTooLong(BUSINESS_MAX));
    }

    const rawPhone = cleanText(cell(columns.phone));
    const phone = rawPhone === '' ? null : normalizePhone(rawPhone);
    if (rawPhone === '') err('phone', rosterProblems.phoneRequired());
    else if (phone === null) err('phone', rosterProblems.phoneInvalid(rawPhone));

    const rawEmail = cleanText(cell(columns.email));
    const email = rawEmail === '' ? null : checkEmail(rawEmail);
    if (rawEmail !== '' && email === null) err('email', rosterProblems.emailInvalid(rawEmail));

    const rawNik = cleanText(cell(columns.nik));
    const nik = rawNik === '' ? null : normalizeNik(rawNik);
    if (rawNik !== '' && nik === null) err('nik', rosterProblems.nikInvalid(rawNik));

    const wave = cleanText(cell(columns.wave)) || null;
    let waveId: string | null = null;
    if (wave !== null) {
      const match = matchWave(wave, opts.waves);
      if (match) waveId = match.id;
      else
        err(
          'wave',
          rosterProblems.unknownWave(
            wave,
            opts.waves.map((w) => w.name),
          ),
        );
    }

    if (phone !== null) {
      const earlier = firstPhone.get(phone);
      if (earlier === undefined) firstPhone.set(phone, line);
      else err('phone', rosterProblems.duplicateInFile('phone', earlier));
    }
    if (nik !== null) {
      const earlier = firstNik.get(nik);
      if (earlier === undefined) firstNik.set(nik, line);
      else err('nik', rosterProblems.duplicateInFile('nik', earlier));
    }

    if (rowErrors.length > 0 || phone === null) errors.push(...rowErrors);
    else valid.push({ line, name, business, phone, email, nik, wave, waveId });
  }
  return { valid, errors };
}
