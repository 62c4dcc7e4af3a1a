// The door engine's setup part: which step the tablet is at (pair, download, volunteer, scan, or
// the dead ends: evicted, revoked), and the actions that move it along. Views render `stage` and
// `download` and call these actions; the network and IndexedDB work lives in setup.ts.
import type { ReadonlySignal } from '@preact/signals';
import { computed, signal } from '@preact/signals';
import type { UnsyncedScansFile } from '../../shared/api/sync';
import { UNSYNCED_FILE_FORMAT } from '../../shared/api/sync-limits';
import type { DeviceRow, DoorStatus, HadirDb } from '../db';
import { requestPersistence, setVolunteer, unsyncedExportEvents } from '../db';
import { ApiFailure } from '../lib/api';
import { downloadRoster, pairTablet, PAIRED_MARKER } from './setup';

type Bi = { id: string; en: string };

/** Which screen the door shows. */
export type DoorStage =
  'loading' | 'pair' | 'evicted' | 'revoked' | 'roster' | 'volunteer' | 'scan';

/** A roster download: how far, whether it runs, and why it stopped. */
export interface DownloadState {
  saved: number;
  total: number;
  running: boolean;
  error: Bi | null;
}

export interface DoorSetup {
  readonly stage: ReadonlySignal<DoorStage>;
  /** Roster on the tablet, persistence and clock, as last read; null until read. */
  readonly standing: ReadonlySignal<DoorStatus | null>;
  readonly download: ReadonlySignal<DownloadState>;
  /** Pairs with a one-time code, asks for persistent storage; throws ApiFailure with words. */
  pair(code: string): Promise<void>;
  /** Downloads the roster ('resume' by default); resolves with the entries saved, or null. */
  downloadRoster(from?: 'resume' | 'start'): Promise<number | null>;
  setVolunteer(name: string): Promise<void>;
  /** Forgets that this tablet was paired, after its data was evicted. */
  forgetPairing(): void;
  /** Every scan not on the server (waiting or refused), as the file handed to the organizer. */
  unsyncedFile(): Promise<UnsyncedScansFile | null>;
  /** Stops a running download. */
  stop(): void;
}

export interface SetupDeps {
  db: HadirDb;
  /** Remembers "this tablet was paired" outside IndexedDB, to tell eviction from a new tablet. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null | undefined;
  loaded: ReadonlySignal<boolean>;
  device: ReadonlySignal<DeviceRow | null>;
  revokedAt: ReadonlySignal<number | null>;
  /** What the engine last read of the roster, persistence and clock. */
  standing: ReadonlySignal<DoorStatus | null>;
  /** Re-reads the engine's state after an action changed the tablet. */
  reload: () => Promise<void>;
}

export function failureWords(err: unknown): Bi {
  if (err instanceof ApiFailure) return err.messages;
  return { id: 'Terjadi kesalahan. Coba lagi.', en: 'Something went wrong. Try again.' };
}

/** The setup part of the engine over its loaded state. */
export function createDoorSetup(deps: SetupDeps): DoorSetup {
  const { db, storage, standing } = deps;
  const download = signal<DownloadState>({ saved: 0, total: 0, running: false, error: null });
  let abort: AbortController | null = null;

  const readMarker = () => {
    try {
      return (storage?.getItem(PAIRED_MARKER) ?? null) !== null;
    } catch {
      return false;
    }
  };
  const pairedBefore = signal(readMarker());
  const stage = computed<DoorStage>(() => {
    if (!deps.loaded.value) return 'loading';
    const device = deps.device.value;
    if (!device) return pairedBefore.value ? 'evicted' : 'pair';
    if (deps.revokedAt.value !== null) return 'revoked';
    if (!standing.value?.ready) return 'roster';
    if (!device.volunteer) return 'volunteer';
    return 'scan';
  });

  return {
    stage,
    standing,
    download,
    async pair(code) {
      const device = await pairTablet(db, code);
      try {
        storage?.setItem(PAIRED_MARKER, device.deviceId);
      } catch {
        // Private mode: eviction will read as "never paired", which is still safe.
      }
      pairedBefore.value = true;
      // Asked now: a roster evicted mid-shift would stop the door.
      await requestPersistence({ db });
      await deps.reload();
    },
    async downloadRoster(from = 'resume') {
      const token = deps.device.peek()?.token;
      if (!token) return null;
      abort?.abort();
      const mine = new AbortController();
      abort = mine;
      const s = standing.peek();
      download.value = {
        saved: from === 'start' ? 0 : (s?.rosterSaved ?? 0),
        total: s?.rosterTotal ?? 0,
        running: true,
        error: null,
      };
      try {
        const saved = await downloadRoster(db, {
          token,
          from,
          signal: mine.signal,
          onProgress: (p) => (download.value = { ...download.peek(), ...p }),
        });
        download.value = { ...download.peek(), running: false };
        await deps.reload();
        return saved;
      } catch (err) {
        if (mine.signal.aborted) return null;
        download.value = { ...download.peek(), running: false, error: failureWords(err) };
        // The pages saved before the failure stay; the next try resumes after them.
        await deps.reload().catch(() => undefined);
        return null;
      } finally {
        if (abort === mine) abort = null;
      }
    },
    async setVolunteer(name) {
      await setVolunteer(db, name.trim());
      await deps.reload();
    },
    forgetPairing() {
      try {
        storage?.removeItem(PAIRED_MARKER);
      } catch {
        // nothing to forget
      }
      pairedBefore.value = false;
    },
    async unsyncedFile() {
      const device = deps.device.peek();
      if (!device) return null;
      return {
        format: UNSYNCED_FILE_FORMAT,
        deviceId: device.deviceId,
        eventId: device.eventId,
        door: device.door,
        exportedAt: new Date().toISOString(),
        events: await unsyncedExportEvents(db),
      };
    },
    stop() {
      abort?.abort();
      abort = null;
      download.value = { ...download.peek(), running: false };
    },
  };
}
