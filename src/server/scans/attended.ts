// Which sessions each participant has been admitted to, from the event's cached fold: the
// participants list shows it per person and filters by it (hadir / belum hadir).
import type { Store } from '../store/database.js';
import { listDevices } from '../store/devices.js';
import { walkInParticipants } from '../store/walk-ins.js';
import { foldCacheOf } from './fold-cache.js';

/**
 * Participant id → ids of the sessions they were admitted to; a walk-in counts for the participant
 * the organizer confirmed it as, an unconfirmed one for nobody.
 */
export async function attendedSessions(
  store: Store,
  eventId: string,
): Promise<Map<string, Set<string>>> {
  const [devices, walkIns] = await Promise.all([
    listDevices(store.db, eventId),
    walkInParticipants(store.db, eventId),
  ]);
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
  for (const [key, cells] of fold.state.attendance) {
    const person = walkIns.get(key) ?? key;
    const sessions = out.get(person) ?? new Set<string>();
    for (const session of cells.keys()) sessions.add(session);
    out.set(person, sessions);
  }
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
