// Messages between the page (decoder.ts) and the decode worker (decode-worker.ts).
import type { CameraFrame } from './frame-grab';
import type { FrameRegion } from './frame-region';

/**
 * The image travels as its bare pixel buffer, transferred: posting the ImageData itself makes
 * Chromium copy its pixels, measured at ~8 ms on the page's thread per 640×480 frame, against
 * 0.1 ms for the transfer.
 */
export interface DecodePixels {
  type: 'decode';
  id: number;
  width: number;
  height: number;
  pixels: ArrayBuffer;
  maxSymbols: number;
}

/** A whole camera frame, transferred: the worker reads the region's pixels and closes it. */
export interface DecodeFrame {
  type: 'decode-frame';
  id: number;
  frame: CameraFrame;
  region: FrameRegion;
  maxSymbols: number;
}

/**
 * The camera's frames as they come (a MediaStreamTrackProcessor's stream, transferred): the
 * worker reads and decodes them itself, with no help from the page's thread, until it reads a
 * code or is told to stop. For the door's first moments, while the page's thread is busy
 * starting the door (decoder-early.ts).
 */
export interface WatchFrames {
  type: 'watch';
  frames: ReadableStream<VideoFrame>;
  maxSymbols: number;
}

/** Stop watching; the worker answers `unwatched` with the code it read meanwhile, if any. */
export interface Unwatch {
  type: 'unwatch';
}

export type DecodeRequest = DecodePixels | DecodeFrame;
export type WorkerRequest = DecodeRequest | WatchFrames | Unwatch;

/** Codes read while watching; `at`: when the frame came, in ms since the Unix epoch. */
export interface WatchedRead {
  texts: string[];
  at: number;
}

export type WorkerReply =
  /** `frames`: whether the worker can read camera frames (it has OffscreenCanvas). */
  | { type: 'started'; frames: boolean }
  | { type: 'failed'; message: string }
  | { type: 'decoded'; id: number; texts: string[] }
  | { type: 'error'; id: number; message: string }
  /** While watching: the first frame handed to the engine came at `at` (ms since the epoch). */
  | { type: 'watch-first'; at: number }
  | { type: 'unwatched'; read: WatchedRead | null };

/** A thrown value as one line of text, for messages that cross the worker boundary. */
export function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
