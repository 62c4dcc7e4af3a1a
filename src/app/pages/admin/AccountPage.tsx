// /admin/account: the member's own role, a password change (other devices are signed out) and
// "sign out everywhere" for a lost or shared device.
import { useState } from 'preact/hooks';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { NewPasswordFields } from './NewPasswordFields';
import { pickText, useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { navigate } from '../../router';
import { adminApi, asFailure, invalidFields } from './admin-api';
import { MIN_PASSWORD, checkNewPassword } from './auth-forms';
import { forgetMe, useMe } from './me';
import { roleWithDuties } from './team-text';

const text = {
  id: {
    title: 'Akun saya',
    signedInAs: (u: string) => `Masuk sebagai ${u}.`,
    role: 'Peran',
    passwordTitle: 'Ganti kata sandi',
    current: 'Kata sandi saat ini',
    next: 'Kata sandi baru',
    nextHint: `Minimal ${MIN_PASSWORD} karakter. Perangkat lain yang masuk dengan akun ini akan keluar.`,
    confirm: 'Ulangi kata sandi baru',
    change: 'Ganti kata sandi',
    changing: 'Mengganti…',
    changed: 'Kata sandi sudah diganti. Perangkat lain sudah dikeluarkan.',
    everywhereTitle: 'Keluar dari semua perangkat',
    everywhereText:
      'Untuk perangkat yang hilang atau dipakai bersama: semua sesi akun ini berakhir, termasuk yang ini.',
    everywhere: 'Keluar dari semua perangkat',
    everywhereBusy: 'Mengeluarkan…',
  },
  en: {
    title: 'My account',
    signedInAs: (u: string) => `Signed in as ${u}.`,
    role: 'Role',
    passwordTitle: 'Change password',
    current: 'Current password',
    next: 'New password',
    nextHint: `At least ${MIN_PASSWORD} characters. Other devices signed in with this account will be signed out.`,
    confirm: 'Repeat the new password',
    change: 'Change password',
    changing: 'Changing…',
    changed: 'The password was changed. Other devices were signed out.',
    everywhereTitle: 'Sign out everywhere',
    everywhereText:
      'For a lost or shared device: every session of this account ends, this one included.',
    everywhere: 'Sign out everywhere',
    everywhereBusy: 'Signing out…',
  },
};

/** The member's own account. */
export default function AccountPage(_: { params: Record<string, string> }) {
  const lang = useLang();
  const t = text[lang];
  const me = useMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof checkNewPassword>>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const [outError, setOutError] = useState<ApiFailure | null>(null);
  const [outBusy, setOutBusy] = useState(false);

  const change = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setChanged(false);
    const p = checkNewPassword({ password: next, confirm });
    setProblem(p);
    if (p) return;
    setBusy(true);
    try {
      await adminApi<void>('/api/auth/password', { body: { current, next } });
      setChanged(true);
      setCurrent('');
      setNext('');
      setConfirm('');
    } catch (err) {
      setError(asFailure(err));
    } finally {
      setBusy(false);
    }
  };

  const signOutEverywhere = async () => {
    setOutBusy(true);
    setOutError(null);
    try {
      await adminApi<void>('/api/auth/logout-everywhere', { method: 'POST' });
      forgetMe();
      navigate('/admin/login');
    } catch (err) {
      setOutError(asFailure(err));
      setOutBusy(false);
    }
  };

  const msg = (field: 'password' | 'confirm') =>
    problem?.field === field ? pickText(problem.message, lang) : false;
  return (
    <AdminLayout section="account">
      <h1>{t.title}</h1>
      {me ? (
        <p data-testid="account-who">
          {t.signedInAs(me.username)} {t.role}: {roleWithDuties(me.role, lang)}.
        </p>
      ) : null}

      <section class="card" aria-labelledby="password-title">
        <h2 id="password-title">{t.passwordTitle}</h2>
        <form onSubmit={(e) => void change(e)} noValidate class="admin-form narrow">
          <TextField
            id="account-current"
            label={t.current}
            type="password"
            value={current}
            onValue={setCurrent}
            required
            autoComplete="current-password"
            invalid={invalidFields(error).has('current')}
          />
          <NewPasswordFields
            idPrefix="account"
            passwordId="account-next"
            labels={{ password: t.next, confirm: t.confirm, hint: t.nextHint }}
            password={next}
            confirm={confirm}
            onPassword={setNext}
            onConfirm={setConfirm}
            invalid={msg}
          />
          <ErrorNotice error={error} />
          <p role="status" class="saved">
            {changed ? t.changed : ''}
          </p>
          <div class="form-actions">
            <button type="submit" disabled={busy} aria-busy={busy} data-testid="password-submit">
              {busy ? t.changing : t.change}
            </button>
          </div>
        </form>
      </section>

      <section class="card" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">{t.everywhereTitle}</h2>
        <p>{t.everywhereText}</p>
        <ErrorNotice error={outError} />
        <button
          type="button"
          class="danger"
          disabled={outBusy}
          aria-busy={outBusy}
          onClick={() => void signOutEverywhere()}
          data-testid="sign-out-everywhere"
        >
          {outBusy ? t.everywhereBusy : t.everywhere}
        </button>
      </section>
    </AdminLayout>
  );
}
