// Times on the tablet: the clock offset estimated from each push's round trip (server minus
// device), pulled events' server-corrected times kept and shown, the fold ordered by them.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncPullResult, SyncPushResult } from '../../shared/api/sync';
import type { ScanEvent } from '../../shared/door/types';
import { presentVerdict } from '../../shared/door/presentation';
import type { HadirDb } from '../db';
import { doorLookups, getDoorStatus, recordScan, saveManifest, savePulledPage } from '../db';
import { device, freshDb } from '../db/test-helpers';
import { syncOnce } from './sync-once';

let db: HadirDb;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

const MINUTE = 60_000;
const BASE = Date.UTC(2026, 11, 8, 1, 0, 0); // 08.00 WIB

async function paired(): Promise<HadirDb> {
  db = freshDb('clock');
  await saveManifest(db, { device: device() });
  return db;
}

/** Another door's check-in as a pull brings it. */
function pulled(id: string, deviceTime: number, correctedTime: number): ScanEvent {
  return {
    id,
    deviceId: 'DEV2',
    deviceSeq: 1,
    participantId: 'P1',
    sessionId: 'S1',
    kind: 'check-in',
    deviceTime,
    volunteer: 'Dewi',
    door: 'Pintu Timur',
    verdict: 'admitted',
    receivedAt: correctedTime + 1000,
    correctedTime,
  };
}

describe('clock on the tablet', () => {
  it('estimates server minus device from the push round trip (the server five minutes ahead)', async () => {
    await paired();
    await recordScan(db, {
      participantId: 'P1',
      sessionId: 'S1',
      kind: 'check-in',
      verdict: 'admitted',
    });
    const ahead = 5 * MINUTE;
    let clock = BASE;
    const now = () => clock;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(String(input), 'https://hadir.test');
        if (url.pathname === '/api/sync/push') {
          const body = JSON.parse(String(init?.body)) as { events: ScanEvent[]; sentAt: number };
          clock += 400; // 400 ms out, 100 ms of work, 400 ms back
          const receivedAt = clock + ahead;
          clock += 100;
          const answer: SyncPushResult = {
            results: body.events.map((e) => ({ id: e.id, status: 'stored', httpStatus: 201 })),
            receivedAt: new Date(receivedAt).toISOString(),
            serverTime: new Date(clock + ahead).toISOString(),
            serverMinusDeviceMs: receivedAt - body.sentAt,
          };
          clock += 400;
          return Response.json(answer);
        }
        const page: SyncPullResult = {
          events: [],
          roster: [],
          revocations: [],
          cursor: '1.0',
          more: false,
          serverTime: new Date(clock + ahead).toISOString(),
        };
        return Response.json(page);
      }),
    );
    const report = await syncOnce({ db, now });
    expect(report.error).toBeNull();
    expect(report.pushed).toBe(1);
    // Exact: symmetric delays and the server's handling time taken out.
    expect((await getDoorStatus(db)).serverMinusDeviceMs).toBe(ahead);
  });

  it('keeps pulled events’ corrected times and says "Sudah masuk pukul" by them', async () => {
    await paired();
    // The other tablet's clock ran two hours fast: its 10.00 was 08.05 on the server.
    const page = {
      events: [pulled('E2', BASE + 2 * 60 * MINUTE, BASE + 5 * MINUTE)],
      roster: [],
      revocations: [],
      cursor: '5.0',
    };
    await savePulledPage(db, page);
    expect((await db.scanEvents.get('E2'))!.correctedTime).toBe(BASE + 5 * MINUTE);
    const record = await doorLookups(db).attendance('P1', 'S1');
    expect(record?.at).toBe(BASE + 5 * MINUTE);
    const shown = presentVerdict({
      kind: 'already-in',
      ticket: { kid: 'K', participantId: 'P1', waveId: 'W1', ticketVersion: 1 },
      eventId: 'EVT1',
      at: record!.at,
      door: record!.door,
      deviceId: record!.deviceId,
      volunteer: record!.volunteer,
    } as unknown as Parameters<typeof presentVerdict>[0]);
    expect(shown.detail?.id).toBe('Sudah masuk pukul 08.05 di Pintu Timur (DEV2, Dewi)');
  });

  it('orders the fold by corrected time: its own scan (offset known) before a later-corrected pull', async () => {
    await paired();
    // This tablet runs 30 minutes slow; the other door's device time looks earlier but is not.
    await db.meta.put({ key: 'serverMinusDeviceMs', value: 30 * MINUTE });
    const own = await recordScan(db, {
      participantId: 'P1',
      sessionId: 'S1',
      kind: 'check-in',
      verdict: 'admitted',
      deviceTime: BASE - 30 * MINUTE + MINUTE, // 08.01 on the server
    });
    expect(own.correctedTime).toBe(BASE + MINUTE);
    await savePulledPage(db, {
      events: [pulled('E3', BASE - 20 * MINUTE, BASE + 3 * MINUTE)],
      roster: [],
      revocations: [],
      cursor: '6.0',
    });
    const record = await doorLookups(db).attendance('P1', 'S1');
    expect(record).toMatchObject({ firstEventId: own.id, at: BASE + MINUTE, admissions: 2 });
  });
});
