// Certificate eligibility on SQLite and PostgreSQL (issue 12, acceptance 1 and 6): the rule per
// wave judged against the folded attendance (undos, double admissions), with reasons in data the
// page puts in words; admin overrides either way with a reason, in the audit log; a rule naming a
// deleted session, a wave with no sessions, a participant cancelled after attending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { EligibilityReport, WaveEligibility } from '../shared/api/eligibility.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`certificate eligibility on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let east: PairResult;
    let west: PairResult;
    let s1: string;
    let s2: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Sertifikat');
      s1 = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      const second = await a.call(`/api/waves/${f.waves.a}/sessions`, {
        json: { name: 'Hari 2', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
      });
      s2 = (await json(second)).id;
      const door = { door: 'Pintu', waveIds: [f.waves.a] };
      east = await pairAtDoor(a, f.event.id, { ...door, name: 'Timur' });
      west = await pairAtDoor(a, f.event.id, { ...door, name: 'Barat' });
      const [p0, p1, p2, , p4] = f.participants.a;
      const undone = scan(east, s2, p1!.id);
      await push(a, east, [
        scan(east, s1, p0!.id),
        scan(east, s1, p1!.id),
        undone,
        scan(east, s2, p1!.id, { kind: 'undo', verdict: null, undoes: undone.id }),
        scan(east, s1, p2!.id),
        scan(east, s2, p2!.id),
        scan(east, s1, p4!.id),
        scan(east, s2, p4!.id),
      ]);
      // The same person admitted again at another door: still one attendance.
      await push(a, west, [scan(west, s1, p2!.id)]);
    });
    afterAll(async () => t?.dispose());

    const report = async (): Promise<EligibilityReport> =>
      json(await a.call(`/api/events/${f.event.id}/eligibility`));
    const waveA = (r: EligibilityReport): WaveEligibility =>
      r.waves.find((w) => w.waveId === f.waves.a)!;
    const row = (w: WaveEligibility, i: number) =>
      w.participants.find((p) => p.participantId === f.participants.a[i]!.id)!;
    const setRule = (waveId: string, rule: unknown) =>
      a.call(`/api/waves/${waveId}/eligibility-rule`, { method: 'PUT', json: rule });

    it('by default every session is required, and says which one was missed', async () => {
      const w = waveA(await report());
      expect(w.defaultRule).toBe(true);
      expect(w.sessions.map((s) => s.id)).toEqual([s1, s2]);
      expect(row(w, 0)).toMatchObject({
        eligible: false,
        attended: [s1],
        reasons: [{ kind: 'absent', sessionId: s2, sessionName: 'Hari 2' }],
      });
      // The undone admission does not count; the double admission counts once.
      expect(row(w, 1)).toMatchObject({ eligible: false, attended: [s1] });
      expect(row(w, 2)).toMatchObject({ eligible: true, attended: [s1, s2], reasons: [] });
      expect(w.eligible).toBe(2); // p2 and p4
      expect(w.notEligible).toBe(f.participants.a.length - 2);
    });

    it('follows the rule the organizer sets: at least N, mandatory sessions', async () => {
      expect((await setRule(f.waves.a, { all: false, atLeast: 1, mandatory: [] })).status).toBe(
        200,
      );
      expect(row(waveA(await report()), 0).eligible).toBe(true);
      const res = await setRule(f.waves.a, { all: false, atLeast: null, mandatory: [s2] });
      const w = waveA(await json(res));
      expect(w.defaultRule).toBe(false);
      expect(row(w, 0)).toMatchObject({
        eligible: false,
        reasons: [{ kind: 'absent', sessionId: s2 }],
      });
      expect(row(w, 2).eligible).toBe(true);
    });

    it('refuses a rule with nothing required or a session of another wave, in words', async () => {
      const empty = await setRule(f.waves.a, { all: false, atLeast: null, mandatory: [] });
      expect(empty.status).toBe(400);
      const other = await setRule(f.waves.a, { all: false, atLeast: null, mandatory: ['NOPE'] });
      expect(other.status).toBe(400);
      const body = await json(other);
      expect(body.error.code).toBe('unknown-session');
      expect(body.error.messages.id).toContain('tidak ada di gelombang ini');
      expect((await setRule('NOPE', { all: true, atLeast: null, mandatory: [] })).status).toBe(404);
    });

    it('an admin override wins either way, with the reason, in the audit log; and can be removed', async () => {
      const p3 = f.participants.a[3]!;
      const over = await a.call(`/api/participants/${p3.id}/eligibility-override`, {
        method: 'PUT',
        json: { eligible: true, reason: 'Hadir, tetapi tablet pintu rusak' },
      });
      expect(over.status).toBe(200);
      const r3 = row(waveA(await json(over)), 3);
      expect(r3).toMatchObject({
        eligible: true,
        byRule: false,
        override: { eligible: true, reason: 'Hadir, tetapi tablet pintu rusak', by: 'panitia' },
      });
      const p2 = f.participants.a[2]!;
      const against = await a.call(`/api/participants/${p2.id}/eligibility-override`, {
        method: 'PUT',
        json: { eligible: false, reason: 'Pulang sebelum ujian' },
      });
      expect(row(waveA(await json(against)), 2)).toMatchObject({ eligible: false, byRule: true });
      const noReason = await a.call(`/api/participants/${p2.id}/eligibility-override`, {
        method: 'PUT',
        json: { eligible: true, reason: ' ' },
      });
      expect(noReason.status).toBe(400);
      const log = await json(await a.call('/api/audit'));
      const actions = (log.entries as { action: string; details: { reason?: string } }[]).filter(
        (e) => e.action === 'eligibility-override',
      );
      expect(actions.map((e) => e.details.reason)).toEqual(
        expect.arrayContaining(['Hadir, tetapi tablet pintu rusak', 'Pulang sebelum ujian']),
      );
      const removed = await a.call(`/api/participants/${p2.id}/eligibility-override`, {
        method: 'DELETE',
      });
      expect(row(waveA(await json(removed)), 2)).toMatchObject({ eligible: true, override: null });
      const again = await a.call(`/api/participants/${p2.id}/eligibility-override`, {
        method: 'DELETE',
      });
      expect(again.status).toBe(404);
    });

    it('a participant cancelled after attending is not eligible, and says so', async () => {
      const p4 = f.participants.a[4]!;
      expect(row(waveA(await report()), 4).eligible).toBe(true);
      await a.call(`/api/participants/${p4.id}/cancel`, { method: 'POST' });
      expect(row(waveA(await report()), 4)).toMatchObject({
        eligible: false,
        status: 'cancelled',
        reasons: [{ kind: 'cancelled' }],
      });
    });

    it('a rule naming a deleted session, and a wave with no sessions: clear answers, no 500', async () => {
      const s3 = (
        await json(
          await a.call(`/api/waves/${f.waves.a}/sessions`, {
            json: { name: 'Hari 3', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
          }),
        )
      ).id as string;
      await setRule(f.waves.a, { all: false, atLeast: null, mandatory: [s2, s3] });
      expect((await a.call(`/api/sessions/${s3}`, { method: 'DELETE' })).status).toBe(204);
      const w = waveA(await report());
      expect(w.ruleProblems).toEqual([{ kind: 'unknown-session', sessionId: s3 }]);
      // The rest of the rule still applies.
      expect(row(w, 2).eligible).toBe(true);
      expect(row(w, 0).eligible).toBe(false);

      const empty = (await report()).waves.find((x) => x.waveId === f.waves.c)!;
      expect(empty.sessions).toEqual([]);
      expect(empty.ruleProblems).toEqual([{ kind: 'no-sessions' }]);
      expect(empty.participants[0]).toMatchObject({
        eligible: false,
        reasons: [{ kind: 'no-sessions' }],
      });
      expect((await a.call('/api/events/NOPE/eligibility')).status).toBe(404);
    });
  });
}
