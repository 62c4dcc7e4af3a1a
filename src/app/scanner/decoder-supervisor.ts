// Keeps the QR decoder alive for the camera: a decode worker can die (out of memory on an old
// tablet, a crash), and then every decode fails while the picture still moves — a door that looks
// live but reads nothing. The supervisor notices repeated failures, starts a fresh decoder, and
// says "failed" only when restarts keep failing, so the camera view can tell the volunteer.
import type { Decoder } from './decoder';
import type { CameraFrame } from './frame-grab';
import type { FrameRegion } from './frame-region';

export type DecoderHealth = 'starting' | 'ready' | 'restarting' | 'failed';

export type SupervisableDecoder = Pick<Decoder, 'decode' | 'decodeFrame' | 'close'>;

export interface SupervisorOptions {
  /** Makes a decoder (the app's createDecoder, lazily loaded). */
  create(): Promise<SupervisableDecoder>;
  onHealth(health: DecoderHealth): void;
  /** Failed decodes in a row that count as a dead decoder. Default 3. */
  failuresBeforeRestart?: number;
  /** Restarts allowed within `windowMs` before giving up. Default 3 within 60 s. */
  maxRestarts?: number;
  windowMs?: number;
  /** Pause before trying again after a decoder could not start, ms. Default 500. */
  retryDelayMs?: number;
  now?: () => number;
}

export interface SupervisedDecoder {
  /** Texts in the image; [] while no decoder is running (the frame is skipped, not queued). */
  decode(image: ImageData): Promise<string[]>;
  /**
   * Present only while the running decoder reads camera frames (the worker), so the frame loop
   * picks its grab per frame; takes ownership of the frame like Decoder.decodeFrame.
   */
  readonly decodeFrame?: (frame: CameraFrame, region: FrameRegion) => Promise<string[]>;
  /** Starts over after "failed" (the volunteer's "Try again"). */
  retry(): void;
  close(): void;
}

/** Wraps decoder creation so a dead decoder is replaced, and a hopeless one reported. */
export function superviseDecoder(opts: SupervisorOptions): SupervisedDecoder {
  const failuresBeforeRestart = opts.failuresBeforeRestart ?? 3;
  const maxRestarts = opts.maxRestarts ?? 3;
  const windowMs = opts.windowMs ?? 60_000;
  const retryDelayMs = opts.retryDelayMs ?? 500;
  const now = opts.now ?? (() => Date.now());
  let current: SupervisableDecoder | null = null;
  let generation = 0;
  let failures = 0;
  let restarts: number[] = [];
  let closed = false;

  const start = (health: DecoderHealth) => {
    const mine = ++generation;
    current?.close();
    current = null;
    failures = 0;
    opts.onHealth(health);
    opts.create().then(
      (d) => {
        if (closed || mine !== generation) return d.close();
        current = d;
        opts.onHealth('ready');
      },
      () => {
        if (closed || mine !== generation) return;
        setTimeout(() => mine === generation && !closed && restart(), retryDelayMs);
      },
    );
  };

  const restart = () => {
    const t = now();
    restarts = restarts.filter((at) => t - at < windowMs);
    if (restarts.length >= maxRestarts) {
      generation++;
      current?.close();
      current = null;
      opts.onHealth('failed');
      return;
    }
    restarts.push(t);
    start('restarting');
  };

  /** Runs one decode on decoder `d`, counting failures in a row towards a restart. */
  const run = async (d: SupervisableDecoder, decode: () => Promise<string[]>) => {
    try {
      const texts = await decode();
      if (d === current) failures = 0;
      return texts;
    } catch (err) {
      if (d === current && ++failures >= failuresBeforeRestart) restart();
      throw err;
    }
  };

  const decodeFrame = async (frame: CameraFrame, region: FrameRegion) => {
    const d = current;
    if (d?.decodeFrame) return run(d, () => d.decodeFrame!(frame, region));
    // No decoder that reads frames (restarting, or a page-thread fallback): the frame is skipped.
    frame.close();
    return [];
  };

  start('starting');
  return {
    async decode(image) {
      const d = current;
      return d ? run(d, () => d.decode(image)) : [];
    },
    get decodeFrame() {
      return current?.decodeFrame ? decodeFrame : undefined;
    },
    retry() {
      restarts = [];
      start('starting');
    },
    close() {
      closed = true;
      generation++;
      current?.close();
      current = null;
    },
  };
}
