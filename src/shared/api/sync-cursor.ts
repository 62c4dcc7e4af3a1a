// The pull cursor, "<scan seq>.<roster seq>": opaque to the tablet's sync round, which only
// stores and sends it back, but read by the door's live stream on both ends — the tablet says
// where it is when it connects, and applies streamed scans only where they follow on.
import type { PulledScanEvent } from './sync.js';

export interface SyncCursor {
  scans: number;
  roster: number;
}

/** Reads a pull cursor; a missing one starts from the beginning; "N" alone is scans only. */
export function parseCursor(text: string | undefined): SyncCursor {
  if (!text) return { scans: 0, roster: 0 };
  const [scans, roster] = text.split('.');
  return { scans: Number(scans), roster: Number(roster ?? 0) };
}

/** A cursor the tablet really holds, or null when missing or unreadable (never guessed). */
export function readCursor(text: string | null | undefined): SyncCursor | null {
  if (!text) return null;
  const c = parseCursor(text);
  const ok = (n: number) => Number.isSafeInteger(n) && n >= 0;
  return ok(c.scans) && ok(c.roster) ? c : null;
}

/** The opaque cursor text a pull answers with. */
export function formatCursor(c: SyncCursor): string {
  return `${c.scans}.${c.roster}`;
}

/** The header a tablet sends its cursor in when it opens GET /api/door/live. */
export const LIVE_CURSOR_HEADER = 'x-hadir-cursor';

/**
 * The door stream's `scans` event: every other door's scan of the tablet's sessions with a scan
 * seq in (from, to], phones cut as in a pull. A tablet whose scans cursor is in [from, to) may
 * store them as a pull page and move its scans cursor to `to`; any other tablet pulls instead.
 */
export interface StreamedScans {
  from: number;
  to: number;
  events: PulledScanEvent[];
}
