// The door engine over a real (fake-indexeddb) database: the session follows the clock even on an
// idle tablet, the count comes from the in-memory fold, and a scan is exactly one read-write
// IndexedDB transaction.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRef } from '../../shared/door/types';
import { entry, publicOf, ticketFor, wave1 } from '../../shared/door/test-fixtures';
import type { EventSigningKey } from '../../shared/ticket/crypto';
import { generateEventKey } from '../../shared/ticket/crypto';
import type { HadirDb } from '../db';
import { markRosterComplete, saveManifest, saveRosterChunk } from '../db';
import type { TransactionLog } from '../db/test-helpers';
import { device, freshDb, recordTransactions, transactionsDuring } from '../db/test-helpers';
import { createDoorEngine } from './door-engine';

let key: EventSigningKey;
let db: HadirDb;
const stops: (() => void)[] = [];
beforeAll(async () => {
  key = await generateEventKey();
});
afterEach(async () => {
  stops.splice(0).forEach((stop) => stop());
  await db?.delete();
});

const iso = (ms: number) => new Date(ms).toISOString();

/** Two back-to-back sessions of wave 1 meeting at `boundary`. */
function twoSessions(boundary: number): [SessionRef, SessionRef] {
  const hour = 3_600_000;
  return [
    {
      id: 'PAGI',
      waveId: wave1.id,
      name: 'Pagi',
      startsAt: iso(boundary - 2 * hour),
      endsAt: iso(boundary),
    },
    {
      id: 'SIANG',
      waveId: wave1.id,
      name: 'Siang',
      startsAt: iso(boundary),
      endsAt: iso(boundary + 2 * hour),
    },
  ];
}

/** The transactions the engine opens, recorded at Dexie's lowest layer. */
let transactions: TransactionLog;

async function pairedDoor(sessions: SessionRef[], now: () => number) {
  db = freshDb('engine');
  transactions = recordTransactions(db);
  const roster = [entry(), entry(), entry()];
  await saveManifest(db, {
    device: device({ waveIds: [wave1.id] }),
    waves: [wave1],
    sessions,
    keys: [publicOf(key)],
    revocations: [],
  });
  await saveRosterChunk(db, roster, roster[roster.length - 1]!.participantId);
  await markRosterComplete(db);
  const engine = createDoorEngine({ db, now, storage: null });
  stops.push(engine.start());
  await engine.reload();
  return { engine, roster };
}

describe('the door engine', () => {
  it('judges the first scan after a session boundary against the new session, idle and offline', async () => {
    const boundary = Date.parse('2026-12-08T12:00:00+07:00');
    let t = boundary - 60_000;
    const { engine, roster } = await pairedDoor(twoSessions(boundary), () => t);
    expect(engine.session.value?.id).toBe('PAGI');
    const morning = await engine.scan(await ticketFor(key, roster[0]!), 'keyboard');
    expect(morning?.event.sessionId).toBe('PAGI');
    expect(morning?.verdict?.kind).toBe('admitted');

    // Nobody touches the tablet; nothing re-renders. Two minutes later, a ticket.
    t = boundary + 60_000;
    const afternoon = await engine.scan(await ticketFor(key, roster[1]!), 'keyboard');
    expect(afternoon?.event.sessionId).toBe('SIANG');
    expect(afternoon?.verdict?.kind).toBe('admitted');
    // The morning's person is welcome again in the afternoon: a new session, not already-in.
    const again = await engine.scan(await ticketFor(key, roster[0]!), 'keyboard');
    expect(again?.verdict?.kind).toBe('admitted');
    expect(engine.session.value?.id).toBe('SIANG');
  });

  it('moves the screen to the new session by its own timer at the boundary', async () => {
    // Real time, a boundary 600 ms away: the engine wakes for it without any scan or render.
    const boundary = Date.now() + 600;
    const { engine } = await pairedDoor(twoSessions(boundary), Date.now);
    expect(engine.session.value?.id).toBe('PAGI');
    await new Promise((r) => setTimeout(r, 1200));
    expect(engine.session.value?.id).toBe('SIANG');
  });

  it('counts people in from memory: each admission once, an undo takes one out', async () => {
    const boundary = Date.parse('2026-12-08T12:00:00+07:00');
    const t = boundary - 3_600_000;
    const { engine, roster } = await pairedDoor(twoSessions(boundary), () => t);
    expect(engine.sessionCount.value).toBe(0);
    for (const p of roster) await engine.scan(await ticketFor(key, p), 'keyboard');
    await engine.scan(await ticketFor(key, roster[0]!), 'keyboard'); // already in
    expect(engine.sessionCount.value).toBe(3);
    expect(engine.lastCheckIn.value?.participantId).toBe(roster[2]!.participantId);
    await engine.undoLast();
    expect(engine.sessionCount.value).toBe(2);
    expect(engine.lastCheckIn.value?.participantId).toBe(roster[1]!.participantId);
    // A fresh engine over the same tablet folds the same count from disk.
    const other = createDoorEngine({ db, now: () => t, storage: null });
    await other.reload();
    expect(other.sessionCount.value).toBe(2);
  });

  it('records a scan in exactly one read-write IndexedDB transaction and no other', async () => {
    const boundary = Date.parse('2026-12-08T12:00:00+07:00');
    const t = boundary - 3_600_000;
    const { engine, roster } = await pairedDoor(twoSessions(boundary), () => t);
    const ticket = await ticketFor(key, roster[0]!);
    const opened = await transactionsDuring(transactions, async () => {
      const outcome = await engine.scan(ticket, 'keyboard');
      expect(outcome?.verdict?.kind).toBe('admitted');
    });
    expect(opened).toEqual(['readwrite']);
  });

  it('keeps the health line and the recent scans current without re-reading per scan', async () => {
    const boundary = Date.parse('2026-12-08T12:00:00+07:00');
    const t = boundary - 3_600_000;
    const { engine, roster } = await pairedDoor(twoSessions(boundary), () => t);
    expect(engine.health.value).toMatchObject({ unsynced: 0, rosterCount: 3 });
    expect(engine.recent.value).toEqual([]);
    const opened = await transactionsDuring(transactions, async () => {
      await engine.scan(await ticketFor(key, roster[0]!), 'keyboard');
      await engine.scan('bukan tiket', 'keyboard');
    });
    expect(opened).toEqual(['readwrite', 'readwrite']);
    expect(engine.health.value).toMatchObject({ unsynced: 2, oldestUnsyncedAt: t });
    expect(engine.recent.value.map((r) => [r.event.verdict, r.person])).toEqual([
      ['not-a-ticket', null],
      ['admitted', 'Siti Aminah · Keripik Tempe Bu Siti'],
    ]);
    // What the tablet would read back after a reload says the same.
    const fresh = createDoorEngine({ db, now: () => t, storage: null });
    await fresh.reload();
    expect(fresh.health.value).toEqual(engine.health.value);
    expect(fresh.recent.value).toEqual(engine.recent.value);
  });

  it('keeps every scan on screen when a re-read of the tablet crosses it', async () => {
    // A sync ends and the door re-reads the tablet while a volunteer scans: whichever finishes
    // first, the health line, the recent list and the count hold every scan, each once.
    const boundary = Date.parse('2026-12-08T12:00:00+07:00');
    const t = boundary - 3_600_000;
    const { engine, roster } = await pairedDoor(twoSessions(boundary), () => t);
    const tickets = await Promise.all(roster.map((p) => ticketFor(key, p)));
    const yields = (n: number) =>
      Array.from({ length: n }).reduce<Promise<void>>(
        (p) => p.then(() => new Promise((r) => setTimeout(r, 0))),
        Promise.resolve(),
      );
    for (let i = 0; i < tickets.length; i++) {
      await Promise.all([
        engine.scan(tickets[i]!, 'keyboard'),
        yields(i).then(() => engine.reload()),
        yields(2 * i + 1).then(() => engine.reload({ attendance: false })),
      ]);
      expect(engine.health.value?.unsynced).toBe(i + 1);
      expect(engine.recent.value).toHaveLength(i + 1);
      expect(engine.sessionCount.value).toBe(i + 1);
    }
    for (let i = 0; i < 6; i++) {
      await Promise.all([
        yields(i).then(() => engine.scan(tickets[0]!, 'keyboard')), // already in: still a scan
        engine.reload(),
      ]);
      expect(engine.health.value?.unsynced).toBe(roster.length + i + 1);
      expect(engine.recent.value).toHaveLength(Math.min(roster.length + i + 1, 8));
    }
    const fresh = createDoorEngine({ db, now: () => t, storage: null });
    await fresh.reload();
    expect(engine.health.value).toEqual(fresh.health.value);
    expect(engine.recent.value).toEqual(fresh.recent.value);
    expect(engine.sessionCount.value).toBe(roster.length);
  });

  it('starts from the read begun before its first render: one read of the tablet, not two', async () => {
    // The door page asks for its state while it still loads (preload), then its screen starts it.
    const boundary = Date.parse('2026-12-08T12:00:00+07:00');
    const t = boundary - 3_600_000;
    await pairedDoor(twoSessions(boundary), () => t);
    const door = createDoorEngine({ db, now: () => t, storage: null });
    const opened = await transactionsDuring(transactions, async () => {
      door.preload();
      stops.push(door.start());
      while (!door.ready.value) await new Promise((r) => setTimeout(r, 5));
    });
    expect(opened).toEqual(['readonly']);
    expect(door.session.value?.id).toBe('PAGI');
    expect(door.health.value).toMatchObject({ unsynced: 0, rosterCount: 3 });
  });

  it('remembers the volunteer’s chosen session over the clock', async () => {
    const boundary = Date.parse('2026-12-08T12:00:00+07:00');
    const { engine } = await pairedDoor(twoSessions(boundary), () => boundary - 60_000);
    engine.chooseSession('SIANG');
    expect(engine.session.value?.id).toBe('SIANG');
    engine.chooseSession(null);
    expect(engine.session.value?.id).toBe('PAGI');
  });
});
