// The "Tambah perangkat" form, the pairing countdown and the device list's wording, kept out of
// the views so they can be tested without a DOM.
import type { DeviceInfo, PairingOffer, PairingRequestBody } from '../../../shared/api/door';
import type { WaveInfo } from '../../../shared/api/schemas';
import type { FormProblem } from './event-forms';

export interface DeviceFormState {
  name: string;
  door: string;
  waveIds: string[];
}

type Built = { body: PairingRequestBody; problem: null } | { body: null; problem: FormProblem };

/** Empty fields; with a single wave it is already ticked (there is nothing else to choose). */
export function deviceFormState(waves: WaveInfo[]): DeviceFormState {
  return { name: '', door: '', waveIds: waves.length === 1 ? [waves[0]!.id] : [] };
}

/** Ticks or unticks a wave, keeping the waves' own order. */
export function toggleWave(
  f: DeviceFormState,
  waves: WaveInfo[],
  waveId: string,
  on: boolean,
): DeviceFormState {
  const chosen = new Set(f.waveIds);
  if (on) chosen.add(waveId);
  else chosen.delete(waveId);
  return { ...f, waveIds: waves.map((w) => w.id).filter((id) => chosen.has(id)) };
}

/** The API body, or the first field to fix. */
export function buildPairingBody(f: DeviceFormState): Built {
  const name = f.name.trim();
  const door = f.door.trim();
  if (!name) {
    return {
      body: null,
      problem: {
        field: 'name',
        message: { id: 'Isi nama perangkat.', en: 'Enter the device name.' },
      },
    };
  }
  if (!door) {
    return {
      body: null,
      problem: { field: 'door', message: { id: 'Isi nama pintu.', en: 'Enter the door name.' } },
    };
  }
  if (f.waveIds.length === 0) {
    return {
      body: null,
      problem: {
        field: 'waveIds',
        message: {
          id: 'Pilih minimal satu gelombang yang boleh dipindai perangkat ini.',
          en: 'Choose at least one wave this device may check in.',
        },
      },
    };
  }
  return { body: { name, door, waveIds: f.waveIds }, problem: null };
}

/**
 * When the code expires by this browser's clock: the time it arrived plus its lifetime. The
 * server's absolute expiresAt would be off by however wrong the office laptop's clock is.
 */
export function localDeadline(offer: PairingOffer, receivedAt: number): number {
  return receivedAt + offer.expiresInSeconds * 1000;
}

/** Milliseconds until the deadline (never below zero). */
export function remainingMs(deadline: number, now: number): number {
  return Number.isFinite(deadline) ? Math.max(0, deadline - now) : 0;
}

/** "9:05": minutes and seconds left, rounded up so 0:00 appears only once it has expired. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** The device that appeared since the code was shown (same name), if the tablet has paired. */
export function newlyPaired(
  devices: DeviceInfo[],
  knownIds: ReadonlySet<string>,
  name: string,
): DeviceInfo | undefined {
  return devices.find((d) => !knownIds.has(d.id) && d.name === name && d.revokedAt === null);
}

/** The device's waves by name, in the event's order; a wave no longer known shows its id. */
export function deviceWaveNames(device: DeviceInfo, waves: WaveInfo[]): string[] {
  const byId = new Map(waves.map((w) => [w.id, w.name]));
  const known = waves.filter((w) => device.waveIds.includes(w.id)).map((w) => w.name);
  const unknown = device.waveIds.filter((id) => !byId.has(id));
  return [...known, ...unknown];
}
