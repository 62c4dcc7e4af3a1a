// Scan events: each one and its outbox row are written in one transaction, and the promise
// settles only after that transaction commits (strict durability, see database.ts), so a
// verdict shown after `await recordScan(...)` survives a reload, a killed tab or a power cut.
import { Dexie } from 'dexie';
import type { HadirDb } from './database';
import type { DeviceRow, ScanEvent, ScanEventKind, VerdictKind, WalkIn } from './types';
import { countsAsAdmission } from '../../shared/door/attendance-rules';
import { correctTime } from '../../shared/door/clock';
import { DbError } from './errors';
import { newScanId } from './ids';
import { getMeta, setMeta } from './meta';

/** A scan as the door hands it over: the device, sequence and clock are filled in here. */
export interface ScanDraft {
  participantId: string | null;
  sessionId: string;
  kind: Exclude<ScanEventKind, 'undo'>;
  verdict: VerdictKind;
  ticketVersion?: number;
  walkIn?: WalkIn;
  flags?: string[];
  /** Defaults: a new time-ordered id, the device clock, the volunteer on the device row. */
  id?: string;
  deviceTime?: number;
  volunteer?: string;
}

/** What an undo names: the event it cancels. */
export interface UndoDraft {
  undoes: string;
  id?: string;
  deviceTime?: number;
  volunteer?: string;
}

/** A walk-in registered at the door; without a participant id until the server makes one. */
export interface WalkInDraft {
  walkIn: WalkIn;
  sessionId: string;
  participantId?: string | null;
  flags?: string[];
  deviceTime?: number;
  volunteer?: string;
}

type EventBody = Omit<ScanEvent, 'deviceId' | 'deviceSeq' | 'volunteer' | 'door'> & {
  volunteer?: string;
};

/** Whether "undo" may cancel an event: one that let someone in (the attendance fold's rule). */
export function isUndoable(event: ScanEvent): boolean {
  return event.kind !== 'undo' && countsAsAdmission(event);
}

const appendTables = (db: HadirDb) => [db.device, db.meta, db.scanEvents, db.outbox];

/** What an append reads before it writes: the pairing, the device counter and the clock. */
export interface AppendHead {
  device: DeviceRow;
  lastSeq: number;
  offset: number | undefined;
}

/** Reads an append's head; inside a transaction over (at least) the append's tables. */
export async function readAppendHead(db: HadirDb): Promise<AppendHead> {
  // Together: one round trip, not three (the door's hot path).
  const [device, lastSeq, offset]: [DeviceRow | undefined, number | undefined, number | undefined] =
    await Promise.all([
      db.device.toCollection().first(),
      getMeta(db, 'deviceSeq'),
      getMeta(db, 'serverMinusDeviceMs'),
    ]);
  if (!device) throw new DbError('device-not-paired');
  return { device, lastSeq: lastSeq ?? 0, offset };
}

/** Writes the event, its outbox row and the counter, numbered from the head; one round trip. */
async function writeAppend(db: HadirDb, head: AppendHead, body: EventBody): Promise<ScanEvent> {
  const { device, offset } = head;
  const deviceSeq = head.lastSeq + 1;
  const event: ScanEvent = {
    ...body,
    deviceId: device.deviceId,
    deviceSeq,
    volunteer: body.volunteer ?? device.volunteer,
    door: device.door,
  };
  // On the server's clock, like pulled events, so the fold orders both alike.
  if (offset !== undefined) event.correctedTime = correctTime(event.deviceTime, offset);
  // add(), never put(): an id already taken fails the whole transaction instead of
  // overwriting history.
  await Promise.all([
    db.scanEvents.add(event),
    db.outbox.add({ eventId: event.id, createdAt: event.deviceTime }),
    setMeta(db, 'deviceSeq', deviceSeq),
  ]);
  return event;
}

/** Appends one event and its outbox row, numbering it from the device counter, atomically. */
async function append(
  db: HadirDb,
  build: () => Promise<EventBody> | EventBody,
): Promise<ScanEvent> {
  return db.transaction('rw', appendTables(db), async () => {
    const head = await readAppendHead(db);
    return writeAppend(db, head, await build());
  });
}

const draftBody = ({ id, deviceTime, ...rest }: ScanDraft): EventBody => ({
  ...rest,
  id: id ?? newScanId(),
  deviceTime: deviceTime ?? Date.now(),
});

/** Records a scan and queues it for sync; resolves after the write is committed. */
export async function recordScan(db: HadirDb, draft: ScanDraft): Promise<ScanEvent> {
  return append(db, () => draftBody(draft));
}

/**
 * Records a scan whose head was read already in the caller's transaction (the door reads it
 * together with the verdict's lookups).
 */
export async function recordScanWithHead(
  db: HadirDb,
  head: AppendHead,
  draft: ScanDraft,
): Promise<ScanEvent> {
  return db.transaction('rw', appendTables(db), () => writeAppend(db, head, draftBody(draft)));
}

/** Cancels an admitting event with a new 'undo' event; nothing is ever deleted. */
export async function recordUndo(db: HadirDb, draft: UndoDraft): Promise<ScanEvent> {
  return append(db, async () => {
    const target = await db.scanEvents.get(draft.undoes);
    if (!target) throw new DbError('scan-not-found');
    if (!isUndoable(target)) throw new DbError('not-undoable');
    if ((await db.scanEvents.where('undoes').equals(target.id).count()) > 0) {
      throw new DbError('already-undone');
    }
    return {
      id: draft.id ?? newScanId(),
      deviceTime: draft.deviceTime ?? Date.now(),
      ...(draft.volunteer === undefined ? {} : { volunteer: draft.volunteer }),
      participantId: target.participantId,
      sessionId: target.sessionId,
      kind: 'undo',
      verdict: null,
      undoes: target.id,
    };
  });
}

/** Registers and admits someone not on the roster; the server creates the participant. */
export async function recordWalkIn(db: HadirDb, draft: WalkInDraft): Promise<ScanEvent> {
  return recordScan(db, {
    participantId: draft.participantId ?? null,
    sessionId: draft.sessionId,
    kind: 'walk-in',
    verdict: 'admitted',
    walkIn: draft.walkIn,
    ...(draft.flags === undefined ? {} : { flags: draft.flags }),
    ...(draft.deviceTime === undefined ? {} : { deviceTime: draft.deviceTime }),
    ...(draft.volunteer === undefined ? {} : { volunteer: draft.volunteer }),
  });
}

/** This device's most recent admitting event that is not yet undone, or null. */
export async function lastCheckIn(db: HadirDb): Promise<ScanEvent | null> {
  return db.transaction('r', db.device, db.scanEvents, async () => {
    const device = await db.device.toCollection().first();
    if (!device) return null;
    const undone = new Set<string>();
    // Newest first: an undo is always met before the event it cancels.
    const found = await db.scanEvents
      .where('[deviceId+deviceSeq]')
      .between([device.deviceId, Dexie.minKey], [device.deviceId, Dexie.maxKey])
      .reverse()
      .filter((e) => {
        if (e.kind === 'undo' && e.undoes) undone.add(e.undoes);
        return isUndoable(e) && !undone.has(e.id);
      })
      .first();
    return found ?? null;
  });
}

/** Every event for one participant in one session, oldest first (for the attendance fold). */
export async function attendanceFor(
  db: HadirDb,
  participantId: string,
  sessionId: string,
): Promise<ScanEvent[]> {
  // Equal index keys come back in primary key order, and ids are time-ordered.
  return db.scanEvents
    .where('[participantId+sessionId]')
    .equals([participantId, sessionId])
    .toArray();
}

/** Every event for one participant in any session, oldest first. */
export async function scansForParticipant(
  db: HadirDb,
  participantId: string,
): Promise<ScanEvent[]> {
  return db.scanEvents.where('participantId').equals(participantId).toArray();
}

/** The most recent events, newest first. */
export async function listScans(
  db: HadirDb,
  options: { limit?: number } = {},
): Promise<ScanEvent[]> {
  return db.scanEvents
    .orderBy('id')
    .reverse()
    .limit(options.limit ?? 50)
    .toArray();
}
