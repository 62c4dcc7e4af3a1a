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

/** Reads the door's standing in one transaction. */
export async function getDoorStatus(db: HadirDb): Promise<DoorStatus> {
  return db.transaction('r', [db.device, db.roster, db.keys, db.meta], async () => {
    const device = (await db.device.toCollection().first()) ?? null;
    const rosterSaved = await db.roster.count();
    const keys = await db.keys.count();
    const rosterComplete = (await getMeta(db, 'rosterComplete')) ?? false;
    return {
      device,
      rosterSaved,
      rosterTotal: (await getMeta(db, 'rosterTotal')) ?? null,
      rosterComplete,
      ready: device !== null && keys > 0 && rosterComplete,
      persistence: (await getMeta(db, 'persistence')) ?? null,
      serverMinusDeviceMs: (await getMeta(db, 'serverMinusDeviceMs')) ?? null,
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

/** Reads the scan context in one transaction (one round trip instead of three). */
export async function getScanContext(db: HadirDb): Promise<ScanContext> {
  return db.transaction('r', [db.device, db.keys, db.meta], async () => ({
    device: (await db.device.toCollection().first()) ?? null,
    keys: await db.keys.toArray(),
    serverMinusDeviceMs: (await getMeta(db, 'serverMinusDeviceMs')) ?? 0,
  }));
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

/** Reads the door engine's state at once: pairing, keys, offset, sessions, waves, events. */
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
  return db.transaction('r', tables, async () => ({
    ...(await getScanContext(db)),
    sessions: await getSessions(db),
    waves: await getWaves(db),
    events: options.events ? await db.scanEvents.toArray() : null,
    lastCheckIn: await lastCheckIn(db),
    health: {
      unsynced: await unsyncedCount(db),
      oldestUnsyncedAt: (await oldestUnsynced(db))?.createdAt ?? null,
      rosterCount: await rosterCount(db),
      sync: await getSyncStatus(db),
    },
    recent: await recentScans(db, RECENT_SCANS),
    standing: await getDoorStatus(db),
  }));
}
