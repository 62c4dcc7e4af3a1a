// The manifest version each pull carries, on SQLite and PostgreSQL: it moves when anything the
// tablet keeps from its manifest changes (a session added, moved or deleted, a wave edited, the
// event renamed), stays put for everything the pull already carries or the tablet never sees,
// and always equals the version of the manifest the server would give at that moment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoorManifest, PairResult } from '../shared/api/door.js';
import type { SyncPullResult } from '../shared/api/sync.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`manifest version on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let door: PairResult;
    let other: PairResult;
    let sessionA: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Versi Manifest');
      sessionA = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      const waveIds = [f.waves.a, f.waves.c];
      door = await pairAtDoor(a, f.event.id, { name: 'Tablet 1', door: 'Pintu Utama', waveIds });
      other = await pairAtDoor(a, f.event.id, { name: 'Tablet 2', door: 'Pintu Samping', waveIds });
    });
    afterAll(async () => t?.dispose());

    /** The version a pull gives now, checked against the manifest's own. */
    async function version(): Promise<string> {
      const pull: SyncPullResult = await json(await asDevice(a, door.token, '/api/sync/pull'));
      const manifest: DoorManifest = await json(
        await asDevice(a, door.token, '/api/door/manifest'),
      );
      expect(pull.manifestVersion).toMatch(/^[0-9a-f]{16}$/);
      expect(manifest.version).toBe(pull.manifestVersion);
      return pull.manifestVersion!;
    }

    it('stays the same when nothing the manifest holds has changed', async () => {
      const before = await version();
      expect(await version()).toBe(before);
      // Another door's scan, a cancelled ticket, a new participant: the pull carries those.
      await push(a, other, [scan(other, sessionA, f.participants.a[0]!.id)]);
      const cancelled = await a.call(`/api/participants/${f.participants.a[1]!.id}/cancel`, {
        method: 'POST',
      });
      expect(cancelled.status).toBe(200);
      const added = await a.call(`/api/events/${f.event.id}/participants`, {
        json: {
          waveId: f.waves.a,
          name: 'Peserta Baru',
          business: 'Usaha Baru',
          phone: '081298760999',
        },
      });
      expect(added.status).toBe(201);
      // A wave this door is not allowed into, and a session of it.
      const elsewhere = await a.call(`/api/waves/${f.waves.b}`, {
        method: 'PATCH',
        json: { ...WAVE_1, name: 'Gelombang B — pindah', venue: 'Balaikota Tangsel' },
      });
      expect(elsewhere.status).toBe(200);
      const sessionB = await a.call(`/api/waves/${f.waves.b}/sessions`, {
        json: { name: 'Hari 1 B', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
      });
      expect(sessionB.status).toBe(201);
      expect(await version()).toBe(before);
    });

    it('changes when a session is added, moved or deleted, a wave edited or the event renamed', async () => {
      const seen = [await version()];
      const expectNew = async () => {
        const v = await version();
        expect(seen).not.toContain(v);
        seen.push(v);
      };

      const added = await a.call(`/api/waves/${f.waves.c}/sessions`, {
        json: {
          name: 'Hari 2',
          startsAt: '2026-12-09T08:00:00+07:00',
          endsAt: '2026-12-09T16:00:00+07:00',
        },
      });
      expect(added.status).toBe(201);
      const sessionId = ((await json(added)) as { id: string }).id;
      await expectNew();
      const manifest: DoorManifest = await json(
        await asDevice(a, door.token, '/api/door/manifest'),
      );
      const waveC = manifest.waves.find((w) => w.id === f.waves.c)!;
      expect(waveC.sessions.map((s) => s.id)).toContain(sessionId);

      const moved = await a.call(`/api/sessions/${sessionId}`, {
        method: 'PATCH',
        json: {
          name: 'Hari 2',
          startsAt: '2026-12-09T09:00:00+07:00',
          endsAt: '2026-12-09T16:00:00+07:00',
        },
      });
      expect(moved.status).toBe(200);
      await expectNew();

      const wave = await a.call(`/api/waves/${f.waves.a}`, {
        method: 'PATCH',
        json: { ...WAVE_1, name: 'Gelombang A', venue: 'Balaikota Tangsel' },
      });
      expect(wave.status).toBe(200);
      await expectNew();

      const renamed = await a.call(`/api/events/${f.event.id}`, {
        method: 'PATCH',
        json: { name: 'Versi Manifest 2026' },
      });
      expect(renamed.status).toBe(200);
      await expectNew();

      const deleted = await a.call(`/api/sessions/${sessionId}`, { method: 'DELETE' });
      expect(deleted.status).toBe(204);
      await expectNew();
    });

    it('rides on the push answer too, the same as the pull’s, and moves with it', async () => {
      // A tablet whose live stream is up pushes its own scans without pulling: the push answer is
      // how it hears of a changed manifest (an event rename, for one, pokes no door).
      const before = await version();
      const first = await push(a, door, [scan(door, sessionA, f.participants.a[2]!.id)]);
      expect(first.results.map((r) => r.status)).toEqual(['stored']);
      expect(first.manifestVersion).toBe(before);
      const renamed = await a.call(`/api/events/${f.event.id}`, {
        method: 'PATCH',
        json: { name: 'Versi Manifest — nama baru' },
      });
      expect(renamed.status).toBe(200);
      const after = await push(a, door, [scan(door, sessionA, f.participants.a[3]!.id)]);
      expect(after.manifestVersion).not.toBe(before);
      expect(after.manifestVersion).toBe(await version());
    });

    it('is the device’s own: another door with other waves has another version', async () => {
      const narrow = await pairAtDoor(a, f.event.id, {
        name: 'Tablet 3',
        door: 'Pintu Utama',
        waveIds: [f.waves.a],
      });
      const pull: SyncPullResult = await json(await asDevice(a, narrow.token, '/api/sync/pull'));
      expect(pull.manifestVersion).toMatch(/^[0-9a-f]{16}$/);
      expect(pull.manifestVersion).not.toBe(await version());
    });
  });
}
