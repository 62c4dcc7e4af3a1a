// The one way scans enter the server, for a tablet's push and an organizer's import of its file
// alike: each event is checked on its own (shape, device, allowed session, whose scan an undo
// cancels), the accepted ones are stored and the rejected ones kept for the organizer, all in one
// transaction; the answer says per event what happened.
import * as v from 'valibot';
import type { PushResult } from '../../shared/api/sync.js';
import { ScanEventSchema, canonicalScanEvent, toScanEvent } from '../../shared/api/sync.js';
import type { ScanEvent } from '../../shared/door/types.js';
import type { Store } from '../store/database.js';
import type { DeviceAuth } from '../store/devices.js';
import type { RejectedScan } from '../store/scans.js';
import { scanDevices, storeScanBatch } from '../store/scans.js';

const rejected = (
  id: string,
  code: string,
  idText: string,
  en: string,
  httpStatus: 400 | 403 = 403,
): PushResult => ({
  id,
  status: 'rejected',
  httpStatus,
  code,
  message: `${idText} / ${en}`,
});

type Checked = { ok: true; event: ScanEvent } | { ok: false; result: PushResult };

/** Checks one pushed event against its schema and the device that sent it. */
export function checkEvent(raw: unknown, device: DeviceAuth): Checked {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : '';
  const parsed = v.safeParse(ScanEventSchema, raw);
  if (!parsed.success) {
    const fields = [
      ...new Set(parsed.issues.map((i) => i.path?.map((p) => String(p.key)).join('.') ?? '')),
    ]
      .filter(Boolean)
      .join(', ');
    const result = rejected(
      id,
      'invalid-event',
      `Data pindaian tidak valid: ${fields || 'isi'}`,
      `Invalid scan event: ${fields || 'body'}`,
      400,
    );
    return { ok: false, result };
  }
  const e = parsed.output;
  if (e.deviceId !== device.id) {
    const result = rejected(
      e.id,
      'wrong-device',
      'Pindaian ini tercatat oleh perangkat lain, bukan perangkat yang mengirim',
      'This scan was recorded by another device than the one sending it',
    );
    return { ok: false, result };
  }
  if (!device.sessionIds.has(e.sessionId)) {
    const result = rejected(
      e.id,
      'session-not-allowed',
      'Sesi pindaian ini bukan milik gelombang yang diizinkan untuk perangkat ini',
      'The scan’s session is not in a wave this device is allowed',
    );
    return { ok: false, result };
  }
  return { ok: true, event: toScanEvent(e, device.door) };
}

const undoNotOwn = (id: string) =>
  rejected(
    id,
    'undo-not-own',
    'Tablet hanya boleh membatalkan pemindaiannya sendiri; pemindaian ini dicatat perangkat lain',
    'A tablet may undo only its own scans; this scan was recorded by another device',
  );

/**
 * Refuses undos of scans another device recorded. A target the server does not hold yet is let
 * through: it can only be this device's own, still on its way.
 */
async function checkUndoTargets(store: Store, device: DeviceAuth, checked: Checked[]) {
  const targets = checked.flatMap((c) =>
    c.ok && c.event.kind === 'undo' && c.event.undoes ? [c.event.undoes] : [],
  );
  if (!targets.length) return checked;
  const owners = await scanDevices(store.db, device.eventId, targets);
  return checked.map((c): Checked => {
    if (!c.ok || c.event.undoes === undefined) return c;
    const owner = owners.get(c.event.undoes);
    return owner === undefined || owner === device.id
      ? c
      : { ok: false, result: undoNotOwn(c.event.id) };
  });
}

export interface IngestOptions {
  device: DeviceAuth;
  /** The events as they came, each still to be checked. */
  events: unknown[];
  receivedAt: number;
  /**
   * True when this call notes the device's contact and clock (its own push, when the last note is
   * stale); false for an organizer's import of its file, or a contact noted moments ago.
   */
  deviceContact: boolean;
  serverMinusDeviceMs: number | null;
  notifyChannel: string | null;
}

const conflictMessage =
  'Kode pindaian ini sudah tersimpan dengan isi berbeda; salinan ini dicatat untuk panitia / ' +
  'This scan id is already stored with a different body; this copy was recorded for the organizer';

/** Checks and stores a batch; one result per event, in order. */
export async function ingestScans(store: Store, opts: IngestOptions): Promise<PushResult[]> {
  const { device } = opts;
  const checked = await checkUndoTargets(
    store,
    device,
    opts.events.map((raw) => checkEvent(raw, device)),
  );
  const results: PushResult[] = [];
  const accepted: { event: ScanEvent; body: string }[] = [];
  const acceptedAt: number[] = [];
  const rejectedScans: RejectedScan[] = [];
  checked.forEach((c, i) => {
    if (c.ok) {
      acceptedAt.push(results.length);
      accepted.push({ event: c.event, body: canonicalScanEvent(c.event) });
      results.push({ id: c.event.id, status: 'stored', httpStatus: 201 });
    } else {
      results.push(c.result);
      rejectedScans.push({ result: c.result, body: JSON.stringify(opts.events[i]) });
    }
  });
  const outcomes = await storeScanBatch(store, {
    eventId: device.eventId,
    deviceId: device.id,
    events: accepted,
    rejected: rejectedScans,
    receivedAt: opts.receivedAt,
    deviceContact: opts.deviceContact,
    serverMinusDeviceMs: opts.serverMinusDeviceMs,
    notifyChannel: opts.notifyChannel,
  });
  outcomes.forEach((status, k) => {
    const res = results[acceptedAt[k]!]!;
    res.status = status;
    res.httpStatus = status === 'stored' ? 201 : status === 'duplicate' ? 200 : 409;
    if (status === 'conflict') {
      res.code = 'id-conflict';
      res.message = conflictMessage;
    }
  });
  return results;
}
