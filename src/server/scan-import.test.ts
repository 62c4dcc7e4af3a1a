// The organizer's side of "nothing lost": a revoked tablet's exported scans imported once (and
// again, harmlessly), checked like a push from that tablet; attendance exported as CSV for the
// certificates with corrected WIB times and formulas neutralised. SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { ScanImportResult } from '../shared/api/sync.js';
import { UNSYNCED_FILE_FORMAT } from '../shared/api/sync.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`scan import and attendance export on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let tablet: PairResult;
    let session: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan UMKM 2026');
      session = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      tablet = await pairAtDoor(a, f.event.id, {
        name: 'Tablet Hilang',
        door: 'Pintu Selatan',
        waveIds: [f.waves.a],
      });
    });
    afterAll(async () => t?.dispose());

    const importFile = (body: unknown, eventId = f.event.id) =>
      a.call(`/api/events/${eventId}/scans/import`, { json: body });

    it('imports a revoked tablet’s unsynced scans once, however often the file comes', async () => {
      const people = f.participants.a.slice(0, 3);
      const events = people.map((p) => scan(tablet, session, p.id));
      const bad = { ...scan(tablet, session, f.participants.a[5]!.id), deviceId: 'SOMEONEELSE' };
      expect(
        (await a.call(`/api/devices/${tablet.deviceId}/revoke`, { method: 'POST' })).status,
      ).toBe(200);
      const file = {
        format: UNSYNCED_FILE_FORMAT,
        deviceId: tablet.deviceId,
        eventId: f.event.id,
        door: tablet.door,
        exportedAt: new Date().toISOString(),
        events: [...events, bad, { id: 'broken' }],
      };
      const first = await importFile(file);
      expect(first.status).toBe(200);
      const r1: ScanImportResult = await json(first);
      expect(r1).toMatchObject({ stored: 3, duplicate: 0, conflict: 0, rejected: 2 });
      expect(r1.problems.map((p) => p.code).sort()).toEqual(['invalid-event', 'wrong-device']);
      const r2: ScanImportResult = await json(await importFile(file));
      expect(r2).toMatchObject({ stored: 0, duplicate: 3, rejected: 2 });
      const attendance = await json(await a.call(`/api/events/${f.event.id}/attendance`));
      const s = attendance.sessions.find((x: { sessionId: string }) => x.sessionId === session);
      expect(s.count).toBe(3);
    });

    it('refuses a file of another event, and anyone not signed in', async () => {
      const other = await json(await a.call('/api/events', { json: { name: 'Acara Lain' } }));
      const file = {
        format: UNSYNCED_FILE_FORMAT,
        deviceId: tablet.deviceId,
        eventId: f.event.id,
        events: [],
      };
      const res = await importFile(file, other.id);
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('unsynced-file-other-event');
      const anonymous = await a.app.request(`/api/events/${f.event.id}/scans/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(file),
      });
      expect(anonymous.status).toBe(401);
      const notAFile = await importFile({ format: 'something-else', events: [] });
      expect(notAFile.status).toBe(400);
    });

    it('exports attendance as CSV with WIB times and neutralised formulas', async () => {
      const live = await pairAtDoor(a, f.event.id, {
        name: 'Tablet 2',
        door: 'Pintu Utara',
        waveIds: [f.waves.a],
      });
      const walkIn = scan(live, session, null, {
        kind: 'walk-in',
        walkIn: { name: '=HYPERLINK("http://x")', business: 'Kopi', phone: '+628120000001' },
        deviceTime: Date.parse('2026-12-08T08:15:00+07:00'),
      });
      await push(a, live, [walkIn]);
      const res = await a.call(`/api/events/${f.event.id}/attendance.csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // Excel reads UTF-8 by its BOM
      const text = new TextDecoder().decode(bytes);
      expect(text.startsWith('sesi;id_sesi;id_peserta;nama;nama_usaha;no_hp;')).toBe(true);
      expect(text).toContain(f.participants.a[0]!.name);
      expect(text).toContain(`'=HYPERLINK`);
      expect(text).toMatch(/;0812-000-0001;2026-12-08 08:15:00;Pintu Utara;Tablet 2;Sari;ya;ya/);
      expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 4);
    });
  });
}
