// Which sessions each participant has been admitted to, from the event's cached fold: the
// participants list shows it per person and filters by it (hadir / belum hadir).
import type { Store } from '../store/database.js';
import { listDevices } from '../store/devices.js';
import { foldCacheOf } from './fold-cache.js';

/** Participant id → ids of the sessions they were admitted to (walk-ins are not participants). */
export async function attendedSessions(
  store: Store,
  eventId: string,
): Promise<Map<string, Set<string>>> {
  const devices = await listDevices(store.db, eventId);
  const fold = await foldCacheOf(store).fold(
    eventId,
    new Map(
      devices.map((d) => [
        d.id,
        {
          serverMinusDeviceMs:
            d.server_minus_device_ms === null ? null : Number(d.server_minus_device_ms),
        },
      ]),
    ),
  );
  const out = new Map<string, Set<string>>();
  for (const [person, cells] of fold.state.attendance) out.set(person, new Set(cells.keys()));
  return out;
}

/** The ids matching a hadir / belum-hadir filter, for one session or for any session. */
export function presentIds(attended: Map<string, Set<string>>, sessionId?: string): string[] {
  const out: string[] = [];
  for (const [person, sessions] of attended) {
    if (sessionId === undefined ? sessions.size > 0 : sessions.has(sessionId)) out.push(person);
  }
  return out;
}
