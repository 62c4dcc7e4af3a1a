// Messages between the page (decoder.ts) and the decode worker (decode-worker.ts).

/**
 * The image travels as its bare pixel buffer, transferred: posting the ImageData itself makes
 * Chromium copy its pixels, measured at ~8 ms on the page's thread per 640×480 frame, against
 * 0.1 ms for the transfer.
 */
export interface DecodeRequest {
  type: 'decode';
  id: number;
  width: number;
  height: number;
  pixels: ArrayBuffer;
  maxSymbols: number;
}

export type WorkerReply =
  | { type: 'started' }
  | { type: 'failed'; message: string }
  | { type: 'decoded'; id: number; texts: string[] }
  | { type: 'error'; id: number; message: string };

/** A thrown value as one line of text, for messages that cross the worker boundary. */
export function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
