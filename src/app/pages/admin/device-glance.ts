// A tablet at a glance, from its latest sync and self-report: when it was last seen, what it
// still holds, whether its clock is wrong and whether its storage may be cleared. Pure, so the
// thresholds are tested without a browser.
import type { DeviceInfo } from '../../../shared/api/door';
import { CLOCK_WRONG_MS, STALE_WITH_UNSYNCED_MS } from '../../../shared/api/device-report';

export interface DeviceGlance {
  /** The latest contact: a sync or a report, whichever is newer (ms), or null. */
  lastSeen: number | null;
  unsynced: number | null;
  /** How long the oldest unsynced scan has waited (ms, by the server clock), or null. */
  oldestWaitMs: number | null;
  /** Holding unsynced scans and not seen for 10 minutes: someone should go and look. */
  stale: boolean;
  /** Server minus tablet clock (ms), the tablet's own estimate when it sent one. */
  clockOffsetMs: number | null;
  clockWrong: boolean;
  /** false: the browser may clear this tablet's data (scans not yet sent would be lost). */
  storagePersisted: boolean | null;
  appVersion: string | null;
  /** Whether the event data it holds (waves, sessions, keys) is the current one. */
  rosterCurrent: boolean | null;
}

const ms = (iso: string | null | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : null;
};

/** Reads a device row as the devices page shows it, at server time `now`. */
export function deviceGlance(d: DeviceInfo, now: number): DeviceGlance {
  const r = d.report ?? null;
  const seen = [ms(d.lastSeenAt), ms(r?.reportedAt)].filter((x): x is number => x !== null);
  const lastSeen = seen.length ? Math.max(...seen) : null;
  const clockOffsetMs = r?.serverMinusDeviceMs ?? d.serverMinusDeviceMs ?? null;
  const oldest = ms(r?.oldestUnsyncedAt);
  const unsynced = r ? r.unsynced : null;
  return {
    lastSeen,
    unsynced,
    // The oldest scan's device time, put on the server's clock.
    oldestWaitMs: oldest === null ? null : Math.max(0, now - (oldest + (clockOffsetMs ?? 0))),
    stale:
      d.revokedAt === null &&
      (unsynced ?? 0) > 0 &&
      (lastSeen === null || now - lastSeen > STALE_WITH_UNSYNCED_MS),
    clockOffsetMs,
    clockWrong: clockOffsetMs !== null && Math.abs(clockOffsetMs) > CLOCK_WRONG_MS,
    storagePersisted: r?.storagePersisted ?? null,
    appVersion: r?.appVersion ?? null,
    rosterCurrent: r?.rosterCurrent ?? null,
  };
}

/** "12 menit" / "12 minutes"-style span, rounded to minutes (hours past two hours). */
export function spanWords(spanMs: number, lang: 'id' | 'en'): string {
  const minutes = Math.round(Math.abs(spanMs) / 60_000);
  if (minutes < 1) return lang === 'id' ? 'kurang dari 1 menit' : 'under a minute';
  if (minutes < 120) return lang === 'id' ? `${minutes} menit` : `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return lang === 'id' ? `${hours} jam` : `${hours} h`;
}
