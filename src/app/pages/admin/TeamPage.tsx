// /admin/team (admin): the members and their roles, invitation links, removing a member.
import { useState } from 'preact/hooks';
import type { InvitationCreated, Member, Role, TeamList } from '../../../shared/api/team';
import { ROLES } from '../../../shared/api/team';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ConfirmDialog } from '../../components/admin/ConfirmDialog';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, useApiData } from './admin-api';
import { InviteLink } from './InviteLink';
import { forgetMe, useMe } from './me';
import { roleName, roleWithDuties } from './team-text';
import { formatWib } from './wib-time';

const text = {
  id: {
    title: 'Tim panitia',
    loading: 'Memuat anggota tim…',
    intro:
      'Setiap orang masuk dengan akunnya sendiri. Admin: semua hal. Staf: peserta, impor, tiket, badge, kehadiran, tablet. Pemantau: hanya melihat.',
    members: 'Anggota',
    username: 'Nama pengguna',
    role: 'Peran',
    since: 'Bergabung',
    you: '(Anda)',
    remove: 'Keluarkan',
    removeTitle: (n: string) => `Keluarkan ${n} dari tim?`,
    removeText:
      'Semua sesi orang ini langsung berakhir dan ia tidak bisa masuk lagi. Catatan aktivitasnya tetap tersimpan.',
    roleSaved: (n: string, r: string) => `Peran ${n} sekarang ${r}.`,
    inviteTitle: 'Undang anggota baru',
    inviteRole: 'Peran untuk orang yang diundang',
    invite: 'Buat tautan undangan',
    inviting: 'Membuat tautan…',
    pending: 'Undangan yang belum dipakai',
    expires: 'berlaku sampai',
    by: 'dibuat oleh',
    cancel: 'Batalkan',
  },
  en: {
    title: 'Organizer team',
    loading: 'Loading the team…',
    intro:
      'Everyone signs in with their own account. Admin: everything. Staff: participants, import, tickets, badges, attendance, tablets. Observer: view only.',
    members: 'Members',
    username: 'Username',
    role: 'Role',
    since: 'Joined',
    you: '(you)',
    remove: 'Remove',
    removeTitle: (n: string) => `Remove ${n} from the team?`,
    removeText:
      'All their sessions end at once and they cannot sign in again. Their activity stays on the log.',
    roleSaved: (n: string, r: string) => `${n} is now ${r}.`,
    inviteTitle: 'Invite a new member',
    inviteRole: 'Role for the invited person',
    invite: 'Make an invitation link',
    inviting: 'Making the link…',
    pending: 'Invitations not used yet',
    expires: 'valid until',
    by: 'made by',
    cancel: 'Cancel',
  },
};

/** /admin/team: members, roles, invitations. */
export default function TeamPage(_: { params: Record<string, string> }) {
  const lang = useLang();
  const t = text[lang];
  const me = useMe();
  const team = useApiData<TeamList>('/api/team');
  const [error, setError] = useState<ApiFailure | null>(null);
  const [saved, setSaved] = useState('');
  const [removing, setRemoving] = useState<Member | null>(null);
  const [busy, setBusy] = useState(false);
  const [inviteRole, setInviteRole] = useState<Role>('staf');
  const [created, setCreated] = useState<InvitationCreated | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      await work();
    } catch (err) {
      setError(asFailure(err));
    } finally {
      setBusy(false);
      // Also after a refusal, so a role picker shows the role that stands.
      team.reload();
    }
  };

  const changeRole = (m: Member, role: Role) =>
    run(async () => {
      await adminApi<Member>(`/api/team/members/${encodeURIComponent(m.id)}`, {
        method: 'PATCH',
        body: { role },
      });
      setSaved(t.roleSaved(m.username, roleName(role, lang)));
      // Stepping down from admin changes this member's own menus.
      if (m.id === me?.id) forgetMe();
    });

  const remove = (m: Member) =>
    run(async () => {
      await adminApi<void>(`/api/team/members/${encodeURIComponent(m.id)}`, { method: 'DELETE' });
      setRemoving(null);
    });

  const invite = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      setCreated(
        await adminApi<InvitationCreated>('/api/team/invitations', { body: { role: inviteRole } }),
      );
    });
  };

  const cancelInvite = (id: string) =>
    run(async () => {
      await adminApi<void>(`/api/team/invitations/${encodeURIComponent(id)}`, {
        method: 'DELETE',
      });
      if (created?.id === id) setCreated(null);
    });

  return (
    <AdminLayout section="team">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorNotice error={team.error} onRetry={team.reload} />
      {team.loading && !team.data ? <p aria-busy="true">{t.loading}</p> : null}
      <ErrorNotice error={removing ? null : error} />
      <p role="status" class="saved">
        {saved}
      </p>
      {team.data ? (
        <section aria-labelledby="members-title">
          <h2 id="members-title">{t.members}</h2>
          <table data-testid="team-members">
            <thead>
              <tr>
                <th scope="col">{t.username}</th>
                <th scope="col">{t.role}</th>
                <th scope="col">{t.since}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.data.members.map((m) => (
                <tr key={m.id} data-testid="team-member">
                  <td>
                    {m.username} {m.id === me?.id ? <span class="muted">{t.you}</span> : null}
                  </td>
                  <td>
                    <select
                      aria-label={`${t.role}: ${m.username}`}
                      value={m.role}
                      disabled={busy}
                      onChange={(e) => void changeRole(m, e.currentTarget.value as Role)}
                      data-testid="member-role"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {roleName(r, lang)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{formatWib(m.createdAt, lang)}</td>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      disabled={busy}
                      onClick={() => setRemoving(m)}
                      data-testid="member-remove"
                    >
                      {t.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section class="card" aria-labelledby="invite-title">
        <h2 id="invite-title">{t.inviteTitle}</h2>
        <form onSubmit={invite} class="admin-form narrow">
          <div class="field">
            <label for="invite-role">{t.inviteRole}</label>
            <select
              id="invite-role"
              value={inviteRole}
              onChange={(e) => setInviteRole(e.currentTarget.value as Role)}
              data-testid="invite-role"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleWithDuties(r, lang)}
                </option>
              ))}
            </select>
          </div>
          <div class="form-actions">
            <button type="submit" disabled={busy} aria-busy={busy} data-testid="invite-submit">
              {busy ? t.inviting : t.invite}
            </button>
          </div>
        </form>
        {created ? <InviteLink invitation={created} /> : null}
      </section>

      {team.data && team.data.invitations.length > 0 ? (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{t.pending}</h2>
          <ul data-testid="team-invitations">
            {team.data.invitations.map((i) => (
              <li key={i.id}>
                {roleName(i.role, lang)} · {t.by} {i.createdBy} · {t.expires}{' '}
                {formatWib(i.expiresAt, lang)}{' '}
                <button
                  type="button"
                  class="secondary"
                  disabled={busy}
                  onClick={() => void cancelInvite(i.id)}
                >
                  {t.cancel}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {removing ? (
        <ConfirmDialog
          title={t.removeTitle(removing.username)}
          confirmLabel={t.remove}
          busy={busy}
          error={error}
          danger
          onConfirm={() => void remove(removing)}
          onCancel={() => {
            setRemoving(null);
            setError(null);
          }}
        >
          <p>{t.removeText}</p>
        </ConfirmDialog>
      ) : null}
    </AdminLayout>
  );
}
