import 'fake-indexeddb/auto';
import type { DBCoreMutateRequest } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HadirDb } from './database';
import { DbError } from './errors';
import { saveManifest } from './manifest';
import { ackOutbox, oldestUnsynced, outboxBatch, unsyncedCount } from './outbox';
import type { ScanDraft } from './scans';
import {
  attendanceFor,
  lastCheckIn,
  listScans,
  recordScan,
  recordUndo,
  recordWalkIn,
  scansForParticipant,
} from './scans';
import { device, freshDb } from './test-helpers';

let db: HadirDb;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

async function pairedDb(before?: (target: HadirDb) => void): Promise<HadirDb> {
  db = freshDb('scans');
  before?.(db); // middlewares must be in place before the first open
  await saveManifest(db, { device: device() });
  return db;
}

const checkIn = (participantId: string, extra: Partial<ScanDraft> = {}): ScanDraft => ({
  participantId,
  sessionId: 'S1',
  kind: 'check-in',
  verdict: 'admitted',
  ticketVersion: 1,
  ...extra,
});

/** Records every write request that reaches IndexedDB. */
function mutationLog(target: HadirDb): { table: string; type: DBCoreMutateRequest['type'] }[] {
  const log: { table: string; type: DBCoreMutateRequest['type'] }[] = [];
  target.use({
    stack: 'dbcore',
    name: 'mutation-log',
    level: 0,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            log.push({ table: name, type: req.type });
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return log;
}

describe('recordScan', () => {
  it('writes the event and its outbox row, numbered and stamped from the device', async () => {
    await pairedDb();
    const event = await recordScan(db, checkIn('P1', { deviceTime: 1_700_000_000_000 }));
    expect(event).toMatchObject({
      deviceId: 'DEV1',
      deviceSeq: 1,
      volunteer: 'Rina',
      door: 'Pintu Utara',
      participantId: 'P1',
      deviceTime: 1_700_000_000_000,
    });
    expect(event.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(await db.scanEvents.get(event.id)).toEqual(event);
    expect(await db.outbox.get(event.id)).toEqual({
      eventId: event.id,
      createdAt: 1_700_000_000_000,
    });
  });

  it('writes both in one strict-durability readwrite transaction', async () => {
    const opened: { stores: string[]; mode: string; durability: string | undefined }[] = [];
    const original = IDBDatabase.prototype.transaction;
    // Spy before the database opens: Dexie binds IDBDatabase.transaction when it opens.
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      stores: string | Iterable<string>,
      mode?: IDBTransactionMode,
      options?: IDBTransactionOptions,
    ) {
      opened.push({
        stores: typeof stores === 'string' ? [stores] : [...stores],
        mode: mode ?? 'readonly',
        durability: options?.durability,
      });
      return original.call(this, stores, mode, options);
    });
    await pairedDb();
    opened.length = 0;
    await recordScan(db, checkIn('P1'));
    const writes = opened.filter((t) => t.mode === 'readwrite');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.stores).toEqual(expect.arrayContaining(['scanEvents', 'outbox', 'meta']));
    expect(writes[0]?.durability).toBe('strict');
  });

  it('has committed when it resolves: another connection sees event and outbox row', async () => {
    await pairedDb();
    const event = await recordScan(db, checkIn('P1'));
    const other = new HadirDb(db.name);
    try {
      expect(await other.scanEvents.get(event.id)).toEqual(event);
      expect(await other.outbox.get(event.id)).toBeDefined();
    } finally {
      other.close();
    }
  });

  it('survives a reload (close and reopen)', async () => {
    await pairedDb();
    const event = await recordScan(db, checkIn('P1'));
    db.close();
    db = new HadirDb(db.name);
    expect(await db.scanEvents.get(event.id)).toEqual(event);
    expect(await unsyncedCount(db)).toBe(1);
  });

  it('is atomic: an outbox write that fails leaves neither the event nor the row', async () => {
    db = freshDb('scans');
    db.use({
      stack: 'dbcore',
      name: 'broken-outbox',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'outbox'
            ? table
            : { ...table, mutate: () => Promise.reject(new Error('disk full')) };
        },
      }),
    });
    await saveManifest(db, { device: device() });
    await expect(recordScan(db, checkIn('P1'))).rejects.toThrow('disk full');
    expect(await db.scanEvents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.get('deviceSeq')).toBeUndefined();
  });

  it('is atomic: a duplicate id fails whole and never overwrites history', async () => {
    await pairedDb();
    const first = await recordScan(db, checkIn('P1'));
    await expect(recordScan(db, checkIn('P2', { id: first.id }))).rejects.toThrow();
    expect(await db.scanEvents.count()).toBe(1);
    expect((await db.scanEvents.get(first.id))?.participantId).toBe('P1');
    expect(await db.outbox.count()).toBe(1);
    expect((await recordScan(db, checkIn('P3'))).deviceSeq).toBe(2);
  });

  it('refuses before pairing, writing nothing', async () => {
    db = freshDb('scans');
    const error = await recordScan(db, checkIn('P1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe('device-not-paired');
    expect((error as DbError).words.id).toMatch(/belum dipasangkan/);
    expect(await db.scanEvents.count()).toBe(0);
  });

  it('numbers events with a strictly increasing deviceSeq, even when recorded concurrently', async () => {
    await pairedDb();
    const events = await Promise.all(
      Array.from({ length: 25 }, (_, i) => recordScan(db, checkIn(`P${i}`))),
    );
    const stored = await db.scanEvents.orderBy('deviceSeq').toArray();
    expect(stored.map((e) => e.deviceSeq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.deviceSeq)).size).toBe(25);
    const ids = stored.map((e) => e.id);
    expect([...ids].sort()).toEqual(ids); // ids are time-ordered like the sequence
  });

  it('keeps scans of nobody (not a ticket) without indexing them under a participant', async () => {
    await pairedDb();
    await recordScan(db, checkIn('P1'));
    await recordScan(db, {
      participantId: null,
      sessionId: 'S1',
      kind: 'check-in',
      verdict: 'not-a-ticket',
    });
    expect(await db.scanEvents.count()).toBe(2);
    expect(await attendanceFor(db, 'P1', 'S1')).toHaveLength(1);
    expect(await unsyncedCount(db)).toBe(2);
  });
});

describe('undo', () => {
  it('adds an undo event and deletes nothing', async () => {
    let log: ReturnType<typeof mutationLog> = [];
    await pairedDb((target) => (log = mutationLog(target)));
    const first = await recordScan(db, checkIn('P1'));
    const second = await recordScan(db, checkIn('P2'));
    expect(await lastCheckIn(db)).toEqual(second);

    const undo = await recordUndo(db, { undoes: second.id, volunteer: 'Dimas' });
    expect(undo).toMatchObject({
      kind: 'undo',
      undoes: second.id,
      participantId: 'P2',
      sessionId: 'S1',
      verdict: null,
      deviceSeq: 3,
      volunteer: 'Dimas',
    });
    expect(await db.scanEvents.count()).toBe(3);
    expect(await db.scanEvents.get(second.id)).toEqual(second);
    expect(await unsyncedCount(db)).toBe(3);
    expect(log.filter((m) => m.table === 'scanEvents').map((m) => m.type)).toEqual([
      'add',
      'add',
      'add',
    ]);
    const history = log.filter((m) => m.table === 'scanEvents' || m.table === 'outbox');
    expect(history.some((m) => m.type === 'delete' || m.type === 'deleteRange')).toBe(false);

    // The next undo goes one further back; the attendance history keeps all events.
    expect(await lastCheckIn(db)).toEqual(first);
    expect((await attendanceFor(db, 'P2', 'S1')).map((e) => e.kind)).toEqual(['check-in', 'undo']);
  });

  it('refuses what cannot be undone', async () => {
    await pairedDb();
    const admitted = await recordScan(db, checkIn('P1'));
    const refused = await recordScan(db, checkIn('P1', { verdict: 'already-in' }));
    const undo = await recordUndo(db, { undoes: admitted.id });
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: DbError) => e.code,
      );
    expect(await codeOf(recordUndo(db, { undoes: admitted.id }))).toBe('already-undone');
    expect(await codeOf(recordUndo(db, { undoes: refused.id }))).toBe('not-undoable');
    expect(await codeOf(recordUndo(db, { undoes: undo.id }))).toBe('not-undoable');
    expect(await codeOf(recordUndo(db, { undoes: 'NOPE' }))).toBe('scan-not-found');
    expect(await db.scanEvents.count()).toBe(3);
    expect(await lastCheckIn(db)).toBeNull();
  });

  it('only undoes this device’s own check-ins', async () => {
    await pairedDb();
    const own = await recordScan(db, checkIn('P1'));
    // An event pulled from another door, newer than ours.
    await db.scanEvents.add({
      ...own,
      id: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ',
      deviceId: 'DEV2',
      deviceSeq: 99,
      participantId: 'P9',
    });
    expect((await lastCheckIn(db))?.id).toBe(own.id);
  });
});

describe('walk-in', () => {
  it('admits with the typed details and no participant id until the server makes one', async () => {
    await pairedDb();
    const walkIn = {
      name: 'Yusuf',
      business: 'Bakso Yusuf',
      phone: '081234567890',
      waveId: 'WAVE1',
    };
    const event = await recordWalkIn(db, { walkIn, sessionId: 'S1' });
    expect(event).toMatchObject({ kind: 'walk-in', verdict: 'admitted', walkIn });
    expect(event.participantId).toBeNull();
    expect(await lastCheckIn(db)).toEqual(event);
    const undo = await recordUndo(db, { undoes: event.id });
    expect(undo).toMatchObject({ participantId: null, undoes: event.id });
    expect(await lastCheckIn(db)).toBeNull();
    const known = await recordWalkIn(db, { walkIn, sessionId: 'S1', participantId: 'P7' });
    expect(await scansForParticipant(db, 'P7')).toEqual([known]);
  });
});

describe('reading scans and the outbox', () => {
  it('lists newest first, counts and batches the unsynced, and acks by id', async () => {
    await pairedDb();
    const a = await recordScan(db, checkIn('P1', { deviceTime: 3000 }));
    const b = await recordScan(db, checkIn('P2', { deviceTime: 1000 })); // clock stepped back
    const c = await recordScan(db, checkIn('P3', { deviceTime: 2000 }));
    expect((await listScans(db, { limit: 2 })).map((e) => e.id)).toEqual([c.id, b.id]);
    expect(await unsyncedCount(db)).toBe(3);
    expect(await oldestUnsynced(db)).toEqual({ eventId: b.id, createdAt: 1000 });
    expect(await outboxBatch(db, { limit: 2 })).toEqual([a, b]);

    await ackOutbox(db, [a.id, b.id]);
    await ackOutbox(db, [a.id]); // a replayed ack is harmless
    expect(await unsyncedCount(db)).toBe(1);
    expect(await outboxBatch(db)).toEqual([c]);
    expect(await db.scanEvents.count()).toBe(3); // acknowledged events stay
    await ackOutbox(db, [c.id]);
    expect(await oldestUnsynced(db)).toBeNull();
  });
});
