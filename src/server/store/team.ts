// The organizer team: members and their roles, one-time invitations, and ending sessions.
// Changes that could leave the team without an admin run in a transaction that re-counts admins.
import type { Kysely, Transaction } from 'kysely';
import { PostgresAdapter } from 'kysely';
import type { Role } from '../../shared/api/team.js';
import type { Database, OrganizerInvitationTable, OrganizerTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Members who can sign in, oldest first. */
export async function listMembers(db: Db): Promise<OrganizerTable[]> {
  return db
    .selectFrom('organizers')
    .selectAll()
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A member who can sign in, by id. */
export async function findMember(db: Db, id: string): Promise<OrganizerTable | undefined> {
  return db
    .selectFrom('organizers')
    .selectAll()
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organizers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type TeamChange =
  { ok: true; before: OrganizerTable } | { ok: false; reason: 'missing' | 'last-admin' };

/** In PostgreSQL, locks the admin rows so two admins cannot demote each other at once. */
async function lockAdmins(tx: Transaction<Database>): Promise<void> {
  // SQLite has one writer at a time (and no FOR UPDATE); nothing to do there.
  if (!(tx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await tx.selectFrom('organizers').select('id').where('role', '=', 'admin').forUpdate().execute();
}

/** Sets a member's role unless that would leave no admin. */
export async function setMemberRole(db: Kysely<Database>, id: string, role: Role) {
  return db.transaction().execute(async (tx): Promise<TeamChange> => {
    await lockAdmins(tx);
    const before = await findMember(tx, id);
    if (!before) return { ok: false, reason: 'missing' };
    if (before.role === 'admin' && role !== 'admin' && (await countAdmins(tx)) <= 1) {
      return { ok: false, reason: 'last-admin' };
    }
    await tx.updateTable('organizers').set({ role }).where('id', '=', id).execute();
    return { ok: true, before };
  });
}

/**
 * Removes a member (the row stays for the audit log), ends all their sessions at once and
 * cancels the invitation links they made and nobody used yet.
 */
export async function removeMember(db: Kysely<Database>, id: string, now: number) {
  return db.transaction().execute(async (tx): Promise<TeamChange> => {
    await lockAdmins(tx);
    const before = await findMember(tx, id);
    if (!before) return { ok: false, reason: 'missing' };
    if (before.role === 'admin' && (await countAdmins(tx)) <= 1) {
      return { ok: false, reason: 'last-admin' };
    }
    await tx.updateTable('organizers').set({ removed_at: now }).where('id', '=', id).execute();
    await tx.deleteFrom('organizer_sessions').where('organizer_id', '=', id).execute();
    await tx
      .updateTable('organizer_invitations')
      .set({ cancelled_at: now })
      .where('created_by', '=', id)
      .where('used_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .execute();
    return { ok: true, before };
  });
}

/** Ends a member's sessions, all of them or all but the one whose hash is `keep`. */
export async function endMemberSessions(db: Db, organizerId: string, keep?: string) {
  let q = db.deleteFrom('organizer_sessions').where('organizer_id', '=', organizerId);
  if (keep) q = q.where('token_hash', '!=', keep);
  await q.execute();
}

/** Stores a new password hash. */
export async function setPasswordHash(db: Db, organizerId: string, hash: string) {
  await db
    .updateTable('organizers')
    .set({ password_hash: hash })
    .where('id', '=', organizerId)
    .execute();
}

/** The stored password hash of a member who can sign in. */
export async function passwordHashOf(db: Db, organizerId: string): Promise<string | undefined> {
  const row = await findMember(db, organizerId);
  return row?.password_hash;
}

/** Records an invitation (only its token's hash). */
export async function insertInvitation(db: Db, row: OrganizerInvitationTable): Promise<void> {
  await db.insertInto('organizer_invitations').values(row).execute();
}

/** Invitations not yet used, cancelled or expired, with who made them, oldest first. */
export async function listPendingInvitations(db: Db, now: number) {
  return db
    .selectFrom('organizer_invitations as i')
    .innerJoin('organizers as o', 'o.id', 'i.created_by')
    .selectAll('i')
    .select('o.username as created_by_name')
    .where('i.used_at', 'is', null)
    .where('i.cancelled_at', 'is', null)
    .where('i.expires_at', '>', now)
    .orderBy('i.created_at')
    .execute();
}

/** Cancels a pending invitation; the row, or undefined when none was pending. */
export async function cancelInvitation(db: Db, id: string, now: number) {
  return db
    .updateTable('organizer_invitations')
    .set({ cancelled_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export type InvitationState =
  | { ok: true; invitation: OrganizerInvitationTable; invitedBy: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** What a token's invitation is, without using it. */
export async function peekInvitation(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<InvitationState> {
  const row = await db
    .selectFrom('organizer_invitations as i')
    .innerJoin('organizers as o', 'o.id', 'i.created_by')
    .selectAll('i')
    .select('o.username as invited_by')
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.cancelled_at !== null) return { ok: false, reason: 'unknown' };
  if (row.used_at !== null) return { ok: false, reason: 'used' };
  if (row.expires_at <= now) return { ok: false, reason: 'expired' };
  const { invited_by, ...invitation } = row;
  return { ok: true, invitation, invitedBy: invited_by };
}

/**
 * Uses an invitation to add a member, once: the claim and the new account commit together, so a
 * link opened twice at once makes one account. 'taken' when the username is in use.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  opts: { tokenHash: string; member: Omit<OrganizerTable, 'role' | 'removed_at'>; now: number },
): Promise<
  | { ok: true; member: OrganizerTable; invitation: OrganizerInvitationTable }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'taken' }
> {
  const lost = new Error('invitation claimed meanwhile');
  try {
    return await db.transaction().execute(async (tx) => {
      const state = await peekInvitation(tx, opts.tokenHash, opts.now);
      if (!state.ok) return state;
      const taken = await tx
        .selectFrom('organizers')
        .select('id')
        .where('username', '=', opts.member.username)
        .executeTakeFirst();
      if (taken) return { ok: false, reason: 'taken' } as const;
      const member: OrganizerTable = {
        ...opts.member,
        role: state.invitation.role,
        removed_at: null,
      };
      // used_by references the account, so the account goes in first; a lost race rolls it back.
      await tx.insertInto('organizers').values(member).execute();
      const claimed = await tx
        .updateTable('organizer_invitations')
        .set({ used_at: opts.now, used_by: member.id })
        .where('id', '=', state.invitation.id)
        .where('used_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!claimed) throw lost;
      return { ok: true, member, invitation: claimed } as const;
    });
  } catch (err) {
    if (err === lost) return { ok: false, reason: 'used' };
    throw err;
  }
}
