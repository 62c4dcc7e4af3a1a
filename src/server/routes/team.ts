// The team (admin): members, roles, one-time invitation links; and accepting one (public).
import { Hono } from 'hono';
import { randomId } from '../../shared/base32.js';
import type {
  InvitationCreated,
  InvitationPeek,
  Member,
  PendingInvitation,
  TeamList,
} from '../../shared/api/team.js';
import {
  AcceptInvitationBody,
  INVITATION_TTL_MS,
  InvitationTokenBody,
  InviteBody,
  RoleBody,
} from '../../shared/api/team.js';
import { hashPassword } from '../auth/password.js';
import { refuseWeakPassword } from '../auth/password-rule.js';
import { startSession } from '../auth/session.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import { audit } from '../store/audit-log.js';
import type { OrganizerTable } from '../store/schema.js';
import {
  acceptInvitation,
  cancelInvitation,
  insertInvitation,
  listMembers,
  listPendingInvitations,
  peekInvitation,
  removeMember,
  setMemberRole,
} from '../store/team.js';
import { publicOrigin } from './participants.js';

const MEMBER = { id: 'Anggota tim', en: 'Team member' };
const INVITATION = { id: 'Undangan', en: 'Invitation' };

const problems = {
  lastAdmin: () =>
    fail(
      409,
      'last-admin',
      'Tim harus punya paling sedikit satu admin; jadikan orang lain admin dulu',
      'The team needs at least one admin; make someone else admin first',
    ),
  invitation: {
    unknown: () =>
      fail(
        404,
        'invitation-unknown',
        'Tautan undangan tidak dikenal atau sudah dibatalkan; minta tautan baru ke admin',
        'Unknown or cancelled invitation link; ask the admin for a new one',
      ),
    used: () =>
      fail(
        410,
        'invitation-used',
        'Tautan undangan ini sudah dipakai; silakan masuk, atau minta tautan baru ke admin',
        'This invitation link was already used; sign in, or ask the admin for a new one',
      ),
    expired: () =>
      fail(
        410,
        'invitation-expired',
        'Tautan undangan sudah kedaluwarsa; minta tautan baru ke admin',
        'The invitation link has expired; ask the admin for a new one',
      ),
  },
  taken: () =>
    fail(
      409,
      'username-taken',
      'Nama pengguna itu sudah dipakai; pilih nama lain',
      'That username is taken; choose another',
      { field: 'username' },
    ),
};

const toMember = (o: OrganizerTable): Member => ({
  id: o.id,
  username: o.username,
  role: o.role,
  createdAt: new Date(Number(o.created_at)).toISOString(),
});

/** /team… (admin) and /team/invitations/peek|accept (anyone holding the link). */
export function teamRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  r.get('/team', async (c) => {
    const pending = await listPendingInvitations(db, Date.now());
    const list: TeamList = {
      members: (await listMembers(db)).map(toMember),
      invitations: pending.map((i): PendingInvitation => ({
        id: i.id,
        role: i.role,
        createdBy: i.created_by_name,
        createdAt: new Date(Number(i.created_at)).toISOString(),
        expiresAt: new Date(Number(i.expires_at)).toISOString(),
      })),
    };
    return c.json(list);
  });

  r.post('/team/invitations', async (c) => {
    const body = await readJson(c, InviteBody);
    const me = c.get('organizer');
    const token = newSecret();
    const now = Date.now();
    const id = randomId(8);
    await insertInvitation(db, {
      id,
      token_hash: hashSecret(token),
      role: body.role,
      created_by: me.id,
      created_at: now,
      expires_at: now + INVITATION_TTL_MS,
      used_at: null,
      used_by: null,
      cancelled_at: null,
    });
    await audit(db, { actorId: me.id, action: 'member-invite', details: { role: body.role } });
    const created: InvitationCreated = {
      id,
      role: body.role,
      createdBy: me.username,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + INVITATION_TTL_MS).toISOString(),
      // In the fragment: browsers do not send it, so it stays out of server and proxy logs.
      link: `${publicOrigin(deps, c)}/admin/invite#${token}`,
    };
    return c.json(created, 201);
  });

  r.delete('/team/invitations/:id', async (c) => {
    const row = await cancelInvitation(db, c.req.param('id'), Date.now());
    if (!row) throw notFound(INVITATION);
    return c.body(null, 204);
  });

  r.patch('/team/members/:id', async (c) => {
    const body = await readJson(c, RoleBody);
    const outcome = await setMemberRole(db, c.req.param('id'), body.role);
    if (!outcome.ok) throw outcome.reason === 'missing' ? notFound(MEMBER) : problems.lastAdmin();
    const { before } = outcome;
    if (before.role !== body.role) {
      await audit(db, {
        actorId: c.get('organizer').id,
        action: 'member-role',
        details: { username: before.username, from: before.role, to: body.role },
      });
    }
    return c.json(toMember({ ...before, role: body.role }));
  });

  r.delete('/team/members/:id', async (c) => {
    const outcome = await removeMember(db, c.req.param('id'), Date.now());
    if (!outcome.ok) throw outcome.reason === 'missing' ? notFound(MEMBER) : problems.lastAdmin();
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'member-remove',
      details: { username: outcome.before.username, role: outcome.before.role },
    });
    return c.body(null, 204);
  });

  r.post('/team/invitations/peek', async (c) => {
    const body = await readJson(c, InvitationTokenBody);
    const state = await peekInvitation(db, hashSecret(body.token), Date.now());
    if (!state.ok) throw problems.invitation[state.reason]();
    const peek: InvitationPeek = {
      role: state.invitation.role,
      invitedBy: state.invitedBy,
      expiresAt: new Date(Number(state.invitation.expires_at)).toISOString(),
    };
    return c.json(peek);
  });

  r.post('/team/invitations/accept', async (c) => {
    const body = await readJson(c, AcceptInvitationBody);
    refuseWeakPassword(body.password);
    const now = Date.now();
    const outcome = await acceptInvitation(db, {
      tokenHash: hashSecret(body.token),
      member: {
        id: randomId(8),
        username: body.username.toLowerCase(),
        password_hash: await hashPassword(body.password),
        created_at: now,
      },
      now,
    });
    if (!outcome.ok) {
      throw outcome.reason === 'taken' ? problems.taken() : problems.invitation[outcome.reason]();
    }
    const { member, invitation } = outcome;
    await audit(db, {
      actorId: member.id,
      action: 'member-join',
      details: { username: member.username, role: member.role, invitedBy: invitation.created_by },
    });
    await startSession(deps, c, member.id);
    return c.json({ id: member.id, username: member.username, role: member.role }, 201);
  });

  return r;
}
