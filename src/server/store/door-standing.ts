// A door's standing: what its manifest tells it besides the roster and revocations (the event's
// name, the device's name and door, its allowed waves with their sessions, the public keys),
// and a short version of it. The manifest is built from this and every pull carries its
// version, so a tablet refetches the manifest exactly when something it holds has changed.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DoorManifest } from '../../shared/api/door.js';
import type { SessionInfo, WaveInfo } from '../../shared/api/schemas.js';
import type { DeviceAuth } from './devices.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A wave as the door holds it: the participant count is left out (it moves with the roster). */
export type StandingWave = Omit<WaveInfo, 'participantCount'>;

export interface DoorStanding {
  event: DoorManifest['event'];
  device: DoorManifest['device'];
  door: string;
  waves: StandingWave[];
  publicKeys: DoorManifest['publicKeys'];
}

/** The standing and its version, as the manifest and each pull give them. */
export interface VersionedStanding {
  standing: DoorStanding;
  version: string;
}

type StandingRows = Awaited<ReturnType<typeof readStandingRows>>;

/** The event with its keys, and the allowed waves with their sessions: two small queries. */
function readStandingRows(db: Db, eventId: string, waveIds: readonly string[]) {
  return Promise.all([
    db
      .selectFrom('events')
      .leftJoin('event_keys', 'event_keys.event_id', 'events.id')
      .select(['events.name as eventName', 'event_keys.kid', 'event_keys.public_key'])
      .where('events.id', '=', eventId)
      .orderBy('event_keys.kid')
      .execute(),
    waveIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('waves')
          .leftJoin('wave_sessions', 'wave_sessions.wave_id', 'waves.id')
          .select([
            'waves.id',
            'waves.event_id',
            'waves.name',
            'waves.venue',
            'waves.address',
            'waves.map_url',
            'waves.starts_at',
            'waves.ends_at',
            'wave_sessions.id as session_id',
            'wave_sessions.name as session_name',
            'wave_sessions.starts_at as session_starts_at',
            'wave_sessions.ends_at as session_ends_at',
          ])
          .where('waves.event_id', '=', eventId)
          .where('waves.id', 'in', [...waveIds])
          // Ties broken by id: the same rows must always hash the same.
          .orderBy('waves.starts_at')
          .orderBy('waves.name')
          .orderBy('waves.id')
          .orderBy('wave_sessions.starts_at')
          .orderBy('wave_sessions.name')
          .orderBy('wave_sessions.id')
          .execute(),
  ]);
}

type StandingDevice = Pick<DeviceAuth, 'id' | 'eventId' | 'name' | 'door' | 'waveIds'>;

/**
 * Reads the standing in two small queries run together (the event with its keys, the allowed
 * waves with their sessions): cheap enough for every pull. Undefined when the event is gone.
 */
export async function loadDoorStanding(
  db: Db,
  device: StandingDevice,
): Promise<VersionedStanding | undefined> {
  return toStanding(device, await readStandingRows(db, device.eventId, device.waveIds));
}

/**
 * How long a process answers pushes with the standing it read (ms). A push only needs the
 * version, to tell the tablet to refetch its manifest; a busy event's pushes then share one read
 * a second instead of two queries each. An organizer's change made through this process drops
 * what it holds at once (`forgetDoorStandings`); one made through another process reaches these
 * answers within this time, and the pull, which reads afresh, at once.
 */
export const STANDING_REUSE_MS = 1000;

const recent = new WeakMap<object, Map<string, { at: number; rows: Promise<StandingRows> }>>();

/** The standing for a push's answer: read at most once per STANDING_REUSE_MS per event and waves. */
export async function recentDoorStanding(
  owner: object,
  db: Db,
  device: StandingDevice,
): Promise<VersionedStanding | undefined> {
  let held = recent.get(owner);
  if (!held) recent.set(owner, (held = new Map()));
  const key = `${device.eventId} ${device.waveIds.join(',')}`;
  const now = Date.now();
  let entry = held.get(key);
  if (!entry || now - entry.at >= STANDING_REUSE_MS) {
    for (const [k, e] of held) if (now - e.at >= STANDING_REUSE_MS) held.delete(k);
    const made = { at: now, rows: readStandingRows(db, device.eventId, device.waveIds) };
    entry = made;
    held.set(key, made);
    // A failed read is not kept: the next push reads again.
    made.rows.catch(() => {
      if (held.get(key) === made) held.delete(key);
    });
  }
  return toStanding(device, await entry.rows);
}

/** Drops the standings `owner` holds for pushes: an organizer changed something here. */
export function forgetDoorStandings(owner: object): void {
  recent.get(owner)?.clear();
}

function toStanding(
  device: StandingDevice,
  [keys, waveRows]: StandingRows,
): VersionedStanding | undefined {
  const event = keys[0];
  if (!event) return undefined;
  const waves = new Map<string, StandingWave>();
  for (const r of waveRows) {
    let wave = waves.get(r.id);
    if (!wave) {
      wave = {
        id: r.id,
        eventId: r.event_id,
        name: r.name,
        venue: r.venue,
        address: r.address,
        mapUrl: r.map_url,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        sessions: [],
      };
      waves.set(r.id, wave);
    }
    if (r.session_id === null) continue; // a wave without sessions: one row, no session
    const session: SessionInfo = {
      id: r.session_id,
      waveId: r.id,
      name: r.session_name ?? '',
      startsAt: r.session_starts_at ?? '',
      endsAt: r.session_ends_at ?? '',
    };
    wave.sessions.push(session);
  }
  const standing: DoorStanding = {
    event: { id: device.eventId, name: event.eventName },
    device: { id: device.id, name: device.name },
    door: device.door,
    waves: [...waves.values()],
    publicKeys: keys.flatMap((k) =>
      k.kid === null || k.public_key === null ? [] : [{ kid: k.kid, publicKey: k.public_key }],
    ),
  };
  return { standing, version: standingVersion(standing) };
}

/** 16 hex digits of SHA-256 over the standing: any change a tablet would store changes it. */
export function standingVersion(standing: DoorStanding): string {
  return createHash('sha256').update(JSON.stringify(standing)).digest('hex').slice(0, 16);
}
