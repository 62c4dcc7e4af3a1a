// The door's decoder, started while the door still reads its storage: its worker and WebAssembly
// take as long to start as the camera takes to open, and neither depends on storage. The camera
// view takes it when it mounts; one nobody takes is closed.
import type { Decoder } from './decoder';
import { markOnce } from '../lib/marks';

/** An early decoder not taken by then is closed. */
const UNCLAIMED_MS = 4000;

let early: Promise<Decoder> | null = null;

/**
 * The app's decoder, loaded lazily. `?decoder=zxing-js` runs the fallback engine instead: for
 * comparing engines on one device (the door benchmark's baseline) and on a real tablet.
 */
export function createAppDecoder(): Promise<Decoder> {
  return import('./decoder').then((m) =>
    m.createDecoder(
      new URLSearchParams(location.search).get('decoder') === 'zxing-js'
        ? { engine: 'zxing-js' }
        : {},
    ),
  );
}

/** Starts the app's decoder now, for the camera view to claim. */
export function startDecoderEarly(): void {
  if (early) return;
  const started = createAppDecoder();
  started.then(
    () => markOnce('decoder-early'),
    () => {}, // Reported to whoever claims it (the supervisor retries).
  );
  early = started;
  setTimeout(() => {
    if (early !== started) return;
    early = null;
    void started.then(
      (d) => d.close(),
      () => {},
    );
  }, UNCLAIMED_MS);
}

/** The early decoder (taken once), else a new one. */
export function claimAppDecoder(): Promise<Decoder> {
  const started = early;
  early = null;
  return started ?? createAppDecoder();
}
