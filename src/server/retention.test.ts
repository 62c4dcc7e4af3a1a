// Retention of personal data (issue 13, acceptance 8) on SQLite and PostgreSQL: the retention
// day set and checked; erasing on demand (admins only, the event's name typed exactly); what
// erasure changes (NIK, phone, e-mail for everyone; names kept only for certificate holders;
// walk-in phones cut to their last four digits in the stored scans; import drafts gone) and
// what it keeps (attendance, the recap, certificate status and view, every scan); the schedule
// (not before the day, on it), idempotence, and the audit lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceReport } from '../shared/api/attendance.js';
import type { PairResult } from '../shared/api/door.js';
import type { RetentionInfo } from '../shared/api/retention.js';
import { ERASED_NAME, dueAt, suggestedRetention } from '../shared/api/retention.js';
import type { ReviewReport } from '../shared/api/review.js';
import type { ScanEvent } from '../shared/door/types.js';
import type { AuditEntry } from '../shared/api/team.js';
import { eraseDueEvents } from './retention/erase.js';
import type { Store } from './store/database.js';
import { openStore } from './store/database.js';
import { loadReportContext } from './scans/report-context.js';
import { attendanceReport } from './scans/report.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';
import { inviteMember } from './testing/team.js';

describe('the suggested retention day', () => {
  it('is 90 days after the last wave ends, as a WIB day', () => {
    expect(suggestedRetention([])).toBeNull();
    expect(suggestedRetention(['2026-12-08T16:00:00+07:00', '2026-12-10T23:30:00+07:00'])).toBe(
      '2027-03-10',
    );
    expect(dueAt('2027-03-10')).toBe(Date.UTC(2027, 2, 9, 17));
  });
});

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`retention on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let walkIn: ScanEvent;
    let tablet: PairResult;
    /** A second server process's store on the same database: its own fold cache. */
    let second: Store;
    const NAME = 'Pelatihan Retensi 2026';
    const pA = (i: number) => f.participants.a[i]!;
    const base = () => `/api/events/${f.event.id}/retention`;
    const participants = () =>
      t.store.db
        .selectFrom('participants')
        .selectAll()
        .where('event_id', '=', f.event.id)
        .orderBy('id')
        .execute();
    const counts = async () => {
      const report: AttendanceReport = await json(
        await a.call(`/api/events/${f.event.id}/attendance`),
      );
      return report.sessions.map((s) => ({
        sessionId: s.sessionId,
        count: s.count,
        people: s.attendees.map((x) => [x.personId, x.admissions]),
      }));
    };
    const recap = async () => json(await a.call(`/api/events/${f.event.id}/recap`));
    let certId: string;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, NAME);
      const s1 = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      tablet = await pairAtDoor(a, f.event.id, {
        name: 'Tablet',
        door: 'Pintu',
        waveIds: [f.waves.a],
      });
      walkIn = scan(tablet, s1, null, {
        kind: 'walk-in',
        verdict: null,
        walkIn: { name: 'Pak Darmaji', business: 'Warung Darmaji', phone: '0813 1111 2222' },
      });
      await push(a, tablet, [...[0, 1, 2, 3].map((i) => scan(tablet, s1, pA(i).id)), walkIn]);
      // A walk-in the server refused (unknown session) is kept for the organizer as it came.
      const refused = await push(a, tablet, [
        scan(tablet, 'NOPE', null, {
          kind: 'walk-in',
          verdict: null,
          walkIn: { name: 'Bu Sumi', business: 'Jamu Sumi', phone: '0857 3333 4444' },
        }),
      ]);
      expect(refused.results[0]!.status).toBe('rejected');
      // p0 holds a certificate (then revoked: any status keeps the name), p1 a valid one.
      const c0 = await a.call(`/api/participants/${pA(0).id}/certificate`, { method: 'POST' });
      const c1 = await a.call(`/api/participants/${pA(1).id}/certificate`, { method: 'POST' });
      expect([c0.status, c1.status]).toEqual([201, 201]);
      certId = (await json(c1)).id;
      const revoke = await a.call(`/api/certificates/${(await json(c0)).id}/revoke`, {
        json: { reason: 'Salah cetak' },
      });
      expect(revoke.status).toBe(200);
      // p2 is cancelled: the audit line names them until the erasure.
      const cancel = await a.call(`/api/participants/${pA(2).id}/cancel`, { method: 'POST' });
      expect(cancel.status).toBe(200);
      // An import left half-way: its draft holds the uploaded rows.
      const preview = await a.call(`/api/events/${f.event.id}/import/preview?wave=${f.waves.a}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'nama,usaha,hp,nik\nBu Ratna,Kue Ratna,081299998888,3674010101010001\n',
      });
      expect(preview.status).toBe(200);
      second = t.store.databaseUrl
        ? await openStore({ databaseUrl: t.store.databaseUrl })
        : await openStore({ sqlitePath: t.store.sqlite!.name });
      // It has folded the walk-in as the door typed it.
      const primed = await loadReportContext(second, f.event.id);
      expect(primed.byId.get(walkIn.id)!.event.walkIn!.phone).toBe('0813 1111 2222');
    });
    afterAll(async () => {
      await second?.close();
      await t?.dispose();
    });

    it('suggests a day, saves a valid one and refuses a wrong one in words', async () => {
      const first: RetentionInfo = await json(await a.call(base()));
      expect(first).toMatchObject({ retainUntil: null, erasedAt: null, erasedBy: null });
      expect(first.suggested).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const past = await a.call(base(), { method: 'PUT', json: { retainUntil: '2020-01-01' } });
      expect(past.status).toBe(400);
      expect((await json(past)).error.messages.id).toMatch(/harus sesudah hari ini/);
      for (const bad of ['2027-02-30', '10/03/2027', 'besok']) {
        const res = await a.call(base(), { method: 'PUT', json: { retainUntil: bad } });
        expect(res.status).toBe(400);
        const body = await json(res);
        expect(body.error.messages.id).toMatch(/tanggal/i);
        expect(body.error.messages.en).toMatch(/date/i);
      }
      const saved = await a.call(base(), { method: 'PUT', json: { retainUntil: '2099-01-31' } });
      expect(saved.status).toBe(200);
      expect((await json(saved)).retainUntil).toBe('2099-01-31');
      expect((await a.call(`/api/events/NOPE/retention`)).status).toBe(404);
    });

    it('lets only an admin erase, and only with the event name typed exactly', async () => {
      const staf = await inviteMember(a, 'staf1', 'staf');
      const byStaf = await staf.call(`${base()}/erase`, { json: { confirmName: NAME } });
      expect(byStaf.status).toBe(403);
      expect((await staf.call(base(), { method: 'PUT', json: { retainUntil: null } })).status).toBe(
        403,
      );
      const wrong = await a.call(`${base()}/erase`, { json: { confirmName: 'Pelatihan' } });
      expect(wrong.status).toBe(400);
      const body = await json(wrong);
      expect(body.error.code).toBe('confirm-name-mismatch');
      expect(body.error.messages.id).toContain(`"${NAME}"`);
      expect((await participants()).every((p) => p.phone !== '')).toBe(true);
    });

    it('erases NIK, phone and e-mail, keeps names of certificate holders, keeps every count', async () => {
      const before = { counts: await counts(), recap: await recap(), rows: await participants() };
      const scansBefore = await t.store.db
        .selectFrom('scan_events')
        .select(['id', 'participant_id', 'session_id', 'kind'])
        .orderBy('seq')
        .execute();
      expect(before.rows.some((p) => p.nik !== null && p.email !== null)).toBe(true);
      const res = await a.call(`${base()}/erase`, {
        json: { confirmName: ` ${NAME.toUpperCase()}` },
      });
      expect(res.status).toBe(200);
      const answer = await json(res);
      expect(answer.erased).toBe(before.rows.length);
      expect(answer.retention.erasedBy).toBe('panitia');
      expect(answer.retention.erasedAt).toEqual(expect.any(String));

      const rows = await participants();
      expect(rows).toHaveLength(before.rows.length);
      for (const p of rows) {
        expect(p).toMatchObject({ phone: '', email: null, nik: null });
        const was = before.rows.find((b) => b.id === p.id)!;
        const holder = p.id === pA(0).id || p.id === pA(1).id;
        expect(p.name).toBe(holder ? was.name : ERASED_NAME);
        expect(p.status).toBe(was.status);
      }
      expect(await counts()).toEqual(before.counts);
      expect(await recap()).toEqual(before.recap);
      expect(
        await t.store.db
          .selectFrom('scan_events')
          .select(['id', 'participant_id', 'session_id', 'kind'])
          .orderBy('seq')
          .execute(),
      ).toEqual(scansBefore);
      // The certificate still answers, with its holder's name.
      const status = await json(await a.app.request(`/api/certificate-status/${certId}`));
      expect(status.status).toBe('valid');
      const view = await json(await a.app.request(`/api/certificate-view/${certId}`));
      expect(JSON.stringify(view)).toContain(pA(1).name);
      const refused = await t.store.db
        .selectFrom('scan_rejections')
        .select('body')
        .where('event_id', '=', f.event.id)
        .execute();
      expect(refused).toHaveLength(1);
      expect(refused[0]!.body).toContain('"4444"');
      expect(refused[0]!.body).not.toMatch(/0857|Sumi/);
      // The import draft is gone.
      const drafts = await t.store.db
        .selectFrom('import_drafts')
        .select('id')
        .where('event_id', '=', f.event.id)
        .execute();
      expect(drafts).toEqual([]);
      // The audit log keeps what was done, but names only the certificate holders.
      const log: { entries: AuditEntry[] } = await json(await a.call('/api/audit'));
      const about = (action: string) =>
        log.entries.filter((e) => e.action === action && e.eventId === f.event.id);
      expect(about('participant-cancel').map((e) => e.details)).toEqual([
        { participantId: pA(2).id, name: ERASED_NAME },
      ]);
      expect(about('certificate-issue').map((e) => e.details.name)).toEqual(
        expect.arrayContaining([pA(0).name, pA(1).name]),
      );
      expect(JSON.stringify(log)).not.toContain(pA(2).name);
    });

    it('cuts the walk-in phone to its last four digits in the stored scan, still folded', async () => {
      const row = await t.store.db
        .selectFrom('scan_events')
        .select('body')
        .where('id', '=', walkIn.id)
        .executeTakeFirstOrThrow();
      expect(row.body).not.toContain('0813');
      expect(row.body).not.toContain('Darmaji');
      const review: ReviewReport = await json(await a.call(`/api/events/${f.event.id}/review`));
      const item = review.items.find((i) => i.walkIn?.scanId === walkIn.id)!;
      expect(item.walkIn).toMatchObject({ phone: '2222', name: ERASED_NAME });
      const report: AttendanceReport = await json(
        await a.call(`/api/events/${f.event.id}/attendance`),
      );
      const person = report.sessions
        .flatMap((s) => s.attendees)
        .find((x) => x.personId === walkIn.id);
      expect(person).toMatchObject({ walkIn: true, name: ERASED_NAME });
      // The cached fold (dropped on erasure) and a cold refold of the rewritten bodies agree.
      const cold = attendanceReport(await loadReportContext(t.store, f.event.id, { refold: true }));
      // The other process refolds too: its cached walk-in is redacted.
      const other = await loadReportContext(second, f.event.id);
      expect(other.byId.get(walkIn.id)!.event.walkIn).toMatchObject({
        phone: '2222',
        name: ERASED_NAME,
      });
      const blank = { serverTime: '', cursor: 0, epoch: '' };
      expect({ ...report, ...blank }).toEqual({ ...cold, ...blank });
    });

    it('takes the tablet re-pushing its original walk-in as a duplicate, not a conflict', async () => {
      const again = await push(a, tablet, [walkIn]);
      expect(again.results).toEqual([
        expect.objectContaining({ id: walkIn.id, status: 'duplicate' }),
      ]);
      const kept = await t.store.db
        .selectFrom('scan_conflicts')
        .select('body')
        .where('event_id', '=', f.event.id)
        .execute();
      expect(kept).toEqual([]);
    });

    it('is idempotent and audited', async () => {
      const again = await a.call(`${base()}/erase`, { json: { confirmName: NAME } });
      expect((await json(again)).erased).toBe(0);
      const audit = await json(await a.call('/api/audit'));
      const erases = audit.entries.filter(
        (e: { action: string; eventId: string }) =>
          e.action === 'personal-data-erase' && e.eventId === f.event.id,
      );
      expect(erases.map((e: { details: unknown }) => e.details)).toEqual([
        { name: NAME, participants: 0, scheduled: false },
        {
          name: NAME,
          participants: f.participants.a.length + f.participants.b.length + f.participants.c.length,
          scheduled: false,
        },
      ]);
      expect(audit.entries.some((e: { action: string }) => e.action === 'retention-day')).toBe(
        true,
      );
    });

    it('erases on schedule from the start of the day (WIB), not before, and once', async () => {
      // The first event's day is cleared: this one alone is on the schedule.
      const clear = await a.call(base(), { method: 'PUT', json: { retainUntil: null } });
      expect((await json(clear)).retainUntil).toBeNull();
      const g = await seedDoorEvent(a, t, 'Acara Terjadwal');
      const put = await a.call(`/api/events/${g.event.id}/retention`, {
        method: 'PUT',
        json: { retainUntil: '2099-03-10' },
      });
      expect(put.status).toBe(200);
      const due = dueAt('2099-03-10');
      expect(await eraseDueEvents(t.store, due - 1)).toEqual([]);
      const phones = await t.store.db
        .selectFrom('participants')
        .select('phone')
        .where('event_id', '=', g.event.id)
        .execute();
      expect(phones.every((p) => p.phone !== '')).toBe(true);
      expect(await eraseDueEvents(t.store, due)).toEqual([g.event.id]);
      expect(await eraseDueEvents(t.store, due + 3_600_000)).toEqual([]);
      const after = await t.store.db
        .selectFrom('participants')
        .select(['phone', 'name'])
        .where('event_id', '=', g.event.id)
        .execute();
      expect(after.every((p) => p.phone === '' && p.name === ERASED_NAME)).toBe(true);
      const info: RetentionInfo = await json(await a.call(`/api/events/${g.event.id}/retention`));
      expect(info).toMatchObject({ erasedBy: null, erasedAt: new Date(due).toISOString() });
      const audit = await json(await a.call('/api/audit'));
      const lines = audit.entries.filter(
        (e: { action: string; eventId: string }) =>
          e.action === 'personal-data-erase' && e.eventId === g.event.id,
      );
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        actor: null,
        details: { participants: after.length, scheduled: true },
      });
    });
  });
}
