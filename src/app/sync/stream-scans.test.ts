// Other doors' scans that arrive in the live stream are stored only when they follow on from the
// tablet's cursor; a gap asks for a pull and stores nothing. Through listenForPokes, as the app
// wires it, over a real (fake-indexeddb) door database.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PulledScanEvent } from '../../shared/api/sync';
import type { StreamedScans } from '../../shared/api/sync-cursor';
import type { HadirDb } from '../db';
import { getPullCursor, saveManifest, startPullAt } from '../db';
import { device, freshDb } from '../db/test-helpers';
import { listenForPokes } from './door-live';
import { applyStreamedScans } from './stream-scans';

let db: HadirDb;
const stops: (() => void)[] = [];
afterEach(async () => {
  stops.splice(0).forEach((s) => s());
  await db?.delete();
});

let n = 0;
function other(): PulledScanEvent {
  n += 1;
  return {
    id: `01OTHERDOOR${String(n).padStart(15, '0')}`,
    deviceId: 'DEV2',
    deviceSeq: n,
    participantId: `P${n}`,
    sessionId: 'S1',
    kind: 'check-in',
    deviceTime: 1_000 + n,
    volunteer: 'Sari',
    door: 'Pintu Timur',
    verdict: 'admitted',
    receivedAt: 2_000 + n,
    correctedTime: 1_000 + n,
  };
}

/** A live stream that sends these SSE events, then stays open. */
function serve(events: { name: string; data: unknown }[], seen: Headers[]) {
  return vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Headers(init?.headers));
    const text = events.map((e) => `event: ${e.name}\ndata: ${JSON.stringify(e.data)}\n\n`);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode(['event: ready\ndata: {}\n\n', ...text].join('')),
        );
        init!.signal!.addEventListener('abort', () => controller.error(new Error('aborted')));
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  });
}

async function door(cursor: string): Promise<HadirDb> {
  db = freshDb('stream');
  await saveManifest(db, { device: device() });
  await startPullAt(db, cursor);
  return db;
}

/** Listens as app-door.ts does; resolves with what each delivery came to. */
function listen(events: { name: string; data: unknown }[], seen: Headers[]) {
  const outcomes: unknown[] = [];
  const pulls = vi.fn();
  stops.push(
    listenForPokes({
      token: () => 'tok',
      onPoke: pulls,
      cursor: () => getPullCursor(db),
      onScans: (scans) =>
        void applyStreamedScans(db, scans).then((o) => {
          outcomes.push(o);
          if (o === 'gap') pulls();
        }),
      onConnected() {},
      fetch: serve(events, seen),
    }),
  );
  return { outcomes, pulls };
}

describe('scans carried in the live stream', () => {
  it('sends the cursor, stores contiguous deliveries and moves only the scans cursor', async () => {
    await door('10.7');
    const [a, b, c] = [other(), other(), other()];
    const seen: Headers[] = [];
    const first: StreamedScans = { from: 10, to: 12, events: [a, b] };
    // Overlapping: starts before the cursor (12); `b` is held already and is not stored twice.
    const second: StreamedScans = { from: 11, to: 15, events: [b, c] };
    const { outcomes, pulls } = listen(
      [
        { name: 'scans', data: first },
        { name: 'scans', data: second },
      ],
      seen,
    );
    await vi.waitFor(() => expect(outcomes).toHaveLength(2));
    expect(seen[0]!.get('x-hadir-cursor')).toBe('10.7');
    expect(outcomes).toEqual([{ stored: 2 }, { stored: 1 }]);
    expect(pulls).not.toHaveBeenCalled();
    expect(await getPullCursor(db)).toBe('15.7');
    expect((await db.scanEvents.toArray()).map((e) => e.id).sort()).toEqual(
      [a.id, b.id, c.id].sort(),
    );
  });

  it('stores nothing and pulls when a delivery does not follow on', async () => {
    await door('10.7');
    const { outcomes, pulls } = listen(
      [{ name: 'scans', data: { from: 11, to: 14, events: [other()] } }],
      [],
    );
    await vi.waitFor(() => expect(outcomes).toEqual(['gap']));
    expect(pulls).toHaveBeenCalledTimes(1);
    expect(await getPullCursor(db)).toBe('10.7');
    expect(await db.scanEvents.count()).toBe(0);
    // Nothing new to a tablet already past it.
    expect(await applyStreamedScans(db, { from: 3, to: 10, events: [other()] })).toBe('held');
    expect(await db.scanEvents.count()).toBe(0);
  });

  it('asks for a round on a delivery it cannot read', async () => {
    await door('10.7');
    const { outcomes, pulls } = listen([{ name: 'scans', data: { from: 'x' } }], []);
    await vi.waitFor(() => expect(pulls).toHaveBeenCalledTimes(1));
    expect(outcomes).toEqual([]);
  });
});
