// The door's camera, asked for while the door still reads its storage: a camera takes hundreds of
// milliseconds to open on a tablet, and which camera does not depend on what storage says. The
// camera view takes the stream when it mounts; one nobody takes is released.
import type { CameraFacing } from './camera-open';
import { openCamera, releaseStream } from './camera-open';

/** An early stream not taken by then is released (camera light off). */
const UNCLAIMED_MS = 4000;

let early: { facing: CameraFacing; stream: Promise<MediaStream> } | null = null;

const release = (stream: Promise<MediaStream>) => void stream.then(releaseStream, () => {});

/**
 * Starts opening the camera now, but only where the camera is already allowed: a tablet that
 * has never been asked gets the prompt when the person chooses to scan, not on page load.
 */
export async function openCameraEarly(facing: CameraFacing): Promise<void> {
  if (early || typeof document === 'undefined' || document.visibilityState === 'hidden') return;
  try {
    const status = await navigator.permissions.query({ name: 'camera' as PermissionName });
    if (status.state !== 'granted' || early) return;
  } catch {
    return; // No Permissions API or no 'camera' name in it (Firefox): open when asked.
  }
  const entry = { facing, stream: openCamera({ facing }) };
  entry.stream.catch(() => {}); // Reported to whoever claims it.
  early = entry;
  setTimeout(() => {
    if (early !== entry) return;
    early = null;
    release(entry.stream);
  }, UNCLAIMED_MS);
}

/** The early stream, if one is opening or open, without taking it (the early decoder watches it). */
export function peekEarlyCamera(): Promise<MediaStream> | null {
  return early?.stream ?? null;
}

/** The early stream for `facing`, taken (once), if one is opening or open; else null. */
export function claimEarlyCamera(facing: CameraFacing): Promise<MediaStream> | null {
  const entry = early;
  early = null;
  if (!entry) return null;
  if (entry.facing !== facing) return (release(entry.stream), null);
  // The OS may have taken it back meanwhile: then open a fresh one.
  return entry.stream.then((s) =>
    s.getVideoTracks()[0]?.readyState === 'live' ? s : openCamera({ facing }),
  );
}
