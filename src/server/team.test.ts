// The organizer team end to end in-process, on SQLite and PostgreSQL: one-time invitations with a
// role, role changes and removal (sessions end at once), the last admin kept, password changes,
// signing out everywhere, and the audit log of what members did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, TeamList } from '../shared/api/team.js';
import { hashSecret } from './auth/tokens.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { pairTablet, seedDoorEvent } from './testing/devices.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';
import type { TestMember } from './testing/team.js';
import { callAs, inviteMember, tokenOf } from './testing/team.js';

const post = (a: TestApp, path: string, body: unknown) =>
  a.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const login = (a: TestApp, username: string, password: string) =>
  post(a, '/api/auth/login', { username, password });

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`the organizer team on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan UMKM 2026');
    });
    afterAll(async () => t?.dispose());

    const auditLog = async (): Promise<AuditEntry[]> =>
      (await json(await a.call('/api/audit'))).entries;

    it('makes the first organizer (from the setup link) admin', async () => {
      expect(await json(await a.call('/api/auth/me'))).toMatchObject({
        username: 'panitia',
        role: 'admin',
      });
    });

    it('invites with a one-time link: hashed at rest, shown by role, used once', async () => {
      const res = await a.call('/api/team/invitations', { json: { role: 'pemantau' } });
      expect(res.status).toBe(201);
      const invite = await json(res);
      expect(invite.link).toMatch(/^https:\/\/hadir\.test\/admin\/invite#[\w-]{40,}$/);
      const token = tokenOf(invite.link);
      const stored = await t.store.db.selectFrom('organizer_invitations').selectAll().execute();
      expect(stored.map((r) => r.token_hash)).toContain(hashSecret(token));
      expect(JSON.stringify(stored)).not.toContain(token);

      const team: TeamList = await json(await a.call('/api/team'));
      expect(team.invitations).toMatchObject([
        { id: invite.id, role: 'pemantau', createdBy: 'panitia' },
      ]);

      const peek = await post(a, '/api/team/invitations/peek', { token });
      expect(await json(peek)).toMatchObject({ role: 'pemantau', invitedBy: 'panitia' });

      const accepted = await post(a, '/api/team/invitations/accept', {
        token,
        username: 'Dewi.Pemantau',
        password: 'rahasia-dewi-1',
      });
      expect(accepted.status).toBe(201);
      expect(await json(accepted)).toMatchObject({ username: 'dewi.pemantau', role: 'pemantau' });
      const me = await callAs(a, cookieOf(accepted), '/api/auth/me');
      expect(await json(me)).toMatchObject({ username: 'dewi.pemantau', role: 'pemantau' });

      const again = await post(a, '/api/team/invitations/accept', {
        token,
        username: 'orang-lain',
        password: 'rahasia-lain-1',
      });
      expect(again.status).toBe(410);
      expect((await json(again)).error.code).toBe('invitation-used');
      expect((await json(await a.call('/api/team'))).invitations).toEqual([]);
    });

    it('refuses expired, cancelled and unknown links, and a username already in use', async () => {
      const make = async () =>
        json(await a.call('/api/team/invitations', { json: { role: 'staf' } }));
      const old = await make();
      await t.store.db
        .updateTable('organizer_invitations')
        .set({ expires_at: Date.now() - 1 })
        .where('id', '=', old.id)
        .execute();
      const expired = await post(a, '/api/team/invitations/peek', { token: tokenOf(old.link) });
      expect(expired.status).toBe(410);
      expect((await json(expired)).error.code).toBe('invitation-expired');

      const cancelled = await make();
      expect(
        (await a.call(`/api/team/invitations/${cancelled.id}`, { method: 'DELETE' })).status,
      ).toBe(204);
      const gone = await post(a, '/api/team/invitations/peek', { token: tokenOf(cancelled.link) });
      expect(gone.status).toBe(404);
      const body = (await json(gone)).error;
      expect(body.code).toBe('invitation-unknown');
      expect(body.messages.id).toMatch(/undangan/);
      expect(body.messages.en).toMatch(/invitation/);

      const fresh = await make();
      const taken = await post(a, '/api/team/invitations/accept', {
        token: tokenOf(fresh.link),
        username: 'PANITIA',
        password: 'rahasia-panitia-2',
      });
      expect(taken.status).toBe(409);
      expect((await json(taken)).error.code).toBe('username-taken');
      // The link was not spent by the refusal.
      expect(
        (await post(a, '/api/team/invitations/peek', { token: tokenOf(fresh.link) })).status,
      ).toBe(200);
    });

    it('enforces roles on the server: a pemantau reads but may not import or cancel', async () => {
      const p = await inviteMember(a, 'pemantau2', 'pemantau');
      expect((await p.call(`/api/events/${f.event.id}/attendance`)).status).toBe(200);
      expect((await p.call(`/api/events/${f.event.id}/participants`)).status).toBe(200);
      const cancel = await p.call(`/api/participants/${f.participants.a[0]!.id}/cancel`, {
        method: 'POST',
      });
      expect(cancel.status).toBe(403);
      expect((await json(cancel)).error.code).toBe('forbidden');
      const imp = await p.call(`/api/events/${f.event.id}/import/preview`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'nama,no hp\nA,0811111111\n',
      });
      expect(imp.status).toBe(403);
      expect((await p.call('/api/team')).status).toBe(403);
      expect((await p.call('/api/audit')).status).toBe(403);
    });

    it('changes a role (effective on the next request) and keeps the last admin', async () => {
      const s = await inviteMember(a, 'sari', 'staf');
      const target = `/api/participants/${f.participants.a[1]!.id}/reissue`;
      expect((await s.call(target, { method: 'POST' })).status).toBe(200);

      const demote = await a.call(`/api/team/members/${s.id}`, {
        method: 'PATCH',
        json: { role: 'pemantau' },
      });
      expect(await json(demote)).toMatchObject({ username: 'sari', role: 'pemantau' });
      expect((await s.call(target, { method: 'POST' })).status).toBe(403);

      const me = (await json(await a.call('/api/auth/me'))).id;
      const self = await a.call(`/api/team/members/${me}`, {
        method: 'PATCH',
        json: { role: 'staf' },
      });
      expect(self.status).toBe(409);
      expect((await json(self)).error.code).toBe('last-admin');
      const removeSelf = await a.call(`/api/team/members/${me}`, { method: 'DELETE' });
      expect(removeSelf.status).toBe(409);

      // With a second admin, either may step down.
      await a.call(`/api/team/members/${s.id}`, { method: 'PATCH', json: { role: 'admin' } });
      const down = await s.call(`/api/team/members/${s.id}`, {
        method: 'PATCH',
        json: { role: 'staf' },
      });
      expect(down.status).toBe(200);
      expect((await json(await s.call('/api/auth/me'))).role).toBe('staf');
    });

    it('removes a member: their sessions and unused links end at once; no more sign-in', async () => {
      const m: TestMember = await inviteMember(a, 'budi', 'admin');
      const second = cookieOf(await login(a, 'budi', 'rahasia-budi-1'));
      const theirLink = (
        await json(await m.call('/api/team/invitations', { json: { role: 'staf' } }))
      ).link as string;
      expect((await m.call('/api/auth/me')).status).toBe(200);
      expect((await a.call(`/api/team/members/${m.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await m.call('/api/auth/me')).status).toBe(401);
      expect((await callAs(a, second, '/api/auth/me')).status).toBe(401);
      expect((await login(a, 'budi', 'rahasia-budi-1')).status).toBe(401);
      const link = await post(a, '/api/team/invitations/peek', { token: tokenOf(theirLink) });
      expect((await json(link)).error.code).toBe('invitation-unknown');
      const team: TeamList = await json(await a.call('/api/team'));
      expect(team.members.map((x) => x.username)).not.toContain('budi');
    });

    it('changes the password with the current one and ends the other sessions', async () => {
      const m = await inviteMember(a, 'rina', 'staf');
      const other = cookieOf(await login(a, 'rina', 'rahasia-rina-1'));
      const wrong = await m.call('/api/auth/password', {
        json: { current: 'bukan-sandinya', next: 'sandi-baru-rina-2' },
      });
      expect(wrong.status).toBe(400);
      expect((await json(wrong)).error.code).toBe('wrong-password');
      const ok = await m.call('/api/auth/password', {
        json: { current: 'rahasia-rina-1', next: 'sandi-baru-rina-2' },
      });
      expect(ok.status).toBe(204);
      expect((await m.call('/api/auth/me')).status).toBe(200);
      expect((await callAs(a, other, '/api/auth/me')).status).toBe(401);
      expect((await login(a, 'rina', 'rahasia-rina-1')).status).toBe(401);
      expect((await login(a, 'rina', 'sandi-baru-rina-2')).status).toBe(200);
    });

    it('limits wrong current passwords like sign-ins (429 after 5)', async () => {
      const m = await inviteMember(a, 'joko', 'pemantau');
      const attempt = () =>
        m.call('/api/auth/password', {
          json: { current: 'salah-terus', next: 'sandi-baru-joko-2' },
        });
      for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(400);
      const locked = await attempt();
      expect(locked.status).toBe(429);
      expect((await json(locked)).error.code).toBe('too-many-attempts');
    });

    it('signs out everywhere: every session of the member ends, others keep theirs', async () => {
      const m = await inviteMember(a, 'tono', 'pemantau');
      const other = cookieOf(await login(a, 'tono', 'rahasia-tono-1'));
      const res = await m.call('/api/auth/logout-everywhere', { method: 'POST' });
      expect(res.status).toBe(204);
      expect(res.headers.get('set-cookie')).toMatch(/hadir_session=;/);
      expect((await m.call('/api/auth/me')).status).toBe(401);
      expect((await callAs(a, other, '/api/auth/me')).status).toBe(401);
      expect((await a.call('/api/auth/me')).status).toBe(200);
    });

    it('writes the audit log: who did what, when, in which event, newest first', async () => {
      const started = Date.now();
      const staf = await inviteMember(a, 'wati', 'staf');
      const p = f.participants.c[0]!;
      expect((await staf.call(`/api/participants/${p.id}/cancel`, { method: 'POST' })).status).toBe(
        200,
      );
      const tablet = await pairTablet(a, f.event.id, [f.waves.a]);
      await staf.call(`/api/devices/${tablet.deviceId}/revoke`, { method: 'POST' });
      const preview = await json(
        await staf.call(`/api/events/${f.event.id}/import/preview?wave=${f.waves.a}`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv' },
          body: 'nama,no hp,nama usaha\nSiti Baru,0813 1111 2222,Keripik\n',
        }),
      );
      const committed = await staf.call(`/api/events/${f.event.id}/import/commit`, {
        json: { draftId: preview.draftId },
      });
      expect(await committed.text()).toContain('"done"');

      const log = await auditLog();
      const recent = log.filter((e) => Date.parse(e.at) >= started - 1000);
      const line = (action: string) => recent.find((e) => e.action === action);
      expect(line('member-invite')).toMatchObject({ actor: 'panitia', details: { role: 'staf' } });
      expect(line('member-join')).toMatchObject({ actor: 'wati', details: { role: 'staf' } });
      expect(line('participant-cancel')).toMatchObject({
        actor: 'wati',
        eventId: f.event.id,
        eventName: 'Pelatihan UMKM 2026',
        details: { participantId: p.id, name: p.name },
      });
      expect(line('device-pair')).toMatchObject({
        actor: 'panitia',
        eventId: f.event.id,
        details: { deviceId: tablet.deviceId },
      });
      expect(line('device-revoke')).toMatchObject({ actor: 'wati', eventId: f.event.id });
      expect(line('roster-import')).toMatchObject({ actor: 'wati', eventId: f.event.id });
      // Earlier tests: role changes, removal and reissues are on the log too.
      const actions = new Set(log.map((e) => e.action));
      for (const a of ['member-role', 'member-remove', 'ticket-reissue'])
        expect(actions).toContain(a);
      expect(log.map((e) => e.id)).toEqual([...log.map((e) => e.id)].sort((x, y) => y - x));
      const older = await json(await a.call(`/api/audit?before=${log[2]!.id}&limit=2`));
      expect(older.entries.map((e: AuditEntry) => e.id)).toEqual([log[3]!.id, log[4]!.id]);
    });
  });
}
