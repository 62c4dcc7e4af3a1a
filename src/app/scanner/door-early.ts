// The door's first moments, started by the app's entry (main.tsx) before the door's own code has
// arrived: a restarted tablet opens its camera (where already allowed), starts its decoder and
// opens its storage while the door's page loads; the camera view claims the first two. Small on purpose: every
// page's entry chunk carries it.
import { warmDatabase } from '../db/warm';
import { openCameraEarly } from './camera-early';
import { startDecoderEarly } from './decoder-early';

/** Whether `path` is the scanning door (not its pairing screen, which opens a camera when asked). */
export function isScanningDoor(path: string): boolean {
  const p = path.replace(/\/+$/, '');
  return (p === '/scan' || p.startsWith('/scan/')) && p !== '/scan/pair';
}

/**
 * On the scanning door, starts opening the camera, the decoder and storage; elsewhere nothing.
 * Resolves once the camera has been asked for (or will not be): the door's own code can then
 * take the main thread without holding that request up.
 */
export function startDoorEarly(path: string): Promise<void> {
  if (!isScanningDoor(path)) return Promise.resolve();
  warmDatabase();
  const asked = openCameraEarly('environment');
  startDecoderEarly();
  return asked;
}
