// Door devices authenticate with `Authorization: Bearer <token>`; the token's SHA-256 finds the
// device. A revoked device gets its own code so the tablet knows to stop and wipe its roster.
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context.js';
import { fail } from '../http/problem.js';
import { findDeviceByTokenHash, toDeviceAuth, touchDevice } from '../store/devices.js';
import { hashSecret } from './tokens.js';

const required = () =>
  fail(
    401,
    'device-token-required',
    'Perangkat belum dipasangkan: token perangkat diperlukan',
    'Device not paired: a device token is required',
  );
const invalid = () =>
  fail(
    401,
    'device-token-invalid',
    'Token perangkat tidak dikenal; pasangkan ulang perangkat ini',
    'Unknown device token; pair this device again',
  );
const revoked = () =>
  fail(
    401,
    'device-revoked',
    'Perangkat ini sudah dicabut oleh panitia; data peserta di perangkat harus dihapus',
    'This device was revoked by the organizer; its participant data must be wiped',
  );

/** How stale a device's `last_seen_at` may get before a call refreshes it. */
export const TOUCH_EVERY_MS = 5000;

/** True when a call at `now` should note the device's contact (and, for a push, its clock). */
export const contactDue = (lastSeenAt: number | null, now: number) =>
  lastSeenAt === null || now - lastSeenAt >= TOUCH_EVERY_MS;

/**
 * Middleware: 401 unless a live device token comes with the request; notes the contact unless
 * `touch` is false (a push writes last-seen itself, with its clock, when `contactDue`).
 */
export function requireDevice(
  deps: AppDeps,
  opts: { touch?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  const touch = opts.touch ?? true;
  return async (c, next) => {
    const header = c.req.header('authorization')?.trim() ?? '';
    if (!header) throw required();
    const match = /^Bearer +([A-Za-z0-9_-]{16,200})$/i.exec(header);
    if (!match) throw invalid();
    const row = await findDeviceByTokenHash(deps.store, hashSecret(match[1]!));
    if (!row) throw invalid();
    if (row.revoked_at !== null) throw revoked();
    const now = Date.now();
    const device = toDeviceAuth(row);
    // A write (and a commit) per call would cost a sync push more than its own insert; the
    // organizer's "last seen" needs seconds, not milliseconds.
    if (touch && contactDue(device.lastSeenAt, now)) {
      await touchDevice(deps.store.db, row.id, now);
    }
    c.set('device', device);
    await next();
  };
}
