// Each tablet's latest report of itself (sent with its sync requests), one row per device.
import type { Kysely, Transaction } from 'kysely';
import type { DeviceReport, DeviceReportInfo } from '../../shared/api/device-report.js';
import type { Database, DeviceReportTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
const iso = (ms: number) => new Date(ms).toISOString();

/** Replaces the device's report with this one. */
export async function saveDeviceReport(
  db: Db,
  device: { id: string; eventId: string },
  report: DeviceReport,
  now: number,
): Promise<void> {
  const row = {
    event_id: device.eventId,
    reported_at: now,
    unsynced: report.unsynced,
    oldest_unsynced_at: report.unsynced > 0 ? (report.oldestUnsyncedAt ?? null) : null,
    roster_version: report.rosterVersion ?? null,
    app_version: report.appVersion ?? null,
    server_minus_device_ms: report.serverMinusDeviceMs ?? null,
    storage_persisted:
      report.storagePersisted === undefined || report.storagePersisted === null
        ? null
        : Number(report.storagePersisted),
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
