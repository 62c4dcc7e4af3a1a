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

/**
 * Reads the standing in two small queries run together (the event with its keys, the allowed
 * waves with their sessions): cheap enough for every pull. Undefined when the event is gone.
 */
export async function loadDoorStanding(
  db: Db,
  device: Pick<DeviceAuth, 'id' | 'eventId' | 'name' | 'door' | 'waveIds'>,
): Promise<VersionedStanding | undefined> {
  const [keys, waveRows] = await Promise.all([
    db
      .selectFrom('events')
      .leftJoin('event_keys', 'event_keys.event_id', 'events.id')
      .select(['events.name as eventName', 'event_keys.kid', 'event_keys.public_key'])
      .where('events.id', '=', device.eventId)
      .orderBy('event_keys.kid')
      .execute(),
    device.waveIds.length === 0
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
          .where('waves.event_id', '=', device.eventId)
          .where('waves.id', 'in', device.waveIds)
          // Ties broken by id: the same rows must always hash the same.
          .orderBy('waves.starts_at')
          .orderBy('waves.name')
          .orderBy('waves.id')
          .orderBy('wave_sessions.starts_at')
          .orderBy('wave_sessions.name')
          .orderBy('wave_sessions.id')
          .execute(),
  ]);
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
