// /admin/invite#<token>: someone invited to the team picks a username and password, once.
import { useEffect, useState } from 'preact/hooks';
import type { Organizer } from '../../../shared/api/schemas';
import type { InvitationPeek } from '../../../shared/api/team';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { NewPasswordFields } from './NewPasswordFields';
import { LangToggle } from '../../components/LangToggle';
import { pickText, useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { api } from '../../lib/api';
import { navigate, useLocation } from '../../router';
import { asFailure, invalidFields } from './admin-api';
import { MIN_PASSWORD, checkNewAccount } from './auth-forms';
import { forgetMe } from './me';
import { roleWithDuties } from './team-text';
import { formatWib } from './wib-time';

const text = {
  id: {
    title: 'Bergabung dengan tim panitia',
    checking: 'Memeriksa undangan…',
    invited: (by: string, role: string, until: string) =>
      `${by} mengundang Anda sebagai ${role}. Undangan berlaku sampai ${until}.`,
    noToken: 'Tautan ini tidak memuat kode undangan. Buka tautan lengkap yang dikirim admin.',
    username: 'Nama pengguna',
    usernameHint: 'Tanpa spasi, misalnya dewi atau nama@dinas.',
    password: 'Kata sandi',
    passwordHint: `Minimal ${MIN_PASSWORD} karakter.`,
    confirm: 'Ulangi kata sandi',
    submit: 'Buat akun saya',
    busy: 'Membuat akun…',
    signIn: 'Masuk',
  },
  en: {
    title: 'Join the organizer team',
    checking: 'Checking the invitation…',
    invited: (by: string, role: string, until: string) =>
      `${by} invited you as ${role}. The invitation is valid until ${until}.`,
    noToken: 'This link has no invitation code. Open the full link the admin sent.',
    username: 'Username',
    usernameHint: 'No spaces, e.g. dewi or name@office.',
    password: 'Password',
    passwordHint: `At least ${MIN_PASSWORD} characters.`,
    confirm: 'Repeat the password',
    submit: 'Create my account',
    busy: 'Creating the account…',
    signIn: 'Sign in',
  },
};

/** Checks the invitation, then takes a username and password and signs the new member in. */
export default function AcceptInvitePage(_: { params: Record<string, string> }) {
  const lang = useLang();
  const t = text[lang];
  const token = useLocation().hash.trim();
  const [peek, setPeek] = useState<InvitationPeek | null>(null);
  const [peekError, setPeekError] = useState<ApiFailure | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof checkNewAccount>>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const msg = (field: string) =>
    problem?.field === field ? pickText(problem.message, lang) : invalidFields(error).has(field);

  useEffect(() => {
    if (!token) return;
    let live = true;
    api<InvitationPeek>('/api/team/invitations/peek', { body: { token } }).then(
      (p) => live && setPeek(p),
      (err: unknown) => live && setPeekError(asFailure(err)),
    );
    return () => {
      live = false;
    };
  }, [token]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const p = checkNewAccount({ username, password, confirm });
    setProblem(p);
    if (p) {
      document.getElementById(`invite-${p.field}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await api<Organizer>('/api/team/invitations/accept', {
        body: { token, username: username.trim(), password },
      });
      forgetMe();
      navigate('/admin', { replace: true });
    } catch (err) {
      setError(asFailure(err));
      setBusy(false);
    }
  };

  return (
    <main class="page admin-auth">
      <LangToggle />
      <h1>{t.title}</h1>
      {!token ? <p class="notice">{t.noToken}</p> : null}
      {token && !peek && !peekError ? <p aria-busy="true">{t.checking}</p> : null}
      {peekError ? (
        <>
          <ErrorNotice error={peekError} />
          <p>
            <a href="/admin/login">{t.signIn}</a>
          </p>
        </>
      ) : null}
      {peek ? (
        <form onSubmit={(e) => void submit(e)} noValidate class="admin-form narrow">
          <p data-testid="invite-intro">
            {t.invited(
              peek.invitedBy,
              roleWithDuties(peek.role, lang),
              formatWib(peek.expiresAt, lang),
            )}
          </p>
          <TextField
            id="invite-username"
            label={t.username}
            value={username}
            onValue={setUsername}
            required
            hint={t.usernameHint}
            autoComplete="username"
            maxLength={60}
            invalid={msg('username')}
          />
          <NewPasswordFields
            idPrefix="invite"
            labels={{ password: t.password, confirm: t.confirm, hint: t.passwordHint }}
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            invalid={msg}
          />
          <ErrorNotice error={error} />
          <div class="form-actions">
            <button type="submit" disabled={busy} aria-busy={busy} data-testid="invite-accept">
              {busy ? t.busy : t.submit}
            </button>
          </div>
        </form>
      ) : null}
    </main>
  );
}
