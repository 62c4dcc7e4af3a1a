// The app's QR decode path. ZXing-C++ compiled to WebAssembly (zxing-wasm) reads what
// @zxing/library misses (see ARCHITECTURE.md, "Scanning"), so it is the engine, by default in a
// dedicated worker; @zxing/browser takes over only where WebAssembly cannot start. Load this
// module lazily (`await import('./scanner/decoder')`): pages that never scan never download it.
import type { DecodeRequest, WatchedRead, WorkerReply, WorkerRequest } from './decode-protocol';
import { describeError } from './decode-protocol';
import type { CameraFrame } from './frame-grab';
import type { FrameRegion } from './frame-region';

export type DecoderEngine = 'wasm' | 'zxing-js';
export type DecoderThread = 'worker' | 'main';

export interface DecoderOptions {
  /** Wanted engine; 'wasm' (the default) falls back to 'zxing-js' if WebAssembly can't start. */
  engine?: DecoderEngine;
  /** Codes to look for per image: 1 for the camera (the default); more for a sheet of badges. */
  maxSymbols?: number;
  /** Where the wasm engine runs: 'auto' (the default) means a worker when the browser has them. */
  thread?: DecoderThread | 'auto';
  /**
   * The worker reads and decodes these camera frames itself, off the page's thread, as soon as
   * they and its engine are there — before the decoder is even handed out — until it reads a code
   * or `unwatch()` (decoder-early.ts). `onFirstFrame` gets the time (performance.now() of this
   * page) the first frame was handed to the engine. Ignored by the other engines and threads.
   */
  watch?: {
    frames: Promise<ReadableStream<VideoFrame> | null>;
    onFirstFrame(at: number): void;
  };
}

export interface Decoder {
  /** The engine that actually runs. */
  readonly engine: DecoderEngine;
  readonly thread: DecoderThread;
  /** Why a preferred engine or thread could not be used, for diagnostics; null if none. */
  readonly fallbackReason: string | null;
  /**
   * Texts of the QR codes in an RGBA image, exact as encoded; [] when there is none. With the
   * worker the image's pixel buffer is transferred (detached), so pass a fresh ImageData.
   */
  decode(image: ImageData): Promise<string[]>;
  /**
   * Only where the decoder reads camera frames off the page's thread (the worker): the texts in
   * a region of a whole frame. Takes ownership: the frame is transferred, then closed.
   */
  decodeFrame?(frame: CameraFrame, region: FrameRegion): Promise<string[]>;
  /**
   * Only a worker decoder given `watch`: stops watching; the codes read meanwhile and their
   * frame's time (this page's clock), if any.
   */
  unwatch?(): Promise<{ texts: string[]; frameAt: number } | null>;
  /** Stops the worker and frees the engine; decodes in flight reject. */
  close(): void;
}

/** A decoder ready to use: resolves once its engine has started (or the fallback has). */
export async function createDecoder(opts: DecoderOptions = {}): Promise<Decoder> {
  const maxSymbols = opts.maxSymbols ?? 1;
  if (!Number.isInteger(maxSymbols) || maxSymbols < 1 || maxSymbols > 255) {
    throw new RangeError(`maxSymbols ${maxSymbols} not in 1..255`);
  }
  if (opts.engine === 'zxing-js') return zxingJsDecoder(null);
  if (!webAssemblyAvailable()) return zxingJsDecoder('WebAssembly is not available');

  const reasons: string[] = [];
  const thread = opts.thread ?? 'auto';
  if (thread !== 'main' && typeof Worker === 'function') {
    try {
      return await workerDecoder(maxSymbols, opts.watch);
    } catch (err) {
      reasons.push(`worker: ${describeError(err)}`);
    }
  }
  try {
    const engine = await import('./wasm-engine');
    await engine.startWasmEngine();
    return {
      engine: 'wasm',
      thread: 'main',
      fallbackReason: reasons[0] ?? null,
      decode: (image) => engine.decodeWithWasm(image, maxSymbols),
      close() {},
    };
  } catch (err) {
    reasons.push(`wasm: ${describeError(err)}`);
  }
  return zxingJsDecoder(reasons.join('; '));
}

function webAssemblyAvailable(): boolean {
  try {
    // The smallest valid module: magic number and version.
    return (
      typeof WebAssembly === 'object' &&
      WebAssembly.validate(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]))
    );
  } catch {
    return false;
  }
}

async function zxingJsDecoder(fallbackReason: string | null): Promise<Decoder> {
  const { createZxingJsReader } = await import('./zxing-js-engine');
  const reader = createZxingJsReader();
  return {
    engine: 'zxing-js',
    thread: 'main',
    fallbackReason,
    decode: async (image) => reader.decode(image),
    close() {},
  };
}

interface Pending {
  resolve(texts: string[]): void;
  reject(err: Error): void;
}

/** Starts the decode worker; rejects if it cannot load or its engine cannot start. */
function workerDecoder(maxSymbols: number, watching?: DecoderOptions['watch']): Promise<Decoder> {
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken: Error | null = null;
  let onFirstFrame: ((at: number) => void) | null = null;
  let unwatched: ((read: WatchedRead | null) => void) | null = null;
  let unwatchedOnce = false;

  const fail = (err: Error) => {
    broken ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    unwatched?.(null);
    unwatched = null;
    worker.terminate();
  };

  /** Posts a request; rejects, with nothing sent, when the worker is broken or refuses it. */
  const send = (request: DecodeRequest, transfer: Transferable[]) =>
    new Promise<string[]>((resolve, reject) => {
      if (broken) return reject(broken);
      pending.set(request.id, { resolve, reject });
      try {
        worker.postMessage(request, transfer);
      } catch (err) {
        pending.delete(request.id);
        reject(err);
      }
    });

  const decoder: Decoder = {
    engine: 'wasm',
    thread: 'worker',
    fallbackReason: null,
    decode(image) {
      const { width, height, data } = image;
      const pixels = data.buffer as ArrayBuffer;
      if (data.byteOffset !== 0 || data.byteLength !== pixels.byteLength) {
        return Promise.reject(new TypeError('ImageData over part of a buffer cannot be sent'));
      }
      return send({ type: 'decode', id: nextId++, width, height, pixels, maxSymbols }, [pixels]);
    },
    close: () => fail(new Error('decoder closed')),
  };

  const decodeFrame = (frame: CameraFrame, region: FrameRegion) =>
    send({ type: 'decode-frame', id: nextId++, frame, region, maxSymbols }, [frame]).catch(
      (err: unknown) => {
        // A frame that never reached the worker is ours to free (no-op once transferred).
        frame.close();
        throw err;
      },
    );

  // Watching (decode-protocol.ts): times cross as ms since the epoch, each thread has its origin.
  if (watching) {
    onFirstFrame = watching.onFirstFrame;
    watching.frames.then(
      (frames) => {
        if (!frames) return;
        if (broken || unwatchedOnce) return void frames.cancel().catch(() => {});
        const request: WorkerRequest = { type: 'watch', frames, maxSymbols };
        worker.postMessage(request, [frames]);
      },
      () => {},
    );
  }
  const unwatch = () =>
    new Promise<{ texts: string[]; frameAt: number } | null>((resolve) => {
      if (broken) return resolve(null);
      unwatchedOnce = true;
      unwatched = (read) =>
        resolve(read && { texts: read.texts, frameAt: read.at - performance.timeOrigin });
      const request: WorkerRequest = { type: 'unwatch' };
      worker.postMessage(request);
    });

  return new Promise<Decoder>((resolve, reject) => {
    let started = false;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'started') {
        started = true;
        resolve(reply.frames ? { ...decoder, decodeFrame, unwatch } : decoder);
      } else if (reply.type === 'watch-first') {
        // Told late when the page was busy, perhaps after unwatch(): still when it happened.
        onFirstFrame?.(reply.at - performance.timeOrigin);
        onFirstFrame = null;
      } else if (reply.type === 'unwatched') {
        unwatched?.(reply.read);
        unwatched = null;
      } else if (reply.type === 'failed') {
        fail(new Error(reply.message));
        reject(broken);
      } else {
        const p = pending.get(reply.id);
        pending.delete(reply.id);
        if (reply.type === 'decoded') p?.resolve(reply.texts);
        else p?.reject(new Error(reply.message));
      }
    };
    // A worker script that cannot load (blocked, missing offline) or that crashes.
    worker.onerror = (event) => {
      event.preventDefault();
      fail(new Error(`decode worker failed: ${event.message || 'could not load'}`));
      if (!started) reject(broken);
    };
  });
}
