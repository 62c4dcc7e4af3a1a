// What comes with the roster: the device's pairing, waves, sessions, the event's public keys
// and the revocation list. A manifest replaces what was there, in one transaction.
import { Dexie } from 'dexie';
import type { HadirDb } from './database';
import type { DeviceRow, KeyRow, Revocation, SessionRef, WaveRef } from './types';
import { getMeta, setMeta } from './meta';

/** What the organizer may change about a paired device; its token and volunteer stay. */
export type DeviceStanding = Pick<DeviceRow, 'eventName' | 'name' | 'door' | 'waveIds'>;

/** Everything the door needs besides the roster; omitted parts stay as they are. */
export interface Manifest {
  /** A new pairing: replaces the device row. */
  device?: DeviceRow;
  /** The paired device as the server now describes it. */
  standing?: DeviceStanding;
  waves?: readonly WaveRef[];
  sessions?: readonly SessionRef[];
  keys?: readonly KeyRow[];
  revocations?: readonly Revocation[];
  /** How many roster entries to expect, for the progress bar. */
  rosterTotal?: number;
  /** The server's version of this manifest, compared with each pull's. */
  version?: string;
}

/** Replaces each part the manifest carries, all together or not at all. */
export async function saveManifest(db: HadirDb, manifest: Manifest): Promise<void> {
  const tables = [db.device, db.waves, db.sessions, db.keys, db.revocations, db.meta];
  await db.transaction('rw', tables, async () => {
    const { device, standing, waves, sessions, keys, revocations, rosterTotal } = manifest;
    if (device) {
      await db.device.clear(); // a single row: re-pairing replaces the old one
      await db.device.put(device);
      await db.meta.delete('revokedAt'); // a new pairing is a new start
      // The old pairing's version says nothing about this one: the next pull fetches it anew.
      await db.meta.delete('manifestVersion');
    }
    if (standing) await db.device.toCollection().modify({ ...standing });
    if (waves) await db.waves.clear().then(() => db.waves.bulkPut([...waves]));
    if (sessions) await db.sessions.clear().then(() => db.sessions.bulkPut([...sessions]));
    if (keys) await db.keys.clear().then(() => db.keys.bulkPut([...keys]));
    if (revocations) {
      await db.revocations.clear().then(() => db.revocations.bulkPut([...revocations]));
    }
    if (rosterTotal !== undefined) await setMeta(db, 'rosterTotal', rosterTotal);
    if (manifest.version !== undefined) await setMeta(db, 'manifestVersion', manifest.version);
  });
}

/** The version of the manifest last saved, or null when none came with a version. */
export async function getManifestVersion(db: HadirDb): Promise<string | null> {
  return (await getMeta(db, 'manifestVersion')) ?? null;
}

/** This tablet's pairing, or null before it is paired. */
export async function getDevice(db: HadirDb): Promise<DeviceRow | null> {
  return (await db.device.toCollection().first()) ?? null;
}

/** Changes the volunteer written into the next scan events (a new shift). */
export async function setVolunteer(db: HadirDb, volunteer: string): Promise<void> {
  await db.device.toCollection().modify({ volunteer });
}

/** The event public keys, as verifyTicket() takes them. */
export async function getKeys(db: HadirDb): Promise<KeyRow[]> {
  return db.keys.toArray();
}

/** All waves the tablet knows. */
export async function getWaves(db: HadirDb): Promise<WaveRef[]> {
  return db.waves.toArray();
}

/** One wave by id, or null when this tablet does not know it. */
export async function getWave(db: HadirDb, waveId: string): Promise<WaveRef | null> {
  return (await db.waves.get(waveId)) ?? null;
}

/** Sessions, of one wave when given, in start order. */
export async function getSessions(db: HadirDb, waveId?: string): Promise<SessionRef[]> {
  const rows = waveId ? db.sessions.where('waveId').equals(waveId) : db.sessions.toCollection();
  return rows.sortBy('startsAt');
}

/** The highest revoked ticket version of a participant, or null when none is revoked. */
export async function getRevokedVersion(
  db: HadirDb,
  participantId: string,
): Promise<number | null> {
  const last = await db.revocations
    .where('[participantId+ticketVersion]')
    .between([participantId, Dexie.minKey], [participantId, Dexie.maxKey])
    .last();
  return last?.ticketVersion ?? null;
}

/** Whether this ticket version is revoked: revoking a version revokes all before it too. */
export async function isRevoked(
  db: HadirDb,
  participantId: string,
  ticketVersion: number,
): Promise<boolean> {
  const revoked = await getRevokedVersion(db, participantId);
  return revoked !== null && ticketVersion <= revoked;
}
