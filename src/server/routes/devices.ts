// Door devices: the organizer makes a one-time pairing code for a door and its waves, lists and
// revokes devices; a tablet redeems the code once for its bearer token.
import { Hono } from 'hono';
import type { PairResult, PairingOffer } from '../../shared/api/door.js';
import { PAIRING_TTL_MS, PairBody, PairingRequestBody } from '../../shared/api/door.js';
import {
  newPairingCode,
  normalizePairingCode,
  pairingQrText,
} from '../../shared/api/pairing-code.js';
import { randomId } from '../../shared/base32.js';
import { clientAddress } from '../auth/client-address.js';
import { forgiveTries, limitRules, reserveTries, tooManyTries } from '../auth/rate-limit.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import type { AppDeps, AppEnv } from '../context.js';
import { listDeviceReports } from '../store/device-reports.js';
import { loadDoorStanding } from '../store/door-standing.js';
import { readJson } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import {
  deleteStalePairingCodes,
  insertPairingCode,
  listDevices,
  pairDevice,
  revokeDevice,
  toDeviceInfo,
} from '../store/devices.js';
import { audit, pairingCodeCreator } from '../store/audit-log.js';
import { getEventDetail, listPublicKeys } from '../store/events.js';
import { publicOrigin } from './participants.js';
import { pokeDoors } from '../live/poke.js';

const EVENT = { id: 'Acara', en: 'Event' };
const DEVICE = { id: 'Perangkat', en: 'Device' };
/** Used and expired codes are kept a day (so a late tablet hears "used", not "unknown"). */
const KEEP_CODES_MS = 24 * 60 * 60 * 1000;

const codeProblems = {
  unknown: () =>
    fail(
      400,
      'pairing-code-invalid',
      'Kode pemasangan tidak dikenal. Periksa kodenya atau minta kode baru dari panitia.',
      'Unknown pairing code. Check the code or ask the organizer for a new one.',
    ),
  expired: () =>
    fail(
      410,
      'pairing-code-expired',
      'Kode pemasangan sudah kedaluwarsa (berlaku 10 menit). Minta kode baru dari panitia.',
      'The pairing code has expired (codes last 10 minutes). Ask the organizer for a new one.',
    ),
  used: () =>
    fail(
      410,
      'pairing-code-used',
      'Kode pemasangan sudah dipakai. Satu kode hanya untuk satu perangkat; minta kode baru.',
      'The pairing code has already been used. One code pairs one device; ask for a new one.',
    ),
};

/** /events/:eventId/devices…, /devices/:id/revoke (organizer) and /devices/pair (tablet). */
export function deviceRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;
  const rules = limitRules(deps);

  const eventOrFail = async (id: string) => {
    const event = await getEventDetail(db, id);
    if (!event) throw notFound(EVENT);
    return event;
  };

  r.post('/events/:eventId/devices/pairings', async (c) => {
    const event = await eventOrFail(c.req.param('eventId'));
    const body = await readJson(c, PairingRequestBody);
    const waveIds = [...new Set(body.waveIds)];
    const known = new Set(event.waves.map((w) => w.id));
    const unknown = waveIds.filter((id) => !known.has(id));
    if (unknown.length) {
      throw fail(
        400,
        'unknown-wave',
        'Gelombang tidak dikenal untuk acara ini',
        'Unknown wave for this event',
        { field: 'waveIds', waveIds: unknown },
      );
    }
    const now = Date.now();
    await deleteStalePairingCodes(db, now - KEEP_CODES_MS);
    const expiresAt = now + PAIRING_TTL_MS;
    // 40 random bits: a clash with a code kept from the last day is rare; draw again if so.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newPairingCode();
      const stored = await insertPairingCode(db, {
        code_hash: hashSecret(code),
        event_id: event.id,
        name: body.name,
        door: body.door,
        wave_ids: JSON.stringify(waveIds),
        created_by: c.get('organizer').id,
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
        device_id: null,
      });
      if (!stored) continue;
      const offer: PairingOffer = {
        code,
        qrText: pairingQrText(publicOrigin(deps, c), code),
        expiresAt: new Date(expiresAt).toISOString(),
        expiresInSeconds: PAIRING_TTL_MS / 1000,
        name: body.name,
        door: body.door,
        waveIds,
      };
      deps.log('info', 'pairing code made', { eventId: event.id, door: body.door });
      return c.json(offer, 201);
    }
    throw fail(
      503,
      'pairing-code-busy',
      'Gagal membuat kode pemasangan; coba lagi',
      'Could not make a pairing code; try again',
    );
  });

  r.get('/events/:eventId/devices', async (c) => {
    const event = await eventOrFail(c.req.param('eventId'));
    const [rows, reports] = await Promise.all([
      listDevices(db, event.id),
      listDeviceReports(db, event.id),
    ]);
    const devices = await Promise.all(
      rows.map(async (r) => {
        const info = toDeviceInfo(r);
        const report = reports.get(r.id) ?? null;
        // Is the event data it holds (waves, sessions, keys) what it would be given now?
        if (report?.rosterVersion && info.revokedAt === null) {
          const standing = await loadDoorStanding(db, { ...info, eventId: r.event_id });
          report.rosterCurrent = standing ? standing.version === report.rosterVersion : null;
        }
        return { ...info, report };
      }),
    );
    return c.json({ devices });
  });

  r.post('/devices/:deviceId/revoke', async (c) => {
    const row = await revokeDevice(db, c.req.param('deviceId'), Date.now());
    if (!row) throw notFound(DEVICE);
    deps.log('info', 'device revoked', { deviceId: row.id, eventId: row.event_id });
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'device-revoke',
      eventId: row.event_id,
      details: { deviceId: row.id, name: row.name, door: row.door },
    });
    await pokeDoors(deps, row.event_id);
    return c.json(toDeviceInfo(row));
  });

  r.post('/devices/pair', async (c) => {
    const body = await readJson(c, PairBody);
    // Per address, and a server-wide ceiling; reserved before the code is looked up.
    const tries = [
      { key: `pair@${clientAddress(c, deps)}`, rule: rules.pairAddress },
      { key: 'pair', rule: rules.pairAll },
    ];
    const held = await reserveTries(deps.store, tries);
    if (!held.ok) throw tooManyTries(c, held.retryAfterMs, 'codes');
    const code = normalizePairingCode(body.code);
    if (!code) throw codeProblems.unknown();
    const token = newSecret();
    const outcome = await pairDevice(db, {
      codeHash: hashSecret(code),
      tokenHash: hashSecret(token),
      deviceId: randomId(10),
      now: Date.now(),
    });
    if (!outcome.ok) throw codeProblems[outcome.reason]();
    // Only wrong codes count: a venue pairing many tablets from one address is not limited.
    await forgiveTries(deps.store, { refund: tries });
    const { device } = outcome;
    // The organizer who made the code paired the tablet; the tablet itself has no account.
    await audit(db, {
      actorId: await pairingCodeCreator(db, hashSecret(code)),
      action: 'device-pair',
      eventId: device.event_id,
      details: { deviceId: device.id, name: device.name, door: device.door },
    });
    const event = await eventOrFail(device.event_id);
    const allowed = new Set(toDeviceInfo(device).waveIds);
    const result: PairResult = {
      deviceId: device.id,
      token,
      event: { id: event.id, name: event.name },
      name: device.name,
      door: device.door,
      waves: event.waves.filter((w) => allowed.has(w.id)),
      publicKeys: await listPublicKeys(db, event.id),
    };
    deps.log('info', 'device paired', { deviceId: device.id, eventId: event.id });
    return c.json(result, 201);
  });
  return r;
}
