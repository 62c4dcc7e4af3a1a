// Test helpers for door devices: an event with three waves of participants (each with NIK,
// e-mail and phone), pairing a device, and calling the app with its bearer token.
import type { PairResult, PairingOffer } from '../../shared/api/door.js';
import type { EventDetail } from '../../shared/api/schemas.js';
import type { ParticipantTable } from '../store/schema.js';
import { insertParticipant } from '../store/participants.js';
import type { TestApp } from './app.js';
import { WAVE_1, json } from './app.js';
import type { TestStore } from './stores.js';

export interface DoorFixture {
  event: EventDetail;
  /** Wave ids: a and c are the door's, b is someone else's. */
  waves: { a: string; b: string; c: string };
  participants: Record<'a' | 'b' | 'c', ParticipantTable[]>;
}

/** An event with waves a (23 people), b (9) and c (6); every participant has NIK and e-mail. */
export async function seedDoorEvent(a: TestApp, t: TestStore, name: string): Promise<DoorFixture> {
  const event: EventDetail = await json(await a.call('/api/events', { json: { name } }));
  const wave = async (label: string) =>
    (
      await json(
        await a.call(`/api/events/${event.id}/waves`, { json: { ...WAVE_1, name: label } }),
      )
    ).id as string;
  const waves = {
    a: await wave('Gelombang A'),
    b: await wave('Gelombang B'),
    c: await wave('Gelombang C'),
  };
  await a.call(`/api/waves/${waves.a}/sessions`, {
    json: { name: 'Hari 1', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
  });
  const sizes = { a: 23, b: 9, c: 6 };
  const participants: DoorFixture['participants'] = { a: [], b: [], c: [] };
  let n = 0;
  for (const key of ['a', 'b', 'c'] as const) {
    for (let i = 0; i < sizes[key]; i++, n++) {
      const serial = String(n).padStart(4, '0');
      participants[key].push(
        await insertParticipant(t.store.db, event.id, {
          waveId: waves[key],
          name: `Peserta ${key.toUpperCase()}${i}`,
          business: `Usaha ${serial}`,
          phone: `+628129876${serial}`,
          email: `peserta${serial}@contoh.id`,
          nik: `367401010190${serial}`,
        }),
      );
    }
  }
  return { event: await json(await a.call(`/api/events/${event.id}`)), waves, participants };
}

/** Asks for a pairing code as the organizer. */
export async function offerPairing(
  a: TestApp,
  eventId: string,
  body: { name?: string; door?: string; waveIds: string[] },
): Promise<PairingOffer> {
  const res = await a.call(`/api/events/${eventId}/devices/pairings`, {
    json: {
      name: body.name ?? 'Tablet 1',
      door: body.door ?? 'Pintu Utama',
      waveIds: body.waveIds,
    },
  });
  if (res.status !== 201)
    throw new Error(`pairing offer failed: ${res.status} ${await res.text()}`);
  return json(res);
}

/** Redeems a code as a tablet would (no cookie). */
export function redeem(a: TestApp, code: string): Promise<Response> {
  return Promise.resolve(
    a.app.request('/api/devices/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    }),
  );
}

/** Offers and redeems in one go. */
export async function pairTablet(
  a: TestApp,
  eventId: string,
  waveIds: string[],
  name = 'Tablet 1',
): Promise<PairResult> {
  const offer = await offerPairing(a, eventId, { name, waveIds });
  const res = await redeem(a, offer.code);
  if (res.status !== 201) throw new Error(`pairing failed: ${res.status} ${await res.text()}`);
  return json(res);
}

/** Calls the app as a door device (no organizer cookie). */
export function asDevice(
  a: TestApp,
  token: string,
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = new Headers({ ...init.headers, authorization: `Bearer ${token}` });
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  return Promise.resolve(
    a.app.request(path, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    }),
  );
}
