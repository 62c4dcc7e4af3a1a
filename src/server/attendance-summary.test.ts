// GET /api/events/:id/attendance/summary: "Hadir X dari Y" per wave and session against the
// active roster, first arrivals per 10 minutes per door on corrected times, and who is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceSummary } from '../shared/api/attendance-summary.js';
import type { PairResult } from '../shared/api/door.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

// 08:00 WIB on 8 December 2026.
const EIGHT_WIB = Date.UTC(2026, 11, 8, 1, 0, 0);
const min = (m: number) => EIGHT_WIB + m * 60_000;

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`attendance summary on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let main: PairResult;
    let side: PairResult;
    let sessionId: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Ringkasan');
      sessionId = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      const waves = [f.waves.a, f.waves.b];
      main = await pairAtDoor(a, f.event.id, {
        name: 'Tablet 1',
        door: 'Pintu Utama',
        waveIds: waves,
      });
      side = await pairAtDoor(a, f.event.id, {
        name: 'Tablet 2',
        door: 'Pintu Samping',
        waveIds: waves,
      });
      // A controlled clock: the side tablet runs 5 minutes slow, measured earlier; its pushes
      // below carry no sentAt, so its scans are corrected by this offset.
      await t.store.db
        .updateTable('devices')
        .set({ server_minus_device_ms: 5 * 60_000 })
        .where('id', '=', side.deviceId)
        .execute();
    });
    afterAll(async () => t?.dispose());

    const summary = async (): Promise<AttendanceSummary> => {
      const res = await a.call(`/api/events/${f.event.id}/attendance/summary`);
      expect(res.status).toBe(200);
      return json(res);
    };
    const waveA = (s: AttendanceSummary) => s.waves.find((w) => w.waveId === f.waves.a)!;

    it('counts nobody at first, with the whole active roster missing', async () => {
      const s = await summary();
      const w = waveA(s);
      expect(w.rosterCount).toBe(23);
      expect(w.present).toBe(0);
      expect(w.sessions[0]).toMatchObject({ sessionId, rosterCount: 23, present: 0, others: 0 });
      expect(w.sessions[0]!.missing).toHaveLength(23);
      expect(w.sessions[0]!.missing[0]).toEqual({
        participantId: f.participants.a[0]!.id,
        name: 'Peserta A0',
        business: f.participants.a[0]!.business,
        phone: f.participants.a[0]!.phone,
      });
      expect(w.sessions[0]!.buckets).toEqual([]);
    });

    it('counts admitted roster members, leaves out cancelled people, counts the rest as others', async () => {
      const [p0, p1, p2, p3, p4] = f.participants.a;
      const undone = scan(main, sessionId, p3!.id, { deviceTime: min(20) });
      await push(a, main, [
        scan(main, sessionId, p0!.id, { deviceTime: min(3) }),
        scan(main, sessionId, p1!.id, { deviceTime: min(9) }),
        // Refused at the door: not in.
        scan(main, sessionId, p2!.id, { deviceTime: min(10), verdict: 'already-in' }),
        undone,
        scan(main, sessionId, null, {
          kind: 'walk-in',
          verdict: null,
          deviceTime: min(31),
          walkIn: { name: 'Tamu', business: 'Warung', phone: '0812' },
        }),
        // Another wave's ticket let in by a supervisor.
        scan(main, sessionId, f.participants.b[0]!.id, { kind: 'override', deviceTime: min(32) }),
      ]);
      await push(a, main, [
        scan(main, sessionId, null, {
          kind: 'undo',
          verdict: null,
          undoes: undone.id,
          deviceTime: min(21),
        }),
      ]);
      // Side tablet clock 08:07 → 08:12 corrected; and 08:26 → 08:31.
      await push(a, side, [
        scan(side, sessionId, p2!.id, { deviceTime: min(7) }),
        scan(side, sessionId, p4!.id, { deviceTime: min(26) }),
      ]);
      // p4 is cancelled after arriving: off the roster, counted with the others.
      expect((await a.call(`/api/participants/${p4!.id}/cancel`, { method: 'POST' })).status).toBe(
        200,
      );

      const s = await summary();
      const w = waveA(s);
      expect(w.rosterCount).toBe(22);
      expect(w.present).toBe(3);
      const session = w.sessions[0]!;
      expect(session).toMatchObject({ rosterCount: 22, present: 3, others: 3 });
      const missing = session.missing.map((m) => m.participantId);
      expect(missing).toHaveLength(19);
      expect(missing).toContain(p3!.id);
      expect(missing).not.toContain(p0!.id);
      expect(missing).not.toContain(p4!.id);
      expect(s.cursor).toBeGreaterThan(0);
    });

    it('buckets first arrivals per 10 minutes (WIB) per door on corrected times', async () => {
      const session = waveA(await summary()).sessions[0]!;
      expect(session.buckets).toEqual([
        new Date(min(0)).toISOString(),
        new Date(min(10)).toISOString(),
        new Date(min(20)).toISOString(),
        new Date(min(30)).toISOString(),
      ]);
      expect(session.arrivals).toEqual([
        { door: 'Pintu Samping', counts: [0, 1, 0, 1] },
        { door: 'Pintu Utama', counts: [2, 0, 0, 2] },
      ]);
    });

    it("filters the participants list by hadir / belum hadir on the server, with each one's sessions", async () => {
      const list = async (query: string) =>
        json(await a.call(`/api/events/${f.event.id}/participants?limit=100&${query}`));
      const present = await list(`attendance=hadir&session=${sessionId}`);
      const [p0, p1, p2, , p4] = f.participants.a;
      expect(present.participants.map((p: { id: string }) => p.id).sort()).toEqual(
        [p0!.id, p1!.id, p2!.id, p4!.id, f.participants.b[0]!.id].sort(),
      );
      expect(present.total).toBe(5);
      expect(present.attended[p0!.id]).toEqual([sessionId]);
      const absent = await list(`attendance=belum&session=${sessionId}&wave=${f.waves.a}`);
      expect(absent.total).toBe(19);
      // Only the session's wave is expected at it.
      expect((await list(`attendance=belum&session=${sessionId}`)).total).toBe(19);
      expect(absent.attended[absent.participants[0].id]).toEqual([]);
      // Without a session: admitted to any session at all.
      expect((await list('attendance=hadir')).total).toBe(5);
      expect((await a.call(`/api/events/${f.event.id}/participants?attendance=maybe`)).status).toBe(
        400,
      );
    });

    it('answers 404 for an unknown event and 401 without a session', async () => {
      expect((await a.call('/api/events/ZZZZZZZZZZZZZZZZ/attendance/summary')).status).toBe(404);
      const res = await a.app.request(`/api/events/${f.event.id}/attendance/summary`);
      expect(res.status).toBe(401);
    });
  });
}
