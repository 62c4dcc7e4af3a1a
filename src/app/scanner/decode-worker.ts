// The decode worker: runs the wasm engine off the page's thread, so a slow decode on an old
// tablet never delays the camera preview, the verdict or its sound. Starts the engine at once and
// says whether it could; then answers decode requests one at a time, in order.
import type { DecodeRequest, WorkerReply } from './decode-protocol';
import { describeError } from './decode-protocol';
import { decodeWithWasm, startWasmEngine } from './wasm-engine';

// The app's tsconfig has the DOM lib, not WebWorker (the two cannot be combined): type only the
// two members of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

startWasmEngine().then(
  () => scope.postMessage({ type: 'started' }),
  (err: unknown) => scope.postMessage({ type: 'failed', message: describeError(err) }),
);

scope.onmessage = (event) => {
  const { id, width, height, pixels, maxSymbols } = event.data;
  const image = new ImageData(new Uint8ClampedArray(pixels), width, height);
  decodeWithWasm(image, maxSymbols).then(
    (texts) => scope.postMessage({ type: 'decoded', id, texts }),
    (err: unknown) => scope.postMessage({ type: 'error', id, message: describeError(err) }),
  );
};
