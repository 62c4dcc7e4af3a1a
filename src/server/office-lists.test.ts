// The lists the office files (issue 12, acceptance 5) on SQLite and PostgreSQL: a session's
// Daftar Hadir (one line per person, sorted by name, NIK full or masked, walk-ins included) and
// its absentees (active participants only), and the recap per wave.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import type { EventRecap, SessionLists } from '../shared/api/office-lists.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';
import { callAs, inviteMember } from './testing/team.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`office lists on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let east: PairResult;
    let west: PairResult;
    let session: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Daftar Hadir');
      session = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      east = await pairAtDoor(a, f.event.id, {
        name: 'T',
        door: 'Pintu Timur',
        waveIds: [f.waves.a],
      });
      west = await pairAtDoor(a, f.event.id, {
        name: 'B',
        door: 'Pintu Barat',
        waveIds: [f.waves.a],
      });
      const [p0, p1, , p3] = f.participants.a;
      await push(a, east, [
        scan(east, session, p1!.id),
        scan(east, session, p0!.id),
        scan(east, session, null, {
          kind: 'walk-in',
          verdict: null,
          walkIn: { name: 'Bu Tamu', business: 'Warung Tamu', phone: '081299998888' },
        }),
        scan(east, session, p3!.id),
      ]);
      await push(a, west, [scan(west, session, p1!.id)]);
      await a.call(`/api/participants/${p3!.id}/cancel`, { method: 'POST' });
    });
    afterAll(async () => t?.dispose());

    const lists = async (query = ''): Promise<SessionLists> => {
      const res = await a.call(`/api/events/${f.event.id}/sessions/${session}/lists${query}`);
      expect(res.status).toBe(200);
      return json(res);
    };

    it('the Daftar Hadir: one line each, by name, with NIK, phone, time and door; walk-ins too', async () => {
      const l = await lists();
      expect(l.session.id).toBe(session);
      expect(l.wave.id).toBe(f.waves.a);
      const [p0, p1, , p3] = f.participants.a;
      const names = l.present.map((r) => r.name);
      expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'id')));
      expect(names.filter((n) => n === p1!.name)).toHaveLength(1);
      expect(names).toEqual(expect.arrayContaining([p0!.name, p1!.name, p3!.name, 'Bu Tamu']));
      const row0 = l.present.find((r) => r.participantId === p0!.id)!;
      expect(row0).toMatchObject({
        nik: p0!.nik,
        phone: p0!.phone,
        door: 'Pintu Timur',
        walkIn: false,
      });
      expect(Date.parse(row0.at!)).toBeGreaterThan(0);
      expect(l.present.find((r) => r.name === 'Bu Tamu')).toMatchObject({
        participantId: null,
        walkIn: true,
        phone: '+6281299998888',
        nik: '',
      });
    });

    it('NIK masked on request; absentees are the active participants who did not come', async () => {
      const l = await lists('?nik=masked');
      const [p0, , p2, p3] = f.participants.a;
      const nik = p0!.nik!;
      expect(l.present.find((r) => r.participantId === p0!.id)!.nik).toBe(
        `${nik.slice(0, 4)}********${nik.slice(-4)}`,
      );
      expect(l.absent.map((r) => r.participantId)).toContain(p2!.id);
      // Cancelled (after attending): not on the absentee list.
      expect(l.absent.map((r) => r.participantId)).not.toContain(p3!.id);
      expect(l.absent).toHaveLength(f.participants.a.length - 3);
      expect(l.absent.every((r) => r.at === null)).toBe(true);
    });

    it('answers an unknown session, a bad NIK choice and an unknown event in words', async () => {
      expect((await a.call(`/api/events/${f.event.id}/sessions/NOPE/lists`)).status).toBe(404);
      expect(
        (await a.call(`/api/events/${f.event.id}/sessions/${session}/lists?nik=kosong`)).status,
      ).toBe(400);
      expect((await a.call(`/api/events/NOPE/recap`)).status).toBe(404);
    });

    it('keeps the letterhead and signers for the whole team, checked, and logged', async () => {
      const url = `/api/events/${f.event.id}/list-signers`;
      expect(await json(await a.call(url))).toEqual({ signers: null });
      const signers = {
        agency: '  DINAS KOPERASI DAN UKM KOTA TANGERANG SELATAN ',
        leftTitle: 'Mengetahui, Kepala Dinas',
        leftName: 'Drs. H. Bambang Sutrisno, M.Si.',
        rightTitle: 'Penanggung jawab',
        rightName: 'Rina Marlina, S.E.',
      };
      const saved = await a.call(url, { method: 'PUT', json: signers });
      expect(saved.status).toBe(200);
      const trimmed = { ...signers, agency: 'DINAS KOPERASI DAN UKM KOTA TANGERANG SELATAN' };
      // Another staff member, signed in elsewhere, prints with the same names.
      const staf = await inviteMember(a, 'staf-daftar', 'staf');
      expect(await json(await callAs(a, staf.cookie, url))).toEqual({ signers: trimmed });
      const pemantau = await inviteMember(a, 'pemantau-daftar', 'pemantau');
      expect((await callAs(a, pemantau.cookie, url)).status).toBe(403);
      const tooLong = await a.call(url, {
        method: 'PUT',
        json: { ...signers, leftName: 'x'.repeat(121) },
      });
      expect(tooLong.status).toBe(400);
      expect((await json(tooLong)).error.messages.id).toEqual(expect.any(String));
      const missing = await a.call(url, { method: 'PUT', json: { agency: 'X' } });
      expect(missing.status).toBe(400);
      expect((await a.call('/api/events/NOPE/list-signers')).status).toBe(404);
      expect(await json(await a.call(url))).toEqual({ signers: trimmed });
      const log = await json(await a.call('/api/audit'));
      expect(
        log.entries.filter((e: { action: string }) => e.action === 'list-signers'),
      ).toHaveLength(1);
    });

    it('downloads the lists as Excel (phones and NIK as text) and as CSV with ";"', async () => {
      const res = await a.call(
        `/api/events/${f.event.id}/sessions/${session}/lists.xlsx?kind=hadir`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(
        /daftar-hadir-gelombang-a-hari-1\.xlsx/,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(await res.arrayBuffer()).slice().buffer);
      const ws = wb.worksheets[0]!;
      expect((ws.getRow(1).values as unknown[]).slice(1, 6)).toEqual([
        'No',
        'Nama',
        'Nama Usaha',
        'NIK',
        'No. HP',
      ]);
      const p0 = f.participants.a[0]!;
      let found = false;
      ws.eachRow((row, n) => {
        if (n === 1 || row.getCell(2).value !== p0.name) return;
        found = true;
        expect(row.getCell(4).value).toBe(p0.nik);
        expect(row.getCell(5).value).toBe(
          `0${p0.phone.slice(3, 6)}-${p0.phone.slice(6, 10)}-${p0.phone.slice(10)}`,
        );
      });
      expect(found).toBe(true);
      expect(ws.rowCount).toBe(1 + 4);

      const csv = await a.call(
        `/api/events/${f.event.id}/sessions/${session}/lists.csv?kind=absen`,
      );
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
      expect(text.split('\r\n')[0]).toBe('\uFEFFNo;Nama;Nama Usaha;NIK;No. HP');
      expect(text).not.toMatch(/;'?\+62/);
      const recap = await a.call(`/api/events/${f.event.id}/recap.xlsx`);
      expect(recap.status).toBe(200);
    });

    it('the recap per wave: registered, attended per session, eligible, walk-ins', async () => {
      const recap: EventRecap = await json(await a.call(`/api/events/${f.event.id}/recap`));
      const w = recap.waves.find((x) => x.waveId === f.waves.a)!;
      expect(w.registered).toBe(f.participants.a.length - 1);
      expect(w.sessions).toEqual([{ sessionId: session, name: 'Hari 1', attended: 2 }]);
      expect(w.attendedAny).toBe(2);
      // Default rule: every session (one here): p0 and p1.
      expect(w.eligible).toBe(2);
      expect(w).toMatchObject({ walkIns: 1, walkInsConfirmed: 0, certificates: 0 });
      // Issued certificates count once each.
      const issued = await a.call(`/api/waves/${f.waves.a}/certificates`, { method: 'POST' });
      expect(issued.status).toBeLessThan(300);
      const after: EventRecap = await json(await a.call(`/api/events/${f.event.id}/recap`));
      expect(after.waves.find((x) => x.waveId === f.waves.a)!.certificates).toBe(2);
      expect(recap.waves.find((x) => x.waveId === f.waves.b)).toMatchObject({
        registered: f.participants.b.length,
        sessions: [],
        eligible: 0,
      });
    });
  });
}
