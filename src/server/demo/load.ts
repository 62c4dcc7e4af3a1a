// "Muat acara contoh": creates the Tangsel programme — wave 1 at Aula Blandongan (382 people),
// wave 2 at Balaikota (400) — with generated, realistic participants.
import { newParticipantId } from '../../shared/base32.js';
import type { Store } from '../store/database.js';
import { createEvent, insertSession, insertWave } from '../store/events.js';
import type { ParticipantTable } from '../store/schema.js';
import { DEMO_EVENT, generateDemoRoster } from './generate.js';

const CHUNK = 200;

/** The demo's own name, for the one copy loaded without asking for another by name. */
export const DEMO_NAME = DEMO_EVENT.name;

/** The id of an event (archived or not) already called `name`, if any. */
export async function eventNamed(store: Store, name: string): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('events')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

/** Creates the demo event (under `name`, for a second copy) and returns its id. */
export async function loadDemo(store: Store, name: string = DEMO_NAME): Promise<string> {
  const { db } = store;
  const eventId = await createEvent(db, name);
  const roster = generateDemoRoster();
  const people = [roster.wave1, roster.wave2];
  const now = Date.now();
  await db.transaction().execute(async (tx) => {
    for (const [i, waveDef] of DEMO_EVENT.waves.entries()) {
      const wave = await insertWave(tx, eventId, {
        name: waveDef.name,
        venue: waveDef.venue,
        address: waveDef.address,
        mapUrl: waveDef.mapUrl,
        startsAt: waveDef.startsAt,
        endsAt: waveDef.endsAt,
      });
      for (const s of waveDef.sessions) {
        await insertSession(tx, wave.id, { name: s.name, startsAt: s.startsAt, endsAt: s.endsAt });
      }
      const rows: ParticipantTable[] = (people[i] ?? []).map((p) => ({
        id: newParticipantId(),
        event_id: eventId,
        wave_id: wave.id,
        name: p.name,
        business: p.business,
        phone: p.phone,
        email: p.email,
        nik: p.nik,
        status: 'active',
        ticket_version: 1,
        created_at: now,
        updated_at: now,
      }));
      for (let j = 0; j < rows.length; j += CHUNK) {
        await tx
          .insertInto('participants')
          .values(rows.slice(j, j + CHUNK))
          .execute();
      }
    }
  });
  return eventId;
}
