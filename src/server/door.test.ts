// What a paired door downloads, against SQLite and PostgreSQL: the manifest, the roster in
// resumable pages (only its waves, only what the door needs), and the first sync cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DoorManifest,
  DoorParticipant,
  DoorRosterPage,
  PairResult,
} from '../shared/api/door.js';
import { cancelParticipant, reissueTicket } from './store/participants.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, pairTablet, seedDoorEvent } from './testing/devices.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`door roster on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let tablet: PairResult;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan UMKM 2026');
      // One cancelled in a door wave, one moved away from wave b (its old ticket revoked).
      await cancelParticipant(t.store.db, f.participants.a[3]!);
      await reissueTicket(t.store.db, f.participants.b[0]!);
      tablet = await pairTablet(a, f.event.id, [f.waves.a, f.waves.c]);
    });
    afterAll(async () => t?.dispose());

    const allowed = () => [...f.participants.a, ...f.participants.c];

    it('gives the manifest: event, door, allowed waves with sessions, keys, revocations, count', async () => {
      const res = await asDevice(a, tablet.token, '/api/door/manifest');
      expect(res.status).toBe(200);
      const m: DoorManifest = await json(res);
      expect(m.event).toEqual({ id: f.event.id, name: 'Pelatihan UMKM 2026' });
      expect(m.device).toEqual({ id: tablet.deviceId, name: 'Tablet 1' });
      expect(m.door).toBe('Pintu Utama');
      expect(m.waves.map((w) => w.id).sort()).toEqual([f.waves.a, f.waves.c].sort());
      expect(m.waves.find((w) => w.id === f.waves.a)!.sessions.map((s) => s.name)).toEqual([
        'Hari 1',
      ]);
      expect(m.publicKeys).toEqual(tablet.publicKeys);
      expect(m.publicKeys[0]!.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(m.revocations).toEqual(
        expect.arrayContaining([
          { participantId: f.participants.a[3]!.id, ticketVersion: 1 },
          { participantId: f.participants.b[0]!.id, ticketVersion: 1 },
        ]),
      );
      expect(m.revocations).toHaveLength(2);
      expect(m.rosterCount).toBe(allowed().length);
      expect(Math.abs(Date.parse(m.serverTime) - Date.now())).toBeLessThan(5000);
      expect(JSON.stringify(m)).not.toContain('private');
    });

    it('pages the roster by id: every allowed participant exactly once, nobody else', async () => {
      const seen: DoorParticipant[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const query: string = after ? `?limit=7&after=${after}` : '?limit=7';
        const res = await asDevice(a, tablet.token, `/api/door/roster${query}`);
        expect(res.status).toBe(200);
        const page: DoorRosterPage = await json(res);
        expect(page.participants.length).toBeLessThanOrEqual(7);
        seen.push(...page.participants);
        after = page.nextAfter;
        pages++;
      } while (after !== null && pages < 20);
      const ids = seen.map((p) => p.participantId);
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(allowed().map((p) => p.id)));
      expect(seen.every((p) => p.waveId === f.waves.a || p.waveId === f.waves.c)).toBe(true);
      expect(pages).toBe(Math.ceil(allowed().length / 7) + (allowed().length % 7 === 0 ? 1 : 0));

      // Resuming from the middle continues where it stopped.
      const middle = ids[9]!;
      const rest: DoorRosterPage = await json(
        await asDevice(a, tablet.token, `/api/door/roster?after=${middle}`),
      );
      expect(rest.participants.map((p) => p.participantId)).toEqual(ids.slice(10));
      expect(rest.nextAfter).toBeNull();
    });

    it('holds only what the door needs: no NIK, e-mail or full phone number', async () => {
      const res = await asDevice(a, tablet.token, '/api/door/roster?limit=2000');
      const text = await res.text();
      const page: DoorRosterPage = JSON.parse(text);
      expect(page.participants).toHaveLength(allowed().length);
      for (const p of allowed()) {
        expect(text).not.toContain(p.nik!);
        expect(text).not.toContain(p.email!);
        expect(text).not.toContain(p.phone);
        expect(text).not.toContain(p.phone.replace('+62', '0'));
        expect(text).not.toContain(p.phone.slice(-8));
      }
      expect(text).not.toMatch(/"(nik|email|phone)"/);
      const cancelled = f.participants.a[3]!;
      const entry = page.participants.find((p) => p.participantId === cancelled.id)!;
      expect(entry).toEqual({
        participantId: cancelled.id,
        name: cancelled.name,
        business: cancelled.business,
        waveId: f.waves.a,
        phoneLast4: cancelled.phone.slice(-4),
        ticketVersion: 1,
        status: 'cancelled',
      });
      expect(Object.keys(entry).sort()).toEqual([
        'business',
        'name',
        'participantId',
        'phoneLast4',
        'status',
        'ticketVersion',
        'waveId',
      ]);
    });

    it('rejects bad roster queries with 400', async () => {
      for (const q of ['limit=0', 'limit=2001', 'limit=abc', 'after=%27%20OR%201%3D1']) {
        const res = await asDevice(a, tablet.token, `/api/door/roster?${q}`);
        expect(res.status, q).toBe(400);
        expect((await json(res)).error.code).toBe('validation');
      }
    });

    it('starts sync from the manifest cursor: nothing new yet; a malformed event is rejected alone', async () => {
      const m: DoorManifest = await json(await asDevice(a, tablet.token, '/api/door/manifest'));
      expect(m.syncCursor).toMatch(/^0\.\d+$/);
      const pull = await asDevice(a, tablet.token, `/api/sync/pull?cursor=${m.syncCursor}`);
      expect(pull.status).toBe(200);
      const body = await json(pull);
      expect(body).toMatchObject({ events: [], roster: [], revocations: [], more: false });
      expect(body.cursor).toBe(m.syncCursor);
      const badCursor = await asDevice(a, tablet.token, '/api/sync/pull?cursor=-1');
      expect(badCursor.status).toBe(400);
      const empty = await asDevice(a, tablet.token, '/api/sync/push', { json: { events: [] } });
      expect(empty.status).toBe(400);
      expect((await json(empty)).error.code).toBe('validation');
      const push = await asDevice(a, tablet.token, '/api/sync/push', {
        json: { events: [{ id: 'e1' }] },
      });
      expect(push.status).toBe(200);
      expect((await json(push)).results).toEqual([
        expect.objectContaining({ id: 'e1', status: 'rejected', code: 'invalid-event' }),
      ]);
    });

    it('keeps the roster of another event away from the door', async () => {
      const other = await seedDoorEvent(a, t, 'Acara lain');
      const res = await asDevice(a, tablet.token, '/api/door/roster?limit=2000');
      const ids = new Set(
        ((await json(res)) as DoorRosterPage).participants.map((p) => p.participantId),
      );
      for (const p of [...other.participants.a, ...other.participants.c]) {
        expect(ids.has(p.id)).toBe(false);
      }
      expect(ids.size).toBe(allowed().length);
    });
  });
}
