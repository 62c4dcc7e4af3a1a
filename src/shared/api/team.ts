// The organizer team: roles, invitations, members, password changes and the audit log.
// Requests are valibot schemas (the server validates with them); answers are plain types.
import * as v from 'valibot';

/** Lowest to highest: each role may do everything the ones before it may. */
export const ROLES = ['pemantau', 'staf', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` is `min` or above it. */
export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}

/** How long an invitation link stays usable. */
export const INVITATION_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/** Length and commonness: the shared rule (shared/account/password-rule.ts), in words. */
const password = v.pipe(v.string(), v.maxLength(200));
const username = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1),
  v.maxLength(60),
  v.regex(/^[\p{L}\p{N}._@-]+$/u),
);
const token = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const InviteBody = v.strictObject({ role: v.picklist(ROLES) });
export type InviteBody = v.InferOutput<typeof InviteBody>;

export const RoleBody = v.strictObject({ role: v.picklist(ROLES) });
export type RoleBody = v.InferOutput<typeof RoleBody>;

export const InvitationTokenBody = v.strictObject({ token });
export type InvitationTokenBody = v.InferOutput<typeof InvitationTokenBody>;

export const AcceptInvitationBody = v.strictObject({ token, username, password });
export type AcceptInvitationBody = v.InferOutput<typeof AcceptInvitationBody>;

export const PasswordChangeBody = v.strictObject({
  current: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  next: password,
});
export type PasswordChangeBody = v.InferOutput<typeof PasswordChangeBody>;

export interface Member {
  id: string;
  username: string;
  role: Role;
  createdAt: string;
}

export interface PendingInvitation {
  id: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

export interface TeamList {
  members: Member[];
  invitations: PendingInvitation[];
}

/** Answer to making an invitation: the link is shown once; only its hash is kept. */
export interface InvitationCreated extends PendingInvitation {
  link: string;
}

/** What the accept page shows before the person picks a name. */
export interface InvitationPeek {
  role: Role;
  invitedBy: string;
  expiresAt: string;
}

export type AuditAction =
  | 'roster-import'
  | 'participant-cancel'
  | 'ticket-reissue'
  | 'participant-reactivate'
  | 'walk-in-confirm'
  | 'eligibility-rule'
  | 'eligibility-override'
  | 'eligibility-override-remove'
  | 'event-logo'
  | 'list-signers'
  | 'certificate-template'
  | 'certificate-signature'
  | 'certificate-issue'
  | 'certificate-revoke'
  | 'certificate-reissue'
  | 'sending-settings'
  | 'ticket-send-undo'
  | 'certificate-send-undo'
  | 'event-archive'
  | 'event-unarchive'
  | 'event-delete'
  | 'personal-data-erase'
  | 'retention-day'
  | 'device-pair'
  | 'device-revoke'
  | 'member-invite'
  | 'member-join'
  | 'member-role'
  | 'member-remove';

export interface AuditEntry {
  id: number;
  at: string;
  /** Username of who acted, or null. */
  actor: string | null;
  action: AuditAction;
  eventId: string | null;
  eventName: string | null;
  details: Record<string, unknown>;
}

export interface AuditList {
  entries: AuditEntry[];
}
