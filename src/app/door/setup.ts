// Getting a tablet ready for the door — part of the door engine: pair it with a one-time code,
// fetch the manifest (waves, sessions, keys, revocations) and download the roster in resumable
// pages. Network in, IndexedDB out; the setup views only call these and show progress.
import type { DoorManifest, DoorRosterPage, PairResult } from '../../shared/api/door';
import type { DeviceRow, HadirDb } from '../db';
import {
  getDevice,
  getRosterCursor,
  markRosterComplete,
  saveManifest,
  saveRosterChunk,
  setServerMinusDevice,
  startPullAt,
  unsyncedCount,
  wipeRoster,
} from '../db';
import { roundTripOffset } from '../../shared/door/clock';
import { api, ApiFailure } from '../lib/api';
import { manifestRows, waveRows } from '../sync/manifest-refresh';

/** Remembered outside IndexedDB, so the door can tell "never paired" from "data was wiped". */
export const PAIRED_MARKER = 'hadir.door.paired';

/** The code in a pairing link (`/scan/pair#ABCD-EFGH`) or as typed, or '' when there is none. */
export function codeFromFragment(hash: string): string {
  return decodeURIComponent(hash.replace(/^#/, '')).trim();
}

/**
 * Pairs this tablet with a one-time code. Refused while scans of an earlier pairing wait to be
 * synced: they carry the old device's id and must reach the server first.
 */
export async function pairTablet(db: HadirDb, code: string): Promise<DeviceRow> {
  const previous = await getDevice(db);
  if (previous && (await unsyncedCount(db)) > 0) {
    throw new ApiFailure(409, 'unsynced-scans', {
      id: 'Tablet ini masih menyimpan pemindaian yang belum tersinkron. Sinkronkan atau ekspor dulu sebelum dipasangkan ulang.',
      en: 'This tablet still holds scans that are not synced. Sync or export them before pairing it again.',
    });
  }
  const result = await api<PairResult>('/api/devices/pair', { body: { code } });
  const device: DeviceRow = {
    deviceId: result.deviceId,
    token: result.token,
    eventId: result.event.id,
    eventName: result.event.name,
    door: result.door,
    name: result.name,
    waveIds: result.waves.map((w) => w.id),
    pairedAt: new Date().toISOString(),
    volunteer: previous?.volunteer ?? '',
  };
  // Another event or other waves: the old roster must not decide anything here.
  await wipeRoster(db);
  await saveManifest(db, { device, ...waveRows(result.waves), keys: result.publicKeys });
  return device;
}

/** Fetches the manifest and stores it, with the clock offset estimated from the round trip. */
export async function refreshManifest(
  db: HadirDb,
  token: string,
  signal?: AbortSignal,
): Promise<DoorManifest> {
  const sent = Date.now();
  const manifest = await api<DoorManifest>('/api/door/manifest', {
    token,
    ...(signal ? { signal } : {}),
  });
  const answeredAt = Date.now();
  const serverTime = Date.parse(manifest.serverTime);
  if (Number.isFinite(serverTime)) {
    await setServerMinusDevice(db, roundTripOffset({ sentAt: sent, answeredAt, serverTime }));
  }
  await saveManifest(db, { ...manifestRows(manifest), rosterTotal: manifest.rosterCount });
  if (manifest.syncCursor) await startPullAt(db, manifest.syncCursor);
  return manifest;
}

/** Saved and expected entry counts during a download. */
export interface DownloadProgress {
  saved: number;
  total: number;
}

export interface DownloadOptions {
  token: string;
  /** Called after each page is saved. */
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  pageSize?: number;
  /** 'resume' (the default) continues after the last saved page; 'start' fetches everything again. */
  from?: 'resume' | 'start';
}

/** Downloads the roster page by page; each page and its cursor are saved together. */
export async function downloadRoster(db: HadirDb, options: DownloadOptions): Promise<number> {
  const { token, signal } = options;
  const manifest = await refreshManifest(db, token, signal);
  const total = manifest.rosterCount;
  const limit = options.pageSize ?? 1000;
  let after = options.from === 'start' ? null : await getRosterCursor(db);
  let saved = after === null ? 0 : await db.roster.count();
  options.onProgress?.({ saved, total });
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit) });
    if (after !== null) query.set('after', after);
    const page = await api<DoorRosterPage>(`/api/door/roster?${query}`, {
      token,
      ...(signal ? { signal } : {}),
    });
    const last = page.participants[page.participants.length - 1];
    if (last) {
      await saveRosterChunk(db, page.participants, last.participantId);
      saved += page.participants.length;
      after = last.participantId;
    }
    options.onProgress?.({ saved: Math.min(saved, total), total });
    if (page.nextAfter === null) break;
  }
  await markRosterComplete(db);
  return saved;
}
