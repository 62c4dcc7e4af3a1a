// The tablet's end of GET /api/door/live: a long-lived response read as server-sent events,
// with the device token in a header (EventSource cannot send one, and a token never goes in a
// URL) and the tablet's pull cursor in another, so the server can send other doors' new scans
// in the stream ("scans", stored by stream-scans.ts when they follow on from the cursor). Each
// "poke" asks for a sync round; while the stream is up the sync engine only polls slowly, and a
// round for the tablet's own scans only pushes. The stream counts as up from its `ready` (sent
// once the server listens for this tablet: news from then on reaches it) or its first event. A
// dropped stream reconnects with backoff; offline, it waits for the `online` event.
import type { StreamedScans } from '../../shared/api/sync-cursor';
import { LIVE_CURSOR_HEADER } from '../../shared/api/sync-cursor';
import { backoffMs } from './sync-engine';

const NO_TOKEN_RETRY_MS = 2000;

export interface DoorLiveOptions {
  /** The device token, or null when the tablet is not paired (then it does not connect). */
  token: () => string | null;
  onPoke(): void;
  /** The pull cursor to tell the server when connecting (null before the first pull). */
  cursor?: () => Promise<string | null>;
  /** Other doors' scans carried in the stream; without this the tablet only takes pokes. */
  onScans?(scans: StreamedScans): void;
  /** Up (true, from `ready`) or not (false), for the sync engine's poll rate and pulls. */
  onConnected(connected: boolean): void;
  fetch?: typeof fetch;
}

/** Holds the door's live stream open until the returned function is called. */
export function listenForPokes(opts: DoorLiveOptions): () => void {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  let stopped = false;
  let failures = 0;
  let controller: AbortController | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    clearTimeout(retry);
    if (stopped || controller) return;
    const token = opts.token();
    // Not paired yet (or the engine is still reading the pairing): look again shortly.
    if (!token) return void (retry = setTimeout(() => void connect(), NO_TOKEN_RETRY_MS));
    controller = new AbortController();
    try {
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: 'text/event-stream',
      };
      const cursor = opts.onScans ? await opts.cursor?.() : null;
      if (cursor) headers[LIVE_CURSOR_HEADER] = cursor;
      const res = await doFetch('/api/door/live', { headers, signal: controller.signal });
      if (!res.ok || !res.body) throw new Error(`live ${res.status}`);
      failures = 0;
      let up = false;
      await readEvents(res.body, (name, data) => {
        if (!up) opts.onConnected((up = true));
        if (name === 'poke') opts.onPoke();
        else if (name === 'scans' && opts.onScans) {
          const scans = readScans(data);
          // Unreadable news is still news: a round brings it.
          if (scans) opts.onScans(scans);
          else opts.onPoke();
        }
      });
    } catch {
      failures += 1;
    } finally {
      controller = null;
      opts.onConnected(false);
    }
    if (stopped) return;
    // A stream that ended cleanly (server restart) reconnects soon; failures back off.
    retry = setTimeout(() => void connect(), backoffMs(Math.max(1, failures)));
  };
  const online = () => void connect();
  globalThis.addEventListener?.('online', online);
  void connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    globalThis.removeEventListener?.('online', online);
    controller?.abort();
  };
}

function readScans(data: string): StreamedScans | null {
  try {
    const v = JSON.parse(data) as Partial<StreamedScans> | null;
    const seq = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    if (!v || !seq(v.from) || !seq(v.to) || !Array.isArray(v.events)) return null;
    return v as StreamedScans;
  } catch {
    return null;
  }
}

/** Calls `onEvent` with each SSE event's name and data in the stream, until it ends. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (name: string, data: string) => void,
) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: ?(.*)$/m.exec(block)?.[1];
      const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
      if (name) onEvent(name.trim(), data);
    }
  }
}
