// Each tablet's latest report of itself (sent with its sync requests), one row per device.
import type { Kysely, Transaction } from 'kysely';
import type { DeviceReport, DeviceReportInfo } from '../../shared/api/device-report.js';
import { CLOCK_SAME_MS, CONTACT_REFRESH_MS } from './devices.js';
import type { Database, DeviceReportTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
const iso = (ms: number) => new Date(ms).toISOString();

/** A report as stored, read with the device's authentication (store/devices.ts). */
export interface StoredReport {
  reportedAt: number;
  unsynced: number;
  oldestUnsyncedAt: number | null;
  rosterVersion: string | null;
  appVersion: string | null;
  serverMinusDeviceMs: number | null;
  /** 1 persistent, 0 not, null unknown. */
  storagePersisted: number | null;
}

const toStored = (report: DeviceReport, now: number): StoredReport => ({
  reportedAt: now,
  unsynced: report.unsynced,
  oldestUnsyncedAt: report.unsynced > 0 ? (report.oldestUnsyncedAt ?? null) : null,
  rosterVersion: report.rosterVersion ?? null,
  appVersion: report.appVersion ?? null,
  serverMinusDeviceMs: report.serverMinusDeviceMs ?? null,
  storagePersisted:
    report.storagePersisted === undefined || report.storagePersisted === null
      ? null
      : Number(report.storagePersisted),
});

/** True when `next` tells the organizer nothing `held` (written moments ago) does not. */
function saysNothingNew(held: StoredReport, next: StoredReport): boolean {
  const clockSame =
    held.serverMinusDeviceMs === next.serverMinusDeviceMs ||
    (held.serverMinusDeviceMs !== null &&
      next.serverMinusDeviceMs !== null &&
      Math.abs(held.serverMinusDeviceMs - next.serverMinusDeviceMs) <= CLOCK_SAME_MS);
  return (
    next.reportedAt - held.reportedAt < CONTACT_REFRESH_MS &&
    held.unsynced === next.unsynced &&
    held.oldestUnsyncedAt === next.oldestUnsyncedAt &&
    held.rosterVersion === next.rosterVersion &&
    held.appVersion === next.appVersion &&
    held.storagePersisted === next.storagePersisted &&
    clockSame
  );
}

/**
 * Replaces the device's report with this one — unless `held` (the stored one, read with the
 * device's authentication) is only moments old and says the same: a busy door reports with every
 * push, and a write per push would cost the push a round trip for nothing the organizer sees.
 */
export async function saveDeviceReport(
  db: Db,
  device: { id: string; eventId: string; report?: StoredReport | null },
  report: DeviceReport,
  now: number,
): Promise<void> {
  const next = toStored(report, now);
  if (device.report && saysNothingNew(device.report, next)) return;
  const row = {
    event_id: device.eventId,
    reported_at: now,
    unsynced: next.unsynced,
    oldest_unsynced_at: next.oldestUnsyncedAt,
    roster_version: next.rosterVersion,
    app_version: next.appVersion,
    server_minus_device_ms: next.serverMinusDeviceMs,
    storage_persisted: next.storagePersisted,
  };
  await db
    .insertInto('device_reports')
    .values({ device_id: device.id, ...row })
    .onConflict((oc) => oc.column('device_id').doUpdateSet(row))
    .execute();
}

/** A stored report as the organizer API shows it. */
export function toReportInfo(r: DeviceReportTable): DeviceReportInfo {
  const num = (x: number | null) => (x === null ? null : Number(x));
  return {
    reportedAt: iso(Number(r.reported_at)),
    unsynced: Number(r.unsynced),
    oldestUnsyncedAt: r.oldest_unsynced_at === null ? null : iso(Number(r.oldest_unsynced_at)),
    rosterVersion: r.roster_version,
    appVersion: r.app_version,
    serverMinusDeviceMs: num(r.server_minus_device_ms),
    storagePersisted: r.storage_persisted === null ? null : Number(r.storage_persisted) === 1,
  };
}

/** The latest report of each of the event's devices, by device id. */
export async function listDeviceReports(
  db: Db,
  eventId: string,
): Promise<Map<string, DeviceReportInfo>> {
  const rows = await db
    .selectFrom('device_reports')
    .selectAll()
    .where('event_id', '=', eventId)
    .execute();
  return new Map(rows.map((r) => [r.device_id, toReportInfo(r)]));
}

/** Unrevoked devices of the event whose latest report still holds unsynced scans. */
export async function devicesHoldingScans(
  db: Db,
  eventId: string,
): Promise<{ name: string; door: string; unsynced: number }[]> {
  const rows = await db
    .selectFrom('device_reports as r')
    .innerJoin('devices as d', 'd.id', 'r.device_id')
    .select(['d.name', 'd.door', 'r.unsynced'])
    .where('r.event_id', '=', eventId)
    .where('d.revoked_at', 'is', null)
    .where('r.unsynced', '>', 0)
    .orderBy('d.name')
    .execute();
  return rows.map((r) => ({ name: r.name, door: r.door, unsynced: Number(r.unsynced) }));
}
