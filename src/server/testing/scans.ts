// Test helpers for sync: a door tablet at a named door, scan events to push, and pushing them.
import type { PairResult } from '../../shared/api/door.js';
import type { SyncPushResult } from '../../shared/api/sync.js';
import type { ScanEvent } from '../../shared/door/types.js';
import type { TestApp } from './app.js';
import { json, testApp } from './app.js';
import type { DoorFixture } from './devices.js';
import { asDevice, offerPairing, redeem, seedDoorEvent } from './devices.js';
import type { TestStore } from './stores.js';

/** Pairs a tablet standing at `door`. */
export async function pairAtDoor(
  a: TestApp,
  eventId: string,
  opts: { name: string; door: string; waveIds: string[] },
): Promise<PairResult> {
  const offer = await offerPairing(a, eventId, opts);
  const res = await redeem(a, offer.code);
  if (res.status !== 201) throw new Error(`pairing failed: ${res.status} ${await res.text()}`);
  return json(res);
}

/** The first session of one of the fixture's waves. */
export const firstSession = (f: DoorFixture, wave: keyof DoorFixture['waves']): string =>
  f.event.waves.find((w) => w.id === f.waves[wave])!.sessions[0]!.id;

/** What many door tests start from: the app, a seeded event, wave a's session, one tablet there. */
export async function doorWithTablet(t: TestStore, eventName: string) {
  const a = await testApp(t);
  const f = await seedDoorEvent(a, t, eventName);
  const tablet = await pairAtDoor(a, f.event.id, {
    name: 'Aula',
    door: 'Pintu Aula',
    waveIds: [f.waves.a],
  });
  return { a, f, sessionA: firstSession(f, 'a'), tablet };
}

let counter = 0;

/** A check-in by `device` that admitted the participant; fields can be overridden. */
export function scan(
  device: PairResult,
  sessionId: string,
  participantId: string | null,
  extra: Partial<ScanEvent> = {},
): ScanEvent {
  counter += 1;
  return {
    id: `T${Date.now().toString(36)}${String(counter).padStart(6, '0')}`,
    deviceId: device.deviceId,
    deviceSeq: counter,
    participantId,
    sessionId,
    kind: 'check-in',
    deviceTime: Date.UTC(2026, 11, 8, 1, 0, 0) + counter * 1000,
    volunteer: 'Sari',
    door: device.door,
    verdict: 'admitted',
    ...extra,
  };
}

/** Pushes events as `device`; throws unless the answer is 200. */
export async function push(
  a: TestApp,
  device: PairResult,
  events: unknown[],
  sentAt?: number,
): Promise<SyncPushResult> {
  const res = await asDevice(a, device.token, '/api/sync/push', {
    json: sentAt === undefined ? { events } : { events, sentAt },
  });
  if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
  return json(res);
}
