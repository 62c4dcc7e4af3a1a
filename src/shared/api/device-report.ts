// What a door tablet says about itself with each sync request, so the organizer sees at a
// glance which tablet still holds scans, runs an old roster or app, has a wrong clock, or may
// lose its data. Every field is optional: older tablets send nothing, and an unreadable report
// is ignored, never a reason to refuse a sync.
import * as v from 'valibot';

const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9e12));

export const DeviceReportSchema = v.object({
  /** Scan events waiting to be pushed. */
  unsynced: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)),
  /** Device time (ms) of the oldest of them; null when none wait. */
  oldestUnsyncedAt: v.optional(v.nullable(epochMs)),
  /** The manifest (roster) version the tablet holds. */
  rosterVersion: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200)))),
  appVersion: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(40)))),
  /** The tablet's own estimate of server minus device clock (ms). */
  serverMinusDeviceMs: v.optional(v.nullable(v.pipe(v.number(), v.integer()))),
  /** navigator.storage.persisted(): false means the browser may clear its scans. */
  storagePersisted: v.optional(v.nullable(v.boolean())),
});
export type DeviceReport = v.InferOutput<typeof DeviceReportSchema>;

/** A report from a push body or a pull query (JSON text); undefined when absent or unreadable. */
export function readDeviceReport(value: unknown): DeviceReport | undefined {
  let data = value;
  if (typeof value === 'string') {
    if (value.length > 2000) return undefined;
    try {
      data = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = v.safeParse(DeviceReportSchema, data);
  return parsed.success ? parsed.output : undefined;
}

/** A tablet's latest report as the devices page shows it (times ISO). */
export interface DeviceReportInfo {
  reportedAt: string;
  unsynced: number;
  oldestUnsyncedAt: string | null;
  rosterVersion: string | null;
  /** True when rosterVersion is what the server would give this tablet now; null if unknown. */
  rosterCurrent?: boolean | null;
  appVersion: string | null;
  serverMinusDeviceMs: number | null;
  storagePersisted: boolean | null;
}

/** Not seen for this long while holding unsynced scans: the devices page highlights the tablet. */
export const STALE_WITH_UNSYNCED_MS = 10 * 60 * 1000;
/** A clock off by more than this is shown as wrong (volunteers' times would mislead). */
export const CLOCK_WRONG_MS = 2 * 60 * 1000;
