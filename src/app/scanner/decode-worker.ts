// The decode worker: runs the wasm engine off the page's thread, so a slow decode on an old
// tablet never delays the camera preview, the verdict or its sound. Starts the engine at once and
// says whether it could (and whether it can read the camera frames the page sends whole); then
// answers decode requests one at a time, in order.
import type { DecodeRequest, WorkerReply } from './decode-protocol';
import { describeError } from './decode-protocol';
import { canReadFrames, frameReader } from './frame-grab';
import { decodeWithWasm, startWasmEngine } from './wasm-engine';

// The app's tsconfig has the DOM lib, not WebWorker (the two cannot be combined): type only the
// two members of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

const readFrame = frameReader();

startWasmEngine().then(
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

scope.onmessage = (event) => {
  const { id } = event.data;
  decodeRequest(event.data).then(
    (texts) => scope.postMessage({ type: 'decoded', id, texts }),
    (err: unknown) => scope.postMessage({ type: 'error', id, message: describeError(err) }),
  );
};
