// Door sync against SQLite and PostgreSQL: idempotent pushes with per-event answers, id
// conflicts kept for review, per-event rejections, pull cursors and paging, clock offsets,
// and two doors admitting one person (both kept, counted once, listed for the organizer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceReport, ConflictReport } from '../shared/api/attendance.js';
import type { DoorManifest, PairResult } from '../shared/api/door.js';
import type { SyncPullResult } from '../shared/api/sync.js';
import { cancelParticipant } from './store/participants.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { asDevice, seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`door sync on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let east: PairResult;
    let west: PairResult;
    let sessionA: string;
    let sessionB: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan UMKM 2026');
      sessionA = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      const b = await a.call(`/api/waves/${f.waves.b}/sessions`, {
        json: { name: 'Hari 1 B', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
      });
      sessionB = (await json(b)).id;
      east = await pairAtDoor(a, f.event.id, {
        name: 'Tablet Timur',
        door: 'Pintu Timur',
        waveIds: [f.waves.a],
      });
      west = await pairAtDoor(a, f.event.id, {
        name: 'Tablet Barat',
        door: 'Pintu Barat',
        waveIds: [f.waves.a, f.waves.c],
      });
    });
    afterAll(async () => t?.dispose());

    const storedCount = async (ids: string[]) =>
      Number(
        (
          await t.store.db
            .selectFrom('scan_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('id', 'in', ids)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('stores a batch once however often it is replayed, answering per event each time', async () => {
      const events = f.participants.a.slice(0, 5).map((p) => scan(east, sessionA, p.id));
      const ids = events.map((e) => e.id);
      const first = await push(a, east, events);
      expect(first.results).toEqual(ids.map((id) => ({ id, status: 'stored', httpStatus: 201 })));
      for (let i = 0; i < 2; i++) {
        const again = await push(a, east, events);
        expect(again.results).toEqual(
          ids.map((id) => ({ id, status: 'duplicate', httpStatus: 200 })),
        );
      }
      expect(await storedCount(ids)).toBe(5);
      // The same event twice in one batch: one stored, one duplicate.
      const e = scan(east, sessionA, f.participants.a[5]!.id);
      const twice = await push(a, east, [e, e]);
      expect(twice.results.map((r) => r.status)).toEqual(['stored', 'duplicate']);
    });

    it('records a different body under a known id as a conflict, lists it, and never drops it', async () => {
      const original = scan(east, sessionA, f.participants.a[6]!.id);
      await push(a, east, [original]);
      const altered = { ...original, volunteer: 'Budi', deviceTime: original.deviceTime + 5 };
      for (let i = 0; i < 2; i++) {
        const res = await push(a, east, [altered]);
        expect(res.results).toEqual([
          expect.objectContaining({
            id: original.id,
            status: 'conflict',
            httpStatus: 409,
            code: 'id-conflict',
          }),
        ]);
      }
      const report: ConflictReport = await json(
        await a.call(`/api/events/${f.event.id}/conflicts`),
      );
      const listed = report.idConflicts.filter((c) => c.id === original.id);
      expect(listed).toHaveLength(1);
      expect(listed[0]!.stored!.volunteer).toBe('Sari');
      expect(listed[0]!.received.volunteer).toBe('Budi');
      expect(listed[0]!.received.deviceName).toBe('Tablet Timur');
      // The stored copy is the one that counts.
      const pulled: SyncPullResult = await json(
        await asDevice(a, west.token, '/api/sync/pull?limit=2000'),
      );
      expect(pulled.events.find((e) => e.id === original.id)!.volunteer).toBe('Sari');
    });

    it('rejects, per event and with a code, another device’s event, a session outside its waves and a malformed event', async () => {
      const good = scan(east, sessionA, f.participants.a[7]!.id);
      const foreign = scan(west, sessionA, f.participants.a[8]!.id);
      const wrongWave = scan(east, sessionB, f.participants.b[1]!.id);
      const malformed = { ...scan(east, sessionA, null), kind: 'teleport' };
      const { door: _door, ...oldShape } = {
        ...scan(east, sessionA, f.participants.a[9]!.id),
        futureField: { x: 1 },
      };
      const res = await push(a, east, [good, foreign, wrongWave, malformed, oldShape]);
      expect(res.results.map((r) => [r.status, r.httpStatus, r.code])).toEqual([
        ['stored', 201, undefined],
        ['rejected', 403, 'wrong-device'],
        ['rejected', 403, 'session-not-allowed'],
        ['rejected', 400, 'invalid-event'],
        ['stored', 201, undefined],
      ]);
      for (const r of res.results.filter((x) => x.status === 'rejected')) {
        expect(r.message).toMatch(/ \/ /);
      }
      expect(await storedCount([foreign.id, wrongWave.id, malformed.id])).toBe(0);
      const row = await t.store.db
        .selectFrom('scan_events')
        .select('body')
        .where('id', '=', oldShape.id)
        .executeTakeFirstOrThrow();
      expect(row.body).toContain('Pintu Timur');
      expect(row.body).not.toContain('futureField');
    });

    it('answers 401 device-revoked to a revoked tablet’s push', async () => {
      const gone = await pairAtDoor(a, f.event.id, {
        name: 'Tablet hilang',
        door: 'Pintu Timur',
        waveIds: [f.waves.a],
      });
      await a.call(`/api/devices/${gone.deviceId}/revoke`, { method: 'POST' });
      const res = await asDevice(a, gone.token, '/api/sync/push', {
        json: { events: [scan(gone, sessionA, f.participants.a[0]!.id)] },
      });
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('device-revoked');
    });

    it('pulls other devices’ events after a monotonic server cursor, in pages, never its own', async () => {
      const m: DoorManifest = await json(await asDevice(a, west.token, '/api/door/manifest'));
      const seen: SyncPullResult['events'] = [];
      let cursor = m.syncCursor!;
      let pages = 0;
      for (;;) {
        const page: SyncPullResult = await json(
          await asDevice(a, west.token, `/api/sync/pull?cursor=${cursor}&limit=3`),
        );
        expect(page.events.length).toBeLessThanOrEqual(3);
        expect(Number(page.cursor.split('.')[0])).toBeGreaterThanOrEqual(
          Number(cursor.split('.')[0]),
        );
        seen.push(...page.events);
        cursor = page.cursor;
        pages++;
        if (!page.more) break;
      }
      expect(pages).toBeGreaterThan(2);
      expect(seen.every((e) => e.deviceId === east.deviceId)).toBe(true);
      expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
      expect(seen.every((e) => typeof e.receivedAt === 'number')).toBe(true);
      // Nothing new: same cursor, no events. A new scan by the other door arrives alone.
      const idle: SyncPullResult = await json(
        await asDevice(a, west.token, `/api/sync/pull?cursor=${cursor}`),
      );
      expect(idle.events).toEqual([]);
      expect(idle.cursor).toBe(cursor);
      const fresh = scan(east, sessionA, f.participants.a[10]!.id);
      await push(a, east, [fresh]);
      await push(a, west, [scan(west, sessionA, f.participants.a[11]!.id)]);
      const next: SyncPullResult = await json(
        await asDevice(a, west.token, `/api/sync/pull?cursor=${cursor}`),
      );
      expect(next.events.map((e) => e.id)).toEqual([fresh.id]);
      expect(next.events[0]).toMatchObject({ ...fresh, receivedAt: expect.any(Number) });
      // Roster changes travel too: a cancellation reaches the door as an entry and a revocation.
      const p = f.participants.a[20]!;
      await cancelParticipant(t.store.db, p);
      const roster: SyncPullResult = await json(
        await asDevice(a, west.token, `/api/sync/pull?cursor=${next.cursor}`),
      );
      expect(roster.roster).toEqual([
        expect.objectContaining({ participantId: p.id, status: 'cancelled' }),
      ]);
      expect(roster.revocations).toEqual([{ participantId: p.id, ticketVersion: 1 }]);
    });

    it('estimates each device’s clock offset and corrects its times for the organizer', async () => {
      const skewed = await pairAtDoor(a, f.event.id, {
        name: 'Tablet jam salah',
        door: 'Pintu Selatan',
        waveIds: [f.waves.a],
      });
      const ahead = 7 * 60 * 1000; // the tablet's clock runs seven minutes fast
      const when = Date.now() + ahead;
      const p = f.participants.a[12]!;
      const res = await push(a, skewed, [scan(skewed, sessionA, p.id, { deviceTime: when })], when);
      // Named by its sign: server minus device, negative for a clock that runs fast.
      expect(Math.abs(res.serverMinusDeviceMs! + ahead)).toBeLessThan(2000);
      const devices = await json(await a.call(`/api/events/${f.event.id}/devices`));
      const d = devices.devices.find((x: { id: string }) => x.id === skewed.deviceId);
      expect(Math.abs(d.serverMinusDeviceMs + ahead)).toBeLessThan(2000);
      // Other doors pull the server-corrected time.
      const page: SyncPullResult = await json(
        await asDevice(a, east.token, '/api/sync/pull?limit=2000'),
      );
      const pulled = page.events.find((e) => e.participantId === p.id)!;
      expect(pulled.deviceTime).toBe(when);
      expect(Math.abs(pulled.correctedTime - (when - ahead))).toBeLessThan(2000);
      const report: AttendanceReport = await json(
        await a.call(`/api/events/${f.event.id}/attendance`),
      );
      const entry = report.sessions
        .find((s) => s.sessionId === sessionA)!
        .attendees.find((x) => x.personId === p.id)!;
      expect(Date.parse(entry.deviceTime)).toBe(when);
      expect(Math.abs(Date.parse(entry.at) - (when - ahead))).toBeLessThan(2000);
    });

    it('keeps both admissions of one person by two doors, counts them once and lists the conflict', async () => {
      const p = f.participants.a[15]!;
      const e1 = scan(east, sessionA, p.id);
      const e2 = scan(west, sessionA, p.id, { volunteer: 'Dewi' });
      await push(a, east, [e1]);
      await push(a, west, [e2]);
      const report: ConflictReport = await json(
        await a.call(`/api/events/${f.event.id}/conflicts`),
      );
      const double = report.doubleAdmissions.find((d) => d.personId === p.id)!;
      expect(double.name).toBe(p.name);
      expect(double.sessionId).toBe(sessionA);
      expect(double.admissions.map((x) => [x.door, x.deviceName, x.volunteer])).toEqual([
        ['Pintu Timur', 'Tablet Timur', 'Sari'],
        ['Pintu Barat', 'Tablet Barat', 'Dewi'],
      ]);
      expect(double.admissions.every((x) => !Number.isNaN(Date.parse(x.correctedTime)))).toBe(true);
      const att: AttendanceReport = await json(
        await a.call(`/api/events/${f.event.id}/attendance`),
      );
      const session = att.sessions.find((s) => s.sessionId === sessionA)!;
      const mine = session.attendees.filter((x) => x.personId === p.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ admissions: 2, flagged: true, door: 'Pintu Timur' });
      expect(session.count).toBe(session.attendees.length);
    });

    it('keeps organizer reports behind sign-in, and 404 for an unknown event', async () => {
      for (const path of ['attendance', 'conflicts']) {
        const anon = await a.app.request(`/api/events/${f.event.id}/${path}`);
        expect(anon.status).toBe(401);
        expect((await a.call(`/api/events/NOPE/${path}`)).status).toBe(404);
      }
    });
  });
}
