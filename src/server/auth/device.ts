// Door devices authenticate with `Authorization: Bearer <token>`; the token's SHA-256 finds the
// device. A revoked device gets its own code so the tablet knows to stop and wipe its roster.
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context.js';
import { fail } from '../http/problem.js';
import { contactDue, findDeviceByTokenHash, toDeviceAuth, touchDevice } from '../store/devices.js';
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
    // Not with every call (CONTACT_REFRESH_MS): the organizer's "last seen" is by the minute.
    if (touch && contactDue(device.lastSeenAt, now)) {
      await touchDevice(deps.store.db, row.id, now);
    }
    c.set('device', device);
    await next();
  };
}
