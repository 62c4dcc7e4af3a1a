// What the door screen needs to know before it may scan, read together: is the tablet paired, is
// the whole roster on it, was persistence granted, and how far off its clock is.
import type { HadirDb } from './database';
import type { DeviceRow, KeyRow, PersistenceAnswer, ScanEvent, SessionRef, WaveRef } from './types';
import { getSessions, getWaves } from './manifest';
import { getMeta, setMeta } from './meta';
import { lastCheckIn } from './scans';
import { oldestUnsynced, unsyncedCount } from './outbox';
import type { RecentScan } from './recent';
import { recentScans } from './recent';
import { rosterCount } from './roster';
import type { SyncStatus } from './sync-state';
import { getSyncStatus } from './sync-state';

/** The door's standing, for choosing which screen to show. */
export interface DoorStatus {
  device: DeviceRow | null;
  rosterSaved: number;
  rosterTotal: number | null;
  rosterComplete: boolean;
  /** True when the tablet holds keys and a complete roster: the only state in which it scans. */
  ready: boolean;
  persistence: PersistenceAnswer | null;
  serverMinusDeviceMs: number | null;
}

/**
 * Reads the door's standing in one transaction. Its reads go out together: each awaited read
 * is a round trip to the browser's storage, and the door waits for this one at start.
 */
export async function getDoorStatus(db: HadirDb): Promise<DoorStatus> {
  return db.transaction('r', [db.device, db.roster, db.keys, db.meta], async () => {
    const [device, rosterSaved, keys, rosterComplete, rosterTotal, persistence, offset] =
      await Promise.all([
        db.device.toCollection().first(),
        db.roster.count(),
        db.keys.count(),
        getMeta(db, 'rosterComplete'),
        getMeta(db, 'rosterTotal'),
        getMeta(db, 'persistence'),
        getMeta(db, 'serverMinusDeviceMs'),
      ]);
    return {
      device: device ?? null,
      rosterSaved,
      rosterTotal: rosterTotal ?? null,
      rosterComplete: rosterComplete ?? false,
      ready: device !== undefined && keys > 0 && (rosterComplete ?? false),
      persistence: persistence ?? null,
      serverMinusDeviceMs: offset ?? null,
    };
  });
}

/** Remembers the estimated clock offset (server minus device, ms: clock.ts roundTripOffset). */
export async function setServerMinusDevice(db: HadirDb, offsetMs: number): Promise<void> {
  await setMeta(db, 'serverMinusDeviceMs', Math.round(offsetMs));
}

/** What every scan needs besides the ticket: the pairing, the keys and the clock offset. */
export interface ScanContext {
  device: DeviceRow | null;
  keys: KeyRow[];
  serverMinusDeviceMs: number;
}

/** Reads the scan context in one transaction, its three reads together. */
export async function getScanContext(db: HadirDb): Promise<ScanContext> {
  return db.transaction('r', [db.device, db.keys, db.meta], async () => {
    const [device, keys, offset] = await Promise.all([
      db.device.toCollection().first(),
      db.keys.toArray(),
      getMeta(db, 'serverMinusDeviceMs'),
    ]);
    return { device: device ?? null, keys, serverMinusDeviceMs: offset ?? 0 };
  });
}

/** What the door's health line shows that lives on the tablet. */
export interface DoorHealth {
  unsynced: number;
  /** Device time of the longest-waiting unsynced scan, or null when all are sent. */
  oldestUnsyncedAt: number | null;
  rosterCount: number;
  sync: SyncStatus;
}

/** Everything the door engine holds in memory, read in one transaction. */
export interface DoorSnapshot extends ScanContext {
  sessions: SessionRef[];
  waves: WaveRef[];
  /** Every scan event the tablet holds (its own and other doors'), when asked for. */
  events: ScanEvent[] | null;
  lastCheckIn: ScanEvent | null;
  health: DoorHealth;
  /** This tablet's latest scans with names, newest first. */
  recent: RecentScan[];
  /** Roster on the tablet, persistence and clock: which setup step the door is at. */
  standing: DoorStatus;
}

/** How many recent scans the door lists. */
export const RECENT_SCANS = 8;

/**
 * Reads the door engine's state at once: pairing, keys, offset, sessions, waves, events. The door
 * shows nothing but "loading" until this is read, so every read goes out together (one
 * transaction; a handful of round trips to the browser's storage rather than one per read).
 */
export async function readDoorSnapshot(
  db: HadirDb,
  options: { events: boolean },
): Promise<DoorSnapshot> {
  const tables = [
    db.device,
    db.keys,
    db.meta,
    db.sessions,
    db.waves,
    db.scanEvents,
    db.outbox,
    db.roster,
    db.syncIssues,
  ];
  return db.transaction('r', tables, async () => {
    const [
      context,
      sessions,
      waves,
      events,
      last,
      unsynced,
      oldest,
      rosterSize,
      sync,
      recent,
      standing,
    ] = await Promise.all([
      getScanContext(db),
      getSessions(db),
      getWaves(db),
      options.events ? db.scanEvents.toArray() : null,
      lastCheckIn(db),
      unsyncedCount(db),
      oldestUnsynced(db),
      rosterCount(db),
      getSyncStatus(db),
      recentScans(db, RECENT_SCANS),
      getDoorStatus(db),
    ]);
    return {
      ...context,
      sessions,
      waves,
      events,
      lastCheckIn: last,
      health: {
        unsynced,
        oldestUnsyncedAt: oldest?.createdAt ?? null,
        rosterCount: rosterSize,
        sync,
      },
      recent,
      standing,
    };
  });
}
