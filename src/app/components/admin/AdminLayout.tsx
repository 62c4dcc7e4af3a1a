import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure, api } from '../../lib/api';
import { useLang } from '../../i18n/i18n';
import { navigate } from '../../router';
import { LangToggle } from '../LangToggle';
import { ErrorNotice } from './ErrorNotice';
import { useOnline } from '../../lib/use-online';
import { forgetMe, useCan } from '../../pages/admin/me';

export type AdminSection =
  | 'events'
  | 'event'
  | 'participants'
  | 'import'
  | 'sending'
  | 'badges'
  | 'devices'
  | 'attendance'
  | 'eligibility'
  | 'certificates'
  | 'lists'
  | 'team'
  | 'audit'
  | 'account';

const text = {
  id: {
    brand: 'Hadir · Panitia',
    nav: 'Menu panitia',
    all: 'Semua acara',
    event: 'Acara',
    participants: 'Peserta',
    import: 'Impor',
    sending: 'Kirim tiket & sertifikat',
    badges: 'Badge',
    devices: 'Perangkat',
    attendance: 'Kehadiran',
    eligibility: 'Kelulusan sertifikat',
    certificates: 'Sertifikat terbit',
    lists: 'Daftar laporan',
    team: 'Tim',
    audit: 'Log aktivitas',
    account: 'Akun saya',
    signOut: 'Keluar',
    signingOut: 'Keluar…',
    offline:
      'Perangkat ini sedang offline. Halaman panitia memerlukan koneksi; perubahan belum bisa disimpan.',
  },
  en: {
    brand: 'Hadir · Organizer',
    nav: 'Organizer menu',
    all: 'All events',
    event: 'Event',
    participants: 'Participants',
    import: 'Import',
    sending: 'Send tickets & certificates',
    badges: 'Badges',
    devices: 'Devices',
    attendance: 'Attendance',
    eligibility: 'Certificate eligibility',
    certificates: 'Issued certificates',
    lists: 'Report lists',
    team: 'Team',
    audit: 'Activity log',
    account: 'My account',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    offline:
      'This device is offline. Organizer pages need a connection; changes cannot be saved yet.',
  },
};

/** Header, navigation and sign-out shared by every signed-in organizer page. */
export function AdminLayout(props: {
  section: AdminSection;
  eventId?: string;
  eventName?: string;
  children: ComponentChildren;
}) {
  const lang = useLang();
  const t = text[lang];
  const online = useOnline();
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  // Menus follow the role; the server refuses the rest anyway (403).
  const staf = useCan('staf');
  const admin = useCan('admin');

  const signOut = async () => {
    setSigningOut(true);
    setError(null);
    try {
      await api<void>('/api/auth/logout', { method: 'POST' });
      forgetMe();
      navigate('/admin/login');
    } catch (err) {
      setError(err instanceof ApiFailure ? err : null);
      setSigningOut(false);
    }
  };

  const base = props.eventId ? `/admin/events/${encodeURIComponent(props.eventId)}` : null;
  const link = (section: AdminSection, href: string, label: string) => (
    <li>
      <a href={href} aria-current={props.section === section ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );

  return (
    <div class="admin">
      <header class="admin-header no-print">
        <div class="admin-header-top">
          <a class="admin-brand" href="/admin">
            {t.brand}
          </a>
          {props.eventName ? (
            <span class="admin-event-name" data-testid="header-event-name">
              {props.eventName}
            </span>
          ) : null}
          <LangToggle />
        </div>
        <nav aria-label={t.nav}>
          <ul class="admin-nav">
            {link('events', '/admin', t.all)}
            {admin ? link('team', '/admin/team', t.team) : null}
            {admin ? link('audit', '/admin/audit', t.audit) : null}
            {base ? (
              <>
                {link('event', base, t.event)}
                {link('participants', `${base}/participants`, t.participants)}
                {staf ? link('import', `${base}/import`, t.import) : null}
                {staf ? link('sending', `${base}/sending`, t.sending) : null}
                {staf ? link('badges', `${base}/badges`, t.badges) : null}
                {link('devices', `${base}/devices`, t.devices)}
                {link('attendance', `${base}/attendance`, t.attendance)}
                {link('eligibility', `${base}/eligibility`, t.eligibility)}
                {link('certificates', `${base}/certificates`, t.certificates)}
                {staf ? link('lists', `${base}/lists`, t.lists) : null}
              </>
            ) : null}
            {link('account', '/admin/account', t.account)}
            <li class="admin-nav-end">
              <button
                type="button"
                class="secondary"
                onClick={() => void signOut()}
                disabled={signingOut}
                data-testid="sign-out"
              >
                {signingOut ? t.signingOut : t.signOut}
              </button>
            </li>
          </ul>
        </nav>
        {online ? null : (
          <p class="notice offline-notice" role="status" data-testid="offline-banner">
            {t.offline}
          </p>
        )}
        <ErrorNotice error={error} />
      </header>
      <main class="page admin-main">{props.children}</main>
    </div>
  );
}
