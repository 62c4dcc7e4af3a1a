// What this tablet tells the server about itself with each sync request (device-report.ts in
// shared/api): how many scans wait and since when, its roster and app version, its clock offset
// and whether the browser promised to keep its storage. Read in one transaction.
import { APP_VERSION } from '../../shared/app-version';
import type { DeviceReport } from '../../shared/api/device-report';
import type { HadirDb } from '../db';
import { getDoorStatus, getManifestVersion, oldestUnsynced, unsyncedCount } from '../db';

/** Gathers the report; never throws (a report is a courtesy, never a reason to skip a sync). */
export async function gatherDeviceReport(db: HadirDb): Promise<DeviceReport | undefined> {
  try {
    const [unsynced, oldest, rosterVersion, status] = await Promise.all([
      unsyncedCount(db),
      oldestUnsynced(db),
      getManifestVersion(db),
      getDoorStatus(db),
    ]);
    return {
      unsynced,
      oldestUnsyncedAt: oldest?.createdAt ?? null,
      rosterVersion,
      appVersion: APP_VERSION,
      serverMinusDeviceMs: status.serverMinusDeviceMs,
      storagePersisted: status.persistence?.persisted ?? null,
    };
  } catch {
    return undefined;
  }
}
