// A walk-in registered at a door, confirmed by the organizer as a participant (issue 11, badges
// and walk-ins): on SQLite and PostgreSQL the participant gets a ticket, the walk-in's attendance
// becomes theirs, a second confirmation is refused, and two at once make one participant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceReport } from '../shared/api/attendance.js';
import type { PairResult } from '../shared/api/door.js';
import type { ReviewReport } from '../shared/api/review.js';
import type { ParticipantList } from '../shared/api/schemas.js';
import type { ScanEvent } from '../shared/door/types.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`walk-in confirmed as a participant on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let door: PairResult;
    let session: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Tamu di Pintu');
      session = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      door = await pairAtDoor(a, f.event.id, {
        name: 'Utara',
        door: 'Pintu Utara',
        waveIds: [f.waves.a],
      });
    });
    afterAll(async () => t?.dispose());

    const walkIn = (name: string, phone: string): ScanEvent =>
      scan(door, session, null, {
        kind: 'walk-in',
        verdict: null,
        walkIn: { name, business: `Usaha ${name}`, phone },
      });
    const walkInItem = async (scanId: string) => {
      const r: ReviewReport = await json(await a.call(`/api/events/${f.event.id}/review`));
      return r.items.find((i) => i.walkIn?.scanId === scanId)!;
    };
    const register = (scanId: string, body: Record<string, unknown>) =>
      a.call(`/api/events/${f.event.id}/walk-ins/${scanId}/register`, { json: body });

    it('lists the walk-in with what the door typed and its wave, not yet a participant', async () => {
      const w = walkIn('Pak Darmaji', '0813 1111 2222');
      await push(a, door, [w]);
      const item = await walkInItem(w.id);
      expect(item.walkIn).toMatchObject({
        name: 'Pak Darmaji',
        business: 'Usaha Pak Darmaji',
        phone: '0813 1111 2222',
        waveId: f.waves.a,
        participantId: null,
      });
    });

    it('makes them a participant with a ticket, and their door attendance counts as theirs', async () => {
      const w = walkIn('Bu Ratna', '081355556666');
      await push(a, door, [w]);
      const res = await register(w.id, {
        name: 'Ratna Sari Dewi',
        business: 'Kue Basah Ratna',
        phone: '081355556666',
        waveId: f.waves.a,
      });
      expect(res.status).toBe(201);
      const body = await json(res);
      expect(body.participant).toMatchObject({ name: 'Ratna Sari Dewi', phone: '+6281355556666' });
      expect(body.ticket.link).toMatch(/\/t#/);

      // The review item now names the participant.
      const item = await walkInItem(w.id);
      expect(item.walkIn?.participantId).toBe(body.participant.id);
      expect(item.name).toBe('Ratna Sari Dewi');

      // The attendance report lists the walk-in's admission under the participant.
      const report: AttendanceReport = await json(
        await a.call(`/api/events/${f.event.id}/attendance`),
      );
      const entry = report.sessions
        .find((s) => s.sessionId === session)!
        .attendees.find((e) => e.firstEventId === w.id)!;
      expect(entry).toMatchObject({ participantId: body.participant.id, name: 'Ratna Sari Dewi' });

      // And the participants list counts them present.
      const present: ParticipantList = await json(
        await a.call(`/api/events/${f.event.id}/participants?attendance=hadir&q=Ratna`),
      );
      expect(present.participants.map((p) => p.id)).toEqual([body.participant.id]);
    });

    it('refuses a second confirmation and an unknown walk-in, in words', async () => {
      const w = walkIn('Pak Tono', '081377778888');
      await push(a, door, [w]);
      const fields = { name: 'Tono', business: '', phone: '081377778888', waveId: f.waves.a };
      expect((await register(w.id, fields)).status).toBe(201);
      const again = await register(w.id, { ...fields, phone: '081377778899' });
      expect(again.status).toBe(409);
      expect((await json(again)).error.code).toBe('walk-in-confirmed');
      const unknown = await register('NOPE', fields);
      expect(unknown.status).toBe(404);
      // A check-in is not a walk-in.
      const checkIn = scan(door, session, f.participants.a[0]!.id);
      await push(a, door, [checkIn]);
      expect((await register(checkIn.id, fields)).status).toBe(404);
    });

    it('links a walk-in who was on the roster after all to that participant', async () => {
      const p = f.participants.a[3]!;
      const w = walkIn(p.name, p.phone);
      await push(a, door, [w]);
      // Registering anew would clash with the participant's phone: the answer names them.
      const clash = await register(w.id, {
        name: p.name,
        business: '',
        phone: p.phone,
        waveId: f.waves.a,
      });
      expect(clash.status).toBe(409);
      expect((await json(clash)).error.details.participantId).toBe(p.id);
      const res = await a.call(`/api/events/${f.event.id}/walk-ins/${w.id}/link`, {
        json: { participantId: p.id },
      });
      expect(res.status).toBe(200);
      expect((await json(res)).participant.id).toBe(p.id);
      expect((await walkInItem(w.id)).walkIn?.participantId).toBe(p.id);
    });

    it('two organizers confirming at once make one participant', async () => {
      const w = walkIn('Bu Sekar', '081399990000');
      await push(a, door, [w]);
      const fields = { name: 'Sekar', business: '', waveId: f.waves.a };
      const results = await Promise.all([
        register(w.id, { ...fields, phone: '081399990001' }),
        register(w.id, { ...fields, phone: '081399990002' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const page: ParticipantList = await json(
        await a.call(`/api/events/${f.event.id}/participants?q=Sekar`),
      );
      expect(page.participants).toHaveLength(1);
    });
  });
}
