// The door's first moments, started by the app's entry (main.tsx) before the door's own code has
// arrived: a restarted tablet opens its camera (where already allowed), starts its decoder and
// opens its storage while the door's page loads; the camera view claims the first two. Small on purpose: every
// page's entry chunk carries it.
import { warmDatabase } from '../db/warm';
import { openCameraEarly, peekEarlyCamera } from './camera-early';
import { startDecoderEarly } from './decoder-early';

/** The longest the door's code waits for the early camera's frames to reach the decoder. */
export const HAND_OVER_MS = 400;

/** Whether `path` is the scanning door (not its pairing screen, which opens a camera when asked). */
export function isScanningDoor(path: string): boolean {
  const p = path.replace(/\/+$/, '');
  return (p === '/scan' || p.startsWith('/scan/')) && p !== '/scan/pair';
}

/**
 * On the scanning door, starts opening the camera, the decoder and storage; elsewhere nothing.
 * Resolves once the camera's frames reach the decoder (or will not), at most HAND_OVER_MS: the
 * door's own code can then take the main thread without holding them up.
 */
export function startDoorEarly(path: string): Promise<void> {
  if (!isScanningDoor(path)) return Promise.resolve();
  warmDatabase();
  const asked = openCameraEarly('environment');
  const handedOver = startDecoderEarly(asked.then(peekEarlyCamera));
  // The door's code waits for the camera to open and its frames to reach the decoder (it would
  // hold the page's thread they need), but never longer than HAND_OVER_MS.
  const capped = new Promise<void>((resolve) => setTimeout(resolve, HAND_OVER_MS));
  return Promise.race([handedOver, capped]);
}
