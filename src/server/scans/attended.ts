// Which sessions each participant has been admitted to, from the event's cached fold: the
// participants list shows it per person and filters by it (hadir / belum hadir).
import type { Store } from '../store/database.js';
import { attendedByParticipant } from '../../shared/certificates/eligibility.js';
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
  return attendedByParticipant(fold.state.attendance, walkIns);
}

/** The ids matching a hadir / belum-hadir filter, for one session or for any session. */
export function presentIds(attended: Map<string, Set<string>>, sessionId?: string): string[] {
  const out: string[] = [];
  for (const [person, sessions] of attended) {
    if (sessionId === undefined ? sessions.size > 0 : sessions.has(sessionId)) out.push(person);
  }
  return out;
}
