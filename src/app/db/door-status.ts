// What the door screen needs to know before it may scan, read together: is the tablet paired, is
// the whole roster on it, was persistence granted, and how far off its clock is.
import type { HadirDb } from './database';
import type {
  DeviceRow,
  KeyRow,
  MetaRow,
  PersistenceAnswer,
  ScanEvent,
  SessionRef,
  WaveRef,
} from './types';
import type { EarlyStartRows } from './warm';
import { getSessions, getWaves } from './manifest';
import type { MetaReader } from './meta';
import { getMeta, metaReaderOf, readAllMeta, setMeta } from './meta';
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

/**
 * What decides which screen the door shows and how it judges its first ticket: the pairing, keys,
 * clock offset, sessions, waves, the roster and sync standing. Read first at a cold start; the
 * rest (DoorActivity) follows once the scanning screen is up.
 */
export interface DoorStart extends ScanContext {
  sessions: SessionRef[];
  waves: WaveRef[];
  /** Roster on the tablet, persistence and clock: which setup step the door is at. */
  standing: DoorStatus;
  sync: SyncStatus;
}

/** What the door shows beside its verdicts: who is in, what undo would cancel, the outbox, recent scans. */
export interface DoorActivity {
  /** Every scan event the tablet holds (its own and other doors'), when asked for. */
  events: ScanEvent[] | null;
  lastCheckIn: ScanEvent | null;
  unsynced: number;
  /** Device time of the longest-waiting unsynced scan, or null when all are sent. */
  oldestUnsyncedAt: number | null;
  /** This tablet's latest scans with names, newest first. */
  recent: RecentScan[];
}

/** Everything the door engine holds in memory, read in one transaction. */
export interface DoorSnapshot extends DoorStart, DoorActivity {
  health: DoorHealth;
}

/** How many recent scans the door lists. */
export const RECENT_SCANS = 8;

const startTables = (db: HadirDb) => [
  db.device,
  db.keys,
  db.meta,
  db.sessions,
  db.waves,
  db.roster,
  db.syncIssues,
];
const activityTables = (db: HadirDb) => [db.device, db.scanEvents, db.outbox, db.roster];

// Inside a transaction over startTables: one request per table, all at once.
async function startPart(db: HadirDb): Promise<DoorStart> {
  const [device, keys, meta, sessions, waves, roster, issues] = await Promise.all([
    db.device.toCollection().first(),
    db.keys.toArray(),
    readAllMeta(db),
    getSessions(db),
    getWaves(db),
    rosterCount(db),
    db.syncIssues.count(),
  ]);
  return {
    device: device ?? null,
    keys,
    serverMinusDeviceMs: meta('serverMinusDeviceMs') ?? 0,
    sessions,
    waves,
    standing: doorStatusOf(device ?? null, roster, keys.length, meta),
    sync: syncStatusOf(meta, issues),
  };
}

// Inside a transaction over activityTables, its reads together.
async function activityPart(db: HadirDb, events: boolean): Promise<DoorActivity> {
  const [all, last, unsynced, oldest, recent] = await Promise.all([
    events ? db.scanEvents.toArray() : null,
    lastCheckIn(db),
    unsyncedCount(db),
    oldestUnsynced(db),
    recentScans(db, RECENT_SCANS),
  ]);
  return {
    events: all,
    lastCheckIn: last,
    unsynced,
    oldestUnsyncedAt: oldest?.createdAt ?? null,
    recent,
  };
}

/**
 * The door's start from the rows the entry read raw (warm.ts), as startPart would have made them:
 * the first device by key, sessions by start time, the meta table as a reader.
 */
export function doorStartOf(rows: EarlyStartRows): DoorStart {
  const device = (rows.device as DeviceRow | undefined) ?? null;
  const keys = rows.keys as KeyRow[];
  const meta = metaReaderOf(rows.meta as MetaRow[]);
  const sessions = (rows.sessions as SessionRef[])
    .slice()
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
  return {
    device,
    keys,
    serverMinusDeviceMs: meta('serverMinusDeviceMs') ?? 0,
    sessions,
    waves: rows.waves as WaveRef[],
    standing: doorStatusOf(device, rows.roster, keys.length, meta),
    sync: syncStatusOf(meta, rows.issues),
  };
}

/** Reads what decides the door's stage and its first verdict, in one transaction. */
export async function readDoorStart(db: HadirDb): Promise<DoorStart> {
  return db.transaction('r', startTables(db), () => startPart(db));
}

/** Reads the door's attendance, last check-in, outbox and recent scans, in one transaction. */
export async function readDoorActivity(
  db: HadirDb,
  options: { events: boolean },
): Promise<DoorActivity> {
  return db.transaction('r', activityTables(db), () => activityPart(db, options.events));
}

/**
 * Reads the door engine's state at once (a refresh after a sync or a setup step): both parts
 * above in one transaction, their reads together.
 */
export async function readDoorSnapshot(
  db: HadirDb,
  options: { events: boolean },
): Promise<DoorSnapshot> {
  return db.transaction('r', [...startTables(db), db.scanEvents, db.outbox], async () => {
    const [start, activity] = await Promise.all([startPart(db), activityPart(db, options.events)]);
    return { ...start, ...activity, health: healthOf(start, activity) };
  });
}

/** The health line's figures from both parts. */
export function healthOf(
  start: Pick<DoorStart, 'standing' | 'sync'>,
  activity: DoorActivity,
): DoorHealth {
  return {
    unsynced: activity.unsynced,
    oldestUnsyncedAt: activity.oldestUnsyncedAt,
    rosterCount: start.standing.rosterSaved,
    sync: start.sync,
  };
}
