// GET /door/live: a paired tablet's own live stream. It carries no data, only "poke": the
// tablet's event has news (another door's scan, a roster, wave or session change, a revocation),
// so the tablet runs a sync round now. Pokes are coalesced, a comment keeps proxies from closing
// an idle stream, and the stream ends with the server. Tablets keep a slow poll as a fallback.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppDeps, AppEnv } from '../context.js';
import { releasingAfter, takeStreamSlot } from '../http/stream-cap.js';
import { createWaker } from '../live/waker.js';

const HEARTBEAT_MS = 25_000;
/** A burst of scans (a push of 500) pokes once, not 500 times. */
const COALESCE_MS = 250;

/** Streams pokes for the device's event until the tablet or the server goes away. */
export function doorLiveStream(c: Context<AppEnv>, deps: AppDeps): Response {
  const device = c.get('device');
  const hub = deps.live;
  const release = takeStreamSlot(c, deps, `device:${device.id}`);
  return streamSSE(
    c,
    releasingAfter(release, async (stream) => {
      stream.onAbort(release);
      let pending = false;
      const waker = createWaker();
      const off = hub
        ? await hub.subscribe(device.eventId, (origin) => {
            // A tablet's own push is no news to it: it just sent those scans.
            if (origin === device.id) return;
            pending = true;
            waker.wake();
          })
        : () => {};
      stream.onAbort(() => {
        off();
        waker.wake();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted && !stream.closed && !hub?.closed) {
        if (pending) {
          pending = false;
          await stream.writeSSE({ event: 'poke', data: '{}' });
          await stream.sleep(COALESCE_MS);
          continue;
        }
        await waker.sleep(HEARTBEAT_MS);
        if (!pending && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      off();
    }),
  );
}
