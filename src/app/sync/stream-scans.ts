// Other doors' scans that came in the live stream, stored as a pull page would be — the same
// savePulledPage, holding the same lock as a sync round so the two never interleave — but only
// when they follow on from the tablet's own scans cursor: a delivery covers every scan of this
// tablet's sessions with a seq in (from, to], so a tablet at a cursor in [from, to) has nothing
// missing once it stores them (the ones it already holds are not stored twice) and moves its
// scans cursor to `to`; the roster part of the cursor is untouched. Anything else is a gap: the
// caller asks for a normal round, and the pull brings it.
import type { StreamedScans } from '../../shared/api/sync-cursor';
import { formatCursor, readCursor } from '../../shared/api/sync-cursor';
import type { HadirDb } from '../db';
import { getPullCursor, savePulledPage } from '../db';
import { exclusive } from './sync-engine';

/** `stored`: the scans are in (count newly held); `held`: nothing new; `gap`: pull instead. */
export type StreamedOutcome = { stored: number } | 'held' | 'gap';

/** Deliveries are stored in the order they arrived, one at a time, even before the lock. */
let queue: Promise<unknown> = Promise.resolve();

export function applyStreamedScans(db: HadirDb, scans: StreamedScans): Promise<StreamedOutcome> {
  const next = queue.then(() => exclusive(() => store(db, scans)));
  queue = next.catch(() => undefined);
  return next;
}

async function store(db: HadirDb, scans: StreamedScans): Promise<StreamedOutcome> {
  // No cursor: not paired yet, or revoked (its cursor is gone). A round sorts that out.
  const cursor = readCursor(await getPullCursor(db));
  if (!cursor || cursor.scans < scans.from) return 'gap';
  if (cursor.scans >= scans.to) return 'held';
  const stored = await savePulledPage(db, {
    events: scans.events,
    roster: [],
    revocations: [],
    cursor: formatCursor({ scans: scans.to, roster: cursor.roster }),
  });
  return { stored };
}
