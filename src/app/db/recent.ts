// The door's recent-scans list: the latest events with the name of whom each was about, read
// by key from the roster (or the walk-in's own typed name).
import type { HadirDb } from './database';
import type { ScanEvent } from './types';
import { Dexie } from 'dexie';

/** A scan event and the person it named, for display. */
export interface RecentScan {
  event: ScanEvent;
  /** "Name · Business", the walk-in's typed name, or null when the scan named nobody known. */
  person: string | null;
}

/** This tablet's latest scan events (not other doors'), newest first, with names. */
export async function recentScans(db: HadirDb, limit = 10): Promise<RecentScan[]> {
  return db.transaction('r', db.device, db.scanEvents, db.roster, async () => {
    const device = await db.device.toCollection().first();
    if (!device) return [];
    const events = await db.scanEvents
      .where('[deviceId+deviceSeq]')
      .between([device.deviceId, Dexie.minKey], [device.deviceId, Dexie.maxKey])
      .reverse()
      .limit(limit)
      .toArray();
    const ids = events.map((e) => e.participantId ?? '');
    const rows = await db.roster.bulkGet(ids);
    return events.map((event, i) => {
      const row = rows[i];
      const who = row ?? event.walkIn;
      const person = who
        ? who.business.trim()
          ? `${who.name} · ${who.business}`
          : who.name
        : null;
      return { event, person };
    });
  });
}
