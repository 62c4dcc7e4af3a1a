import { useEffect, useState } from 'preact/hooks';
import type { Organizer } from '../../../shared/api/schemas';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { LangToggle } from '../../components/LangToggle';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { api } from '../../lib/api';
import { navigate, useLocation } from '../../router';
import { asFailure, safeNext } from './admin-api';
import { forgetMe } from './me';

const text = {
  id: {
    title: 'Masuk sebagai panitia',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    submit: 'Masuk',
    busy: 'Masuk…',
    empty: 'Isi nama pengguna dan kata sandi.',
    noAccount:
      'Belum ada akun panitia. Buka tautan pengaturan sekali pakai yang dicetak di log server saat pertama kali dijalankan.',
    back: 'Kembali ke awal',
  },
  en: {
    title: 'Organizer sign-in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    empty: 'Enter the username and password.',
    noAccount:
      'There is no organizer account yet. Open the one-time setup link the server printed in its log on first start.',
    back: 'Back to the start',
  },
};

/** /admin/login?next=…: sign in, then go back where the organizer was. */
export default function LoginPage(_: { params: Record<string, string> }) {
  const t = text[useLang()];
  const { search } = useLocation();
  const next = safeNext(search.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [needsSetup, setNeedsSetup] = useState(false);

  useEffect(() => {
    let live = true;
    // Already signed in (e.g. a bookmarked login page): go straight on.
    api<Organizer>('/api/auth/me').then(
      () => live && navigate(next, { replace: true }),
      () => undefined,
    );
    api<{ needsSetup: boolean }>('/api/setup/status').then(
      (s) => live && setNeedsSetup(s.needsSetup),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [next]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const isEmpty = !username.trim() || !password;
    setEmpty(isEmpty);
    if (isEmpty) return;
    setBusy(true);
    try {
      await api<Organizer>('/api/auth/login', { body: { username: username.trim(), password } });
      forgetMe();
      navigate(next, { replace: true });
    } catch (err) {
      setError(asFailure(err));
      setBusy(false);
    }
  };

  const wrong = error?.status === 401;
  return (
    <main class="page admin-auth">
      <LangToggle />
      <h1>{t.title}</h1>
      {needsSetup ? <p class="notice">{t.noAccount}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate class="admin-form narrow">
        <TextField
          id="login-username"
          label={t.username}
          value={username}
          onValue={setUsername}
          required
          autoComplete="username"
          invalid={wrong || (empty && !username.trim())}
        />
        <TextField
          id="login-password"
          label={t.password}
          type="password"
          value={password}
          onValue={setPassword}
          required
          autoComplete="current-password"
          invalid={wrong || (empty && !password)}
        />
        {empty ? (
          <p class="error-notice" role="alert">
            {t.empty}
          </p>
        ) : null}
        <ErrorNotice error={error} />
        <div class="form-actions">
          <button type="submit" disabled={busy} aria-busy={busy} data-testid="login-submit">
            {busy ? t.busy : t.submit}
          </button>
        </div>
      </form>
      <p>
        <a href="/">{t.back}</a>
      </p>
    </main>
  );
}
