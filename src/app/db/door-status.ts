// What the door screen needs to know before it may scan, read together: is the tablet paired, is
// the whole roster on it, was persistence granted, and how far off its clock is.
import type { HadirDb } from './database';
import type { DeviceRow, KeyRow, PersistenceAnswer, ScanEvent, SessionRef, WaveRef } from './types';
import { getSessions, getWaves } from './manifest';
import type { MetaReader } from './meta';
import { getMeta, readAllMeta, setMeta } from './meta';
import { lastCheckIn } from './scans';
import { oldestUnsynced, unsyncedCount } from './outbox';
import type { RecentScan } from './recent';
import { recentScans } from './recent';
import { rosterCount } from './roster';
import type { SyncStatus } from './sync-state';
import { syncStatusOf } from './sync-state';

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
    const [device, rosterSaved, keys, meta] = await Promise.all([
      db.device.toCollection().first(),
      db.roster.count(),
      db.keys.count(),
      readAllMeta(db),
    ]);
    return doorStatusOf(device ?? null, rosterSaved, keys, meta);
  });
}

/** The door's standing from what was read: the pairing, roster and key counts, meta values. */
function doorStatusOf(
  device: DeviceRow | null,
  rosterSaved: number,
  keys: number,
  meta: MetaReader,
): DoorStatus {
  const rosterComplete = meta('rosterComplete') ?? false;
  return {
    device,
    rosterSaved,
    rosterTotal: meta('rosterTotal') ?? null,
    rosterComplete,
    ready: device !== null && keys > 0 && rosterComplete,
    persistence: meta('persistence') ?? null,
    serverMinusDeviceMs: meta('serverMinusDeviceMs') ?? null,
  };
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
    // One request per table where one will do (the meta table is read whole), all at once.
    const [
      device,
      keys,
      meta,
      sessions,
      waves,
      events,
      last,
      unsynced,
      oldest,
      roster,
      issues,
      recent,
    ] = await Promise.all([
      db.device.toCollection().first(),
      db.keys.toArray(),
      readAllMeta(db),
      getSessions(db),
      getWaves(db),
      options.events ? db.scanEvents.toArray() : null,
      lastCheckIn(db),
      unsyncedCount(db),
      oldestUnsynced(db),
      rosterCount(db),
      db.syncIssues.count(),
      recentScans(db, RECENT_SCANS),
    ]);
    return {
      device: device ?? null,
      keys,
      serverMinusDeviceMs: meta('serverMinusDeviceMs') ?? 0,
      sessions,
      waves,
      events,
      lastCheckIn: last,
      health: {
        unsynced,
        oldestUnsyncedAt: oldest?.createdAt ?? null,
        rosterCount: roster,
        sync: syncStatusOf(meta, issues),
      },
      recent,
      standing: doorStatusOf(device ?? null, roster, keys.length, meta),
    };
  });
}
