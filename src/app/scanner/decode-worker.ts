// The decode worker: runs the wasm engine off the page's thread, so a slow decode on an old
// tablet never delays the camera preview, the verdict or its sound. Starts the engine at once and
// says whether it could (and whether it can read the camera frames the page sends whole); then
// answers decode requests one at a time, in order.
import type { DecodeRequest, WatchedRead, WorkerReply, WorkerRequest } from './decode-protocol';
import { describeError } from './decode-protocol';
import { canReadFrames, frameReader, readLuma } from './frame-grab';
import { scanPasses } from './frame-region';
import { decodeWithWasm, startWasmEngine } from './wasm-engine';

// The app's tsconfig has the DOM lib, not WebWorker (the two cannot be combined): type only the
// two members of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

const readFrame = frameReader();

const engine = startWasmEngine();
engine.then(
  () => scope.postMessage({ type: 'started', frames: canReadFrames() }),
  (err: unknown) => scope.postMessage({ type: 'failed', message: describeError(err) }),
);

function imageOf(request: DecodeRequest): ImageData {
  if (request.type === 'decode-frame') return readFrame(request.frame, request.region);
  const { width, height, pixels } = request;
  return new ImageData(new Uint8ClampedArray(pixels), width, height);
}

// Async, so a frame that cannot be read is answered as an error, like a failed decode.
async function decodeRequest(request: DecodeRequest): Promise<string[]> {
  return decodeWithWasm(imageOf(request), request.maxSymbols);
}

/** The camera's frames being watched, and what was read in them. */
interface Watching {
  reader: ReadableStreamDefaultReader<VideoFrame>;
  read: WatchedRead | null;
  done: Promise<void>;
}
let watching: Watching | null = null;

/**
 * Reads and decodes the frames as they come, the passes in turn as the frame loop does
 * (camera.ts), one decode at a time; frames that come meanwhile wait in the stream, which keeps
 * only the newest. Stops at the first code read, holding it for `unwatch`. The pixels come
 * through readLuma (VideoFrame.copyTo), not a canvas: drawing a camera frame here waits for the
 * page's thread, which is busy starting the door.
 */
function watch(frames: ReadableStream<VideoFrame>, maxSymbols: number): void {
  const reader = frames.getReader();
  const w: Watching = { reader, read: null, done: Promise.resolve() };
  w.done = (async () => {
    // Frames may come before the engine has started; nothing is read until it has.
    if (
      !(await engine.then(
        () => canReadFrames(),
        () => false,
      ))
    )
      return;
    let pass = 0;
    let first = true;
    for (;;) {
      const next = await reader.read().catch(() => null);
      if (!next || next.done) return;
      const frame = next.value;
      const at = performance.timeOrigin + performance.now();
      if (watching !== w) return frame.close();
      const passes = scanPasses({ width: frame.displayWidth, height: frame.displayHeight });
      const region = passes[pass++ % Math.max(1, passes.length)];
      if (!region) {
        frame.close();
        continue;
      }
      if (first) scope.postMessage({ type: 'watch-first', at });
      first = false;
      // readLuma closes the frame, read or not.
      const texts = await readLuma(frame, region)
        .then((image) => decodeWithWasm(image, maxSymbols))
        .catch(() => []);
      if (texts.length) {
        w.read = { texts, at };
        return void reader.cancel().catch(() => {});
      }
    }
  })();
  watching = w;
}

/** Stops watching (once the decode in flight, if any, is done); what was read, if anything. */
async function unwatch(): Promise<WatchedRead | null> {
  const w = watching;
  watching = null;
  if (!w) return null;
  void w.reader.cancel().catch(() => {});
  await w.done;
  return w.read;
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'watch') return watch(request.frames, request.maxSymbols);
  if (request.type === 'unwatch') {
    return void unwatch().then((read) => scope.postMessage({ type: 'unwatched', read }));
  }
  const { id } = request;
  decodeRequest(request).then(
    (texts) => scope.postMessage({ type: 'decoded', id, texts }),
    (err: unknown) => scope.postMessage({ type: 'error', id, message: describeError(err) }),
  );
};
