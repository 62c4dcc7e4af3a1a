// The door's first moments, started by the app's entry (main.tsx) before the door's own code has
// arrived: a restarted tablet opens its camera (where already allowed) and starts its decoder
// while the door's page and storage load; the camera view claims both. Small on purpose: every
// page's entry chunk carries it.
import { openCameraEarly } from './camera-early';
import { startDecoderEarly } from './decoder-early';

/** Whether `path` is the scanning door (not its pairing screen, which opens a camera when asked). */
export function isScanningDoor(path: string): boolean {
  const p = path.replace(/\/+$/, '');
  return (p === '/scan' || p.startsWith('/scan/')) && p !== '/scan/pair';
}

/** On the scanning door, starts opening the camera and the decoder; elsewhere does nothing. */
export function startDoorEarly(path: string): void {
  if (!isScanningDoor(path)) return;
  void openCameraEarly('environment');
  startDecoderEarly();
}
