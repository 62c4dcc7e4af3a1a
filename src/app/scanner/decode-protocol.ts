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

export type DecodeRequest = DecodePixels | DecodeFrame;

export type WorkerReply =
  /** `frames`: whether the worker can read camera frames (it has OffscreenCanvas). */
  | { type: 'started'; frames: boolean }
  | { type: 'failed'; message: string }
  | { type: 'decoded'; id: number; texts: string[] }
  | { type: 'error'; id: number; message: string };

/** A thrown value as one line of text, for messages that cross the worker boundary. */
export function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
