// Scans the server did not simply store (refused, or an id it holds with another body): kept on
// the tablet with the server's reason, listed at the door and carried by the unsynced-scans
// export, so a refused scan never vanishes.
import type { HadirDb } from './database';
import type { ScanEvent, SyncIssueRow } from './types';

/** A sync issue with the scan it is about and whom that scan named, for the door's list. */
export interface SyncIssueScan {
  issue: SyncIssueRow;
  /** Undefined only if the scan itself is gone (it never should be). */
  event: ScanEvent | undefined;
  /** "Name · Business", the walk-in's typed name, or null when the scan named nobody known. */
  person: string | null;
}

/** Every sync issue, newest first, with its scan and person, read in one transaction. */
export async function listSyncIssueScans(db: HadirDb): Promise<SyncIssueScan[]> {
  return db.transaction('r', db.syncIssues, db.scanEvents, db.roster, async () => {
    const issues = await db.syncIssues.orderBy('eventId').reverse().toArray();
    const events = await db.scanEvents.bulkGet(issues.map((i) => i.eventId));
    const people = await db.roster.bulkGet(events.map((e) => e?.participantId ?? ''));
    return issues.map((issue, k) => {
      const event = events[k];
      const who = people[k] ?? event?.walkIn;
      const person = who
        ? who.business.trim()
          ? `${who.name} · ${who.business}`
          : who.name
        : null;
      return { issue, event, person };
    });
  });
}

/**
 * What the unsynced-scans file carries: every scan still in the outbox and every scan the
 * server refused, in the order they were recorded (ids are time-ordered).
 */
export async function unsyncedExportEvents(db: HadirDb): Promise<ScanEvent[]> {
  return db.transaction('r', db.outbox, db.syncIssues, db.scanEvents, async () => {
    const waiting = await db.outbox.toCollection().primaryKeys();
    const refused = await db.syncIssues.where('status').equals('rejected').primaryKeys();
    const ids = [...new Set([...waiting, ...refused])].sort();
    const events = await db.scanEvents.bulkGet(ids);
    return events.filter((e): e is ScanEvent => e !== undefined);
  });
}
