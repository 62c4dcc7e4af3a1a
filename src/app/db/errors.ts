// Rejections of the door storage: a stable code and words for the volunteer.
import type { Bilingual, Problem } from '../../shared/messages';
import { problem } from '../../shared/messages';

/** Why a door storage call refused to write. */
export type DbRejection =
  'device-not-paired' | 'scan-not-found' | 'not-undoable' | 'already-undone';

const WORDS: Record<DbRejection, [id: string, en: string]> = {
  'device-not-paired': [
    'Tablet ini belum dipasangkan dengan acara',
    'This tablet is not paired with an event',
  ],
  'scan-not-found': ['Catatan pindaian tidak ditemukan', 'Scan record not found'],
  'not-undoable': ['Hanya check-in yang bisa dibatalkan', 'Only a check-in can be undone'],
  'already-undone': ['Check-in ini sudah dibatalkan', 'This check-in was already undone'],
};

/** An Error carrying a Problem, thrown by the db functions and caught by pages. */
export class DbError extends Error {
  readonly code: DbRejection;
  readonly problem: Problem;
  constructor(code: DbRejection) {
    const [id, en] = WORDS[code];
    super(en);
    this.name = 'DbError';
    this.code = code;
    this.problem = problem(code, id, en);
  }

  /** The bilingual words, for the screen. */
  get words(): Bilingual {
    return this.problem.message;
  }
}
