// Pairing door devices end to end in-process, against SQLite and PostgreSQL: one-time codes that
// expire, hashed tokens, revocation, and the organizer-only endpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceInfo, DeviceList, PairResult } from '../shared/api/door.js';
import { createApp } from './app.js';
import { hashSecret } from './auth/tokens.js';
import { createLogger } from './http/log.js';
import { listPublicKeys } from './store/events.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, offerPairing, pairTablet, redeem, seedDoorEvent } from './testing/devices.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`door devices on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan UMKM 2026');
    });
    afterAll(async () => t?.dispose());

    it('refuses the organizer endpoints without a session', async () => {
      const pairing = await a.app.request(`/api/events/${f.event.id}/devices/pairings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'X', door: 'Y', waveIds: [f.waves.a] }),
      });
      const list = await a.app.request(`/api/events/${f.event.id}/devices`);
      const revoke = await a.app.request('/api/devices/ANYTHING/revoke', { method: 'POST' });
      for (const res of [pairing, list, revoke]) {
        expect(res.status).toBe(401);
        expect((await json(res)).error.code).toBe('unauthenticated');
      }
    });

    it('pairs a tablet with a one-time code: token, allowed waves and public keys', async () => {
      const before = Date.now();
      const offer = await offerPairing(a, f.event.id, {
        name: 'Tablet Aula 1',
        door: 'Pintu Utama Aula',
        waveIds: [f.waves.a, f.waves.c, f.waves.a],
      });
      expect(offer.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(offer.qrText).toBe(`https://hadir.test/scan/pair#${offer.code}`);
      expect(offer.waveIds).toEqual([f.waves.a, f.waves.c]);
      expect(offer.expiresInSeconds).toBe(600);
      const ttl = Date.parse(offer.expiresAt) - before;
      expect(ttl).toBeGreaterThanOrEqual(10 * 60 * 1000);
      expect(ttl).toBeLessThan(10 * 60 * 1000 + 5000);

      // Typed by hand: lower case, no dash.
      const res = await redeem(a, offer.code.replace('-', '').toLowerCase());
      expect(res.status).toBe(201);
      const paired: PairResult = await json(res);
      expect(paired).toMatchObject({
        event: { id: f.event.id, name: 'Pelatihan UMKM 2026' },
        name: 'Tablet Aula 1',
        door: 'Pintu Utama Aula',
      });
      expect(paired.token.length).toBeGreaterThanOrEqual(40);
      expect(paired.waves.map((w) => w.id).sort()).toEqual([f.waves.a, f.waves.c].sort());
      expect(paired.waves.find((w) => w.id === f.waves.a)!.sessions).toHaveLength(1);
      expect(paired.publicKeys).toEqual(await listPublicKeys(t.store.db, f.event.id));

      const list: DeviceList = await json(await a.call(`/api/events/${f.event.id}/devices`));
      const device = list.devices.find((d) => d.id === paired.deviceId)!;
      expect(device).toMatchObject({
        eventId: f.event.id,
        name: 'Tablet Aula 1',
        door: 'Pintu Utama Aula',
        waveIds: [f.waves.a, f.waves.c],
        revokedAt: null,
      });
      expect(Date.parse(device.lastSeenAt!)).toBeGreaterThanOrEqual(before);
    });

    it('stores only hashes of the device token and the pairing code', async () => {
      const offer = await offerPairing(a, f.event.id, { waveIds: [f.waves.b] });
      const paired: PairResult = await json(await redeem(a, offer.code));
      const device = await t.store.db
        .selectFrom('devices')
        .selectAll()
        .where('id', '=', paired.deviceId)
        .executeTakeFirstOrThrow();
      expect(device.token_hash).toBe(hashSecret(paired.token));
      const everything = JSON.stringify([
        await t.store.db.selectFrom('devices').selectAll().execute(),
        await t.store.db.selectFrom('pairing_codes').selectAll().execute(),
      ]);
      expect(everything).not.toContain(paired.token);
      expect(everything).not.toContain(offer.code);
      expect(everything).not.toContain(offer.code.replace('-', ''));
      expect(everything).toContain(hashSecret(offer.code));
    });

    it('lets a code pair only once, even when two tablets race for it', async () => {
      const offer = await offerPairing(a, f.event.id, { waveIds: [f.waves.a] });
      expect((await redeem(a, offer.code)).status).toBe(201);
      const again = await redeem(a, offer.code);
      expect(again.status).toBe(410);
      const err = (await json(again)).error;
      expect(err.code).toBe('pairing-code-used');
      expect(err.messages.id).toMatch(/sudah dipakai/);
      expect(err.messages.en).toMatch(/already been used/);

      const raced = await offerPairing(a, f.event.id, { waveIds: [f.waves.a] });
      const results = await Promise.all([1, 2, 3, 4].map(() => redeem(a, raced.code)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 410, 410, 410]);
      const devices = await t.store.db
        .selectFrom('pairing_codes')
        .select('device_id')
        .where('code_hash', '=', hashSecret(raced.code))
        .execute();
      expect(devices).toHaveLength(1);
      expect(devices[0]!.device_id).toBe(
        (await json(results.find((r) => r.status === 201)!)).deviceId,
      );
    });

    it('refuses an expired code', async () => {
      const offer = await offerPairing(a, f.event.id, { waveIds: [f.waves.a] });
      await t.store.db
        .updateTable('pairing_codes')
        .set({ expires_at: Date.now() - 1000 })
        .where('code_hash', '=', hashSecret(offer.code))
        .execute();
      const res = await redeem(a, offer.code);
      expect(res.status).toBe(410);
      const err = (await json(res)).error;
      expect(err.code).toBe('pairing-code-expired');
      expect(err.messages.id).toMatch(/kedaluwarsa/);
      expect(err.messages.en).toMatch(/expired/);
    });

    it('refuses unknown and malformed codes with a clear error', async () => {
      for (const code of ['ZZZZ-ZZZZ', 'hello', '']) {
        const res = await redeem(a, code);
        expect(res.status, code).toBe(400);
        const err = (await json(res)).error;
        expect(err.code).toBe('pairing-code-invalid');
        expect(err.messages.id).toMatch(/tidak dikenal/);
      }
      const wrongShape = await a.app.request('/api/devices/pair', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kode: 'ABCD-EFGH' }),
      });
      expect(wrongShape.status).toBe(400);
      expect((await json(wrongShape)).error.code).toBe('validation');
    });

    it('checks the organizer request: waves of this event, a name and a door', async () => {
      const other = await json(await a.call('/api/events', { json: { name: 'Acara lain' } }));
      const path = `/api/events/${other.id}/devices/pairings`;
      const foreign = await a.call(path, {
        json: { name: 'Tablet', door: 'Pintu', waveIds: [f.waves.a] },
      });
      expect(foreign.status).toBe(400);
      expect((await json(foreign)).error.code).toBe('unknown-wave');
      const none = await a.call(path, { json: { name: 'Tablet', door: 'Pintu', waveIds: [] } });
      expect(none.status).toBe(400);
      expect((await json(none)).error.code).toBe('validation');
      const blank = await a.call(`/api/events/${f.event.id}/devices/pairings`, {
        json: { name: ' ', door: 'Pintu', waveIds: [f.waves.a] },
      });
      expect((await json(blank)).error.details.issues[0].path).toBe('name');
      const missing = await a.call('/api/events/NOPE/devices/pairings', {
        json: { name: 'Tablet', door: 'Pintu', waveIds: [f.waves.a] },
      });
      expect(missing.status).toBe(404);
      expect((await a.call('/api/events/NOPE/devices')).status).toBe(404);
    });

    it('revokes a device: every door call then answers 401 device-revoked', async () => {
      const paired = await pairTablet(a, f.event.id, [f.waves.a], 'Tablet dicabut');
      expect((await asDevice(a, paired.token, '/api/door/manifest')).status).toBe(200);
      const res = await a.call(`/api/devices/${paired.deviceId}/revoke`, { method: 'POST' });
      expect(res.status).toBe(200);
      const revoked: DeviceInfo = await json(res);
      expect(revoked.revokedAt).not.toBeNull();
      const calls = [
        asDevice(a, paired.token, '/api/door/manifest'),
        asDevice(a, paired.token, '/api/door/roster'),
        asDevice(a, paired.token, '/api/sync/pull?cursor=0'),
        asDevice(a, paired.token, '/api/sync/push', { json: { events: [{ id: 'x' }] } }),
      ];
      for (const r of await Promise.all(calls)) {
        expect(r.status).toBe(401);
        const err = (await json(r)).error;
        expect(err.code).toBe('device-revoked');
        expect(err.messages.id).toMatch(/dicabut/);
      }
      // Revoking again keeps the first time; an unknown device is 404.
      const again: DeviceInfo = await json(
        await a.call(`/api/devices/${paired.deviceId}/revoke`, { method: 'POST' }),
      );
      expect(again.revokedAt).toBe(revoked.revokedAt);
      expect((await a.call('/api/devices/NOPE/revoke', { method: 'POST' })).status).toBe(404);
      const list: DeviceList = await json(await a.call(`/api/events/${f.event.id}/devices`));
      expect(list.devices.find((d) => d.id === paired.deviceId)!.revokedAt).toBe(revoked.revokedAt);
    });

    it('tells a missing token from an unknown one', async () => {
      const none = await a.app.request('/api/door/manifest');
      expect(none.status).toBe(401);
      expect((await json(none)).error.code).toBe('device-token-required');
      for (const header of ['Bearer ' + 'A'.repeat(43), 'Basic abc', 'Bearer']) {
        const res = await a.app.request('/api/door/manifest', {
          headers: { authorization: header },
        });
        expect(res.status, header).toBe(401);
        expect((await json(res)).error.code).toBe('device-token-invalid');
      }
    });

    it('notes when a device was last seen', async () => {
      const paired = await pairTablet(a, f.event.id, [f.waves.a]);
      await t.store.db
        .updateTable('devices')
        .set({ last_seen_at: 1 })
        .where('id', '=', paired.deviceId)
        .execute();
      const before = Date.now();
      await asDevice(a, paired.token, '/api/door/manifest');
      const row = await t.store.db
        .selectFrom('devices')
        .select('last_seen_at')
        .where('id', '=', paired.deviceId)
        .executeTakeFirstOrThrow();
      expect(row.last_seen_at).toBeGreaterThanOrEqual(before);
    });

    it('limits wrong codes per address, then refuses even a right one for a while', async () => {
      const app = createApp({
        store: t.store,
        log: createLogger({ silent: true }),
        limits: { pairAddress: { max: 3, windowMs: 60_000 } },
        publicUrl: 'https://hadir.test',
      });
      // Limits live in the store, shared by apps: start without this file's earlier wrong codes.
      await t.store.db.deleteFrom('rate_limits').execute();
      const tablet = { ...a, app };
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await redeem(tablet, 'ZZZZ-ZZZ' + i)).status);
      expect(statuses).toEqual([400, 400, 400]);
      const offer = await offerPairing(a, f.event.id, { waveIds: [f.waves.a] });
      const limited = await redeem(tablet, offer.code);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await json(limited)).error.code).toBe('too-many-attempts');
      // The code was not spent by the refused attempt.
      expect((await redeem(a, offer.code)).status).toBe(201);
    });
  });
}
