// Keeping a paired tablet's manifest current: each pull says which manifest version the server
// would give it now; when that differs from the one saved, the tablet fetches the manifest and
// replaces its waves, sessions, keys, revocations and device standing in one transaction. An
// unchanged version costs one IndexedDB read and no request.
import type { DoorManifest } from '../../shared/api/door';
import type { WaveInfo } from '../../shared/api/schemas';
import type { HadirDb, Manifest, SessionRef, WaveRef } from '../db';
import { getManifestVersion, saveManifest } from '../db';
import { api } from '../lib/api';

/** The door's rows for these waves (pairing and manifest alike carry waves with sessions). */
export function waveRows(waves: readonly WaveInfo[]): { waves: WaveRef[]; sessions: SessionRef[] } {
  return {
    waves: waves.map((w) => ({
      id: w.id,
      name: w.name,
      venue: w.venue,
      address: w.address,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
    })),
    sessions: waves.flatMap((w) =>
      w.sessions.map((s) => ({
        id: s.id,
        waveId: w.id,
        name: s.name,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
      })),
    ),
  };
}

/** Everything a manifest answer replaces on the tablet (the roster total aside). */
export function manifestRows(manifest: DoorManifest): Manifest {
  const rows: Manifest = {
    standing: {
      eventName: manifest.event.name,
      name: manifest.device.name,
      door: manifest.door,
      waveIds: manifest.waves.map((w) => w.id),
    },
    ...waveRows(manifest.waves),
    keys: manifest.publicKeys,
    revocations: manifest.revocations,
  };
  if (manifest.version !== undefined) rows.version = manifest.version;
  return rows;
}

export interface FollowManifestOptions {
  db: HadirDb;
  token: string;
  /** The version the latest pull carried; undefined (an older server) means no change. */
  version: string | undefined;
  signal?: AbortSignal;
}

/** Fetches and saves the manifest when the server's version differs; true when it did. */
export async function followManifest(options: FollowManifestOptions): Promise<boolean> {
  const { db, token, version, signal } = options;
  if (version === undefined || version === (await getManifestVersion(db))) return false;
  const manifest = await api<DoorManifest>('/api/door/manifest', {
    token,
    ...(signal ? { signal } : {}),
  });
  // The manifest's own version describes exactly what is saved; the pull's is a fallback so a
  // server that somehow omits it does not make every round fetch again.
  await saveManifest(db, { ...manifestRows(manifest), version: manifest.version ?? version });
  return true;
}
