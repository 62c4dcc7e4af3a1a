// The "Perlu diperiksa" list on SQLite and PostgreSQL: every kind of scan that needs an
// organizer's look appears with why, and a mark records who reviewed it and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { ReviewReport } from '../shared/api/review.js';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`review list on ${kind.name}`, () => {
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
      f = await seedDoorEvent(a, t, 'Daftar Periksa');
      sessionA = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      const b = await a.call(`/api/waves/${f.waves.b}/sessions`, {
        json: { name: 'Hari 1 B', startsAt: WAVE_1.startsAt, endsAt: WAVE_1.endsAt },
      });
      sessionB = (await json(b)).id;
      east = await pairAtDoor(a, f.event.id, {
        name: 'Timur',
        door: 'Pintu Timur',
        waveIds: [f.waves.a],
      });
      west = await pairAtDoor(a, f.event.id, {
        name: 'Barat',
        door: 'Pintu Barat',
        waveIds: [f.waves.a],
      });
    });
    afterAll(async () => t?.dispose());

    const review = async (): Promise<ReviewReport> =>
      json(await a.call(`/api/events/${f.event.id}/review`));

    it('starts empty, behind sign-in, and 404 for an unknown event', async () => {
      expect(await review()).toMatchObject({ items: [], open: 0 });
      expect((await a.app.request(`/api/events/${f.event.id}/review`)).status).toBe(401);
      expect((await a.call('/api/events/NOPE/review')).status).toBe(404);
      const mark = await a.call('/api/events/NOPE/review/marks', { json: { key: 'x' } });
      expect(mark.status).toBe(404);
    });

    it('gathers check-ins by hand, walk-ins, overrides, double admissions and refusals, each with why', async () => {
      const [p0, p1, p2] = f.participants.a;
      await push(a, east, [
        scan(east, sessionA, p0!.id, { flags: ['manual-search'] }),
        scan(east, sessionA, null, {
          kind: 'walk-in',
          verdict: null,
          walkIn: { name: 'Bu Tamu', business: 'Warung Tamu', phone: '081234567890' },
        }),
        scan(east, sessionA, p1!.id, { kind: 'override', verdict: null }),
        scan(east, sessionA, p2!.id),
        // A session outside the tablet's waves: refused by the server.
        scan(east, sessionB, f.participants.b[0]!.id),
      ]);
      await push(a, west, [scan(west, sessionA, p2!.id)]);
      const r = await review();
      const reasons = r.items.map((i) => i.reason).sort();
      expect(reasons).toEqual(
        ['double-admission', 'manual-search', 'override', 'rejected', 'walk-in'].sort(),
      );
      expect(r.open).toBe(5);
      const byReason = new Map(r.items.map((i) => [i.reason, i]));
      expect(byReason.get('manual-search')).toMatchObject({
        name: p0!.name,
        business: p0!.business,
        door: 'Pintu Timur',
        deviceName: 'Timur',
        volunteer: 'Sari',
      });
      expect(byReason.get('walk-in')?.name).toBe('Bu Tamu');
      expect(byReason.get('double-admission')).toMatchObject({ name: p2!.name });
      const refused = byReason.get('rejected')!;
      expect(refused.name).toBe(f.participants.b[0]!.name);
      expect(refused.detail).toMatch(/ \/ /); // the server's reason, Indonesian / English
    });

    it('marks an item reviewed with who and when, and can take the mark back', async () => {
      const before = await review();
      const item = before.items.find((i) => i.reason === 'rejected')!;
      const res = await a.call(`/api/events/${f.event.id}/review/marks`, {
        json: { key: item.key },
      });
      expect(res.status).toBe(200);
      const after: ReviewReport = await json(res);
      const marked = after.items.find((i) => i.key === item.key)!;
      expect(marked.reviewed?.by).toBe('panitia');
      expect(Date.parse(marked.reviewed!.at)).toBeGreaterThan(Date.now() - 60_000);
      expect(after.open).toBe(before.open - 1);
      // Stored server-side: a fresh read still has it.
      expect((await review()).items.find((i) => i.key === item.key)?.reviewed?.by).toBe('panitia');
      const back: ReviewReport = await json(
        await a.call(`/api/events/${f.event.id}/review/marks`, {
          json: { key: item.key, reviewed: false },
        }),
      );
      expect(back.open).toBe(before.open);
    });

    it('drops a flagged scan the volunteer undid', async () => {
      const p = f.participants.a[5]!;
      const flagged = scan(east, sessionA, p.id, { flags: ['manual-search'] });
      await push(a, east, [flagged]);
      const n = (await review()).items.length;
      await push(a, east, [
        scan(east, sessionA, p.id, { kind: 'undo', verdict: null, undoes: flagged.id }),
      ]);
      expect((await review()).items.length).toBe(n - 1);
    });
  });
}
