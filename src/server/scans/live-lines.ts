// What the organizer's live feed needs besides the scan itself: who it was (name, business, and
// their own wave, so a wrong-wave refusal can say where the ticket belongs) and the tablet's name.
import type { Kysely } from 'kysely';
import type { LiveScan } from '../../shared/api/attendance.js';
import type { PulledScanEvent } from '../../shared/api/sync.js';
import type { Database } from '../store/schema.js';

/** The scans of one live page as the console shows them; two queries for the whole page. */
export async function liveLines(
  db: Kysely<Database>,
  eventId: string,
  events: PulledScanEvent[],
): Promise<LiveScan[]> {
  const ids = [...new Set(events.flatMap((e) => (e.participantId ? [e.participantId] : [])))];
  const deviceIds = [...new Set(events.map((e) => e.deviceId))];
  const [people, devices] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .selectFrom('participants')
          .select(['id', 'name', 'business', 'wave_id'])
          .where('event_id', '=', eventId)
          .where('id', 'in', ids)
          .execute(),
    deviceIds.length === 0
      ? []
      : db.selectFrom('devices').select(['id', 'name']).where('id', 'in', deviceIds).execute(),
  ]);
  const who = new Map(people.map((p) => [p.id, p]));
  const names = new Map(devices.map((d) => [d.id, d.name]));
  return events.map((event) => {
    const p = event.participantId ? who.get(event.participantId) : undefined;
    const line: LiveScan = { ...event, correctedTime: new Date(event.correctedTime).toISOString() };
    if (p) line.person = { name: p.name, business: p.business, waveId: p.wave_id };
    else if (event.walkIn)
      line.person = { name: event.walkIn.name, business: event.walkIn.business };
    const deviceName = names.get(event.deviceId);
    if (deviceName !== undefined) line.deviceName = deviceName;
    return line;
  });
}

/** The cursor just before the event's `count` latest scans (0 when it has fewer). */
export async function seqBeforeRecent(
  db: Kysely<Database>,
  eventId: string,
  count: number,
): Promise<number> {
  const row = await db
    .selectFrom('scan_events')
    .select('seq')
    .where('event_id', '=', eventId)
    .orderBy('seq', 'desc')
    .offset(count - 1)
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.seq) - 1 : 0;
}
