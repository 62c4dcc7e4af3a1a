// The door's decoder, started while the door still reads its storage: its worker and WebAssembly
// take as long to start as the camera takes to open, and neither depends on storage. The camera
// view takes it when it mounts; one nobody takes is closed.
import type { Decoder, DecoderOptions } from './decoder';
import { markAt, markOnce } from '../lib/marks';

/** An early decoder not taken by then is closed. */
const UNCLAIMED_MS = 4000;

let early: Promise<Decoder> | null = null;
/** The early decoder once claimed, until its watching is stopped (takeEarlyRead). */
let claimed: Promise<Decoder> | null = null;
/** Whether the early decoder may be watching the camera; the clone of its track, once made. */
let watching = false;
let watched: MediaStreamTrack | null = null;

type TrackProcessor = new (init: { track: MediaStreamTrack }) => {
  readable: ReadableStream<VideoFrame>;
};

/**
 * The app's decoder, loaded lazily. `?decoder=zxing-js` runs the fallback engine instead: for
 * comparing engines on one device (the door benchmark's baseline) and on a real tablet.
 */
export function createAppDecoder(watch?: DecoderOptions['watch']): Promise<Decoder> {
  return import('./decoder').then((m) =>
    m.createDecoder(
      new URLSearchParams(location.search).get('decoder') === 'zxing-js'
        ? { engine: 'zxing-js' }
        : { ...(watch ? { watch } : {}) },
    ),
  );
}

function stopWatching(): void {
  watched?.stop();
  watched = null;
  watching = false;
}

/**
 * The camera's frames for the early decoder to read itself: a clone of the early stream's track
 * (stopping it when the camera view takes over leaves the view's stream running), through
 * Chromium's MediaStreamTrackProcessor, whose frames reach the worker straight from the camera,
 * not through the page's thread (busy evaluating and rendering the door meanwhile). Null where
 * there is no early stream or no processor: the camera view then reads the first frames itself.
 */
function earlyFrames(
  stream: Promise<MediaStream | null>,
): Promise<ReadableStream<VideoFrame> | null> {
  const Processor = (globalThis as { MediaStreamTrackProcessor?: TrackProcessor })
    .MediaStreamTrackProcessor;
  if (!Processor) return Promise.resolve(null);
  return stream.then(
    (s) => {
      const track = s?.getVideoTracks()[0];
      if (!track || track.readyState !== 'live' || !watching) return null;
      watched = track.clone();
      markOnce('watch-early');
      return new Processor({ track: watched }).readable;
    },
    () => null,
  );
}

/**
 * Starts the app's decoder now, for the camera view to claim; with the early camera's stream, the
 * decoder reads its frames until then (see earlyFrames): a ticket held up while the tablet
 * restarts is read before the door's screen exists, and handed to it (takeEarlyRead). Resolves
 * once the decoder's worker has what it needs from the page's thread.
 */
export function startDecoderEarly(
  stream: Promise<MediaStream | null> = Promise.resolve(null),
): Promise<void> {
  if (early) return Promise.resolve();
  watching = true;
  const frames = earlyFrames(stream);
  const started = createAppDecoder({
    frames,
    onFirstFrame: (at) => markAt('first-frame-to-decoder', at),
  });
  started.then(
    () => markOnce('decoder-early'),
    () => stopWatching(), // Reported to whoever claims it (the supervisor retries).
  );
  early = started;
  setTimeout(() => {
    if (early !== started) return;
    early = null;
    stopWatching();
    void started.then(
      (d) => d.close(),
      () => {},
    );
  }, UNCLAIMED_MS);
  // Once the frames are known and the decoder's module is in (its worker made at once, the frames
  // posted to it in the same turn): from then on the worker needs nothing of the page's thread.
  return Promise.all([frames, import('./decoder')]).then(
    () => {},
    () => {},
  );
}

/** The early decoder (taken once), else a new one. */
export function claimAppDecoder(): Promise<Decoder> {
  const started = early;
  early = null;
  if (!started) return createAppDecoder();
  claimed = started;
  return started;
}

/**
 * Stops the early decoder's watching, once the camera view reads frames itself; the codes it
 * read before, if any (once). Resolves null when there was no watching.
 */
export async function takeEarlyRead(): Promise<{ texts: string[]; frameAt: number } | null> {
  const decoder = claimed;
  claimed = null;
  if (!decoder || !watching) return null;
  const read = await decoder.then(
    (d) => d.unwatch?.() ?? null,
    () => null,
  );
  stopWatching();
  if (read) markOnce('read-early');
  return read;
}
