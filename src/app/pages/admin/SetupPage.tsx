import { useEffect, useState } from 'preact/hooks';
import type { Organizer } from '../../../shared/api/schemas';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { NewPasswordFields } from './NewPasswordFields';
import { LangToggle } from '../../components/LangToggle';
import { pickText, useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { api } from '../../lib/api';
import { navigate, useLocation } from '../../router';
import { asFailure } from './admin-api';
import { MIN_PASSWORD, checkNewAccount } from './auth-forms';

const text = {
  id: {
    title: 'Buat akun panitia',
    intro:
      'Ini langkah pertama dan hanya sekali. Akun ini dipakai untuk mengatur acara, mengimpor peserta, dan mencetak badge.',
    checking: 'Memeriksa…',
    done: 'Akun panitia sudah dibuat. Silakan masuk.',
    signIn: 'Masuk',
    token: 'Kode pengaturan',
    tokenHint:
      'Tautan ini tidak memuat kode. Salin kode setelah tanda # dari tautan yang dicetak di log server.',
    username: 'Nama pengguna',
    usernameHint: 'Tanpa spasi, misalnya panitia atau nama@dinas.',
    password: 'Kata sandi',
    passwordHint: `Minimal ${MIN_PASSWORD} karakter.`,
    confirm: 'Ulangi kata sandi',
    submit: 'Buat akun',
    busy: 'Membuat akun…',
  },
  en: {
    title: 'Create the organizer account',
    intro:
      'This is the first step and happens once. The account is used to set up events, import participants and print badges.',
    checking: 'Checking…',
    done: 'The organizer account already exists. Please sign in.',
    signIn: 'Sign in',
    token: 'Setup code',
    tokenHint:
      'This link has no code. Copy the code after the # from the link printed in the server log.',
    username: 'Username',
    usernameHint: 'No spaces, e.g. panitia or name@office.',
    password: 'Password',
    passwordHint: `At least ${MIN_PASSWORD} characters.`,
    confirm: 'Repeat the password',
    submit: 'Create account',
    busy: 'Creating the account…',
  },
};

/** /admin/setup#<token>: the one-time creation of the organizer account. */
export default function SetupPage(_: { params: Record<string, string> }) {
  const lang = useLang();
  const t = text[lang];
  const { hash } = useLocation();
  const [needsSetup, setNeedsSetup] = useState<boolean | null>(null);
  const [token, setToken] = useState(hash);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof checkNewAccount>>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const hadToken = hash.length > 0;
  const msg = (field: string) =>
    problem?.field === field ? pickText(problem.message, lang) : false;

  useEffect(() => {
    let live = true;
    api<{ needsSetup: boolean }>('/api/setup/status').then(
      (s) => live && setNeedsSetup(s.needsSetup),
      (err: unknown) => live && setError(asFailure(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const p = checkNewAccount({ username, password, confirm });
    setProblem(p);
    if (p) {
      document.getElementById(`setup-${p.field}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await api<Organizer>('/api/setup', {
        body: { token: token.trim(), username: username.trim(), password },
      });
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
      {needsSetup === null && !error ? <p aria-busy="true">{t.checking}</p> : null}
      {needsSetup === false ? (
        <p class="notice" data-testid="setup-done">
          {t.done} <a href="/admin/login">{t.signIn}</a>
        </p>
      ) : null}
      {needsSetup === null && error ? <ErrorNotice error={error} /> : null}
      {needsSetup ? (
        <form onSubmit={(e) => void submit(e)} noValidate class="admin-form narrow">
          <p>{t.intro}</p>
          {hadToken ? null : (
            <TextField
              id="setup-token"
              label={t.token}
              value={token}
              onValue={setToken}
              required
              hint={t.tokenHint}
              autoComplete="off"
              invalid={error?.code === 'setup-token-invalid'}
            />
          )}
          <TextField
            id="setup-username"
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
            idPrefix="setup"
            labels={{ password: t.password, confirm: t.confirm, hint: t.passwordHint }}
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            invalid={msg}
          />
          <ErrorNotice error={error} />
          {error?.code === 'setup-done' ? (
            <p>
              <a href="/admin/login">{t.signIn}</a>
            </p>
          ) : null}
          <div class="form-actions">
            <button type="submit" disabled={busy} aria-busy={busy} data-testid="setup-submit">
              {busy ? t.busy : t.submit}
            </button>
          </div>
        </form>
      ) : null}
    </main>
  );
}
