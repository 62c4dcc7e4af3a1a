// Messages between the page (decoder.ts) and the decode worker (decode-worker.ts).

export interface DecodeRequest {
  type: 'decode';
  id: number;
  image: ImageData;
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
