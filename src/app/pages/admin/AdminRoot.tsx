// The organizer area's own router: /admin, /admin/setup, /admin/login and the per-event pages.
import type { ComponentType } from 'preact';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { useLang } from '../../i18n/i18n';
import { matchRoute, useLocation } from '../../router';
import AcceptInvitePage from './AcceptInvitePage';
import AccountPage from './AccountPage';
import AttendancePage from './AttendancePage';
import AuditPage from './AuditPage';
import CertificatesPage from './CertificatesPage';
import BadgesPage from './BadgesPage';
import DevicesPage from './DevicesPage';
import EligibilityPage from './EligibilityPage';
import EventPage from './EventPage';
import EventsPage from './EventsPage';
import ImportPage from './ImportPage';
import ListsPage from './ListsPage';
import LoginPage from './LoginPage';
import ParticipantsPage from './ParticipantsPage';
import SendingPage from './SendingPage';
import SetupPage from './SetupPage';
import TeamPage from './TeamPage';

type Page = ComponentType<{ params: Record<string, string> }>;

const routes: [string, Page][] = [
  ['/admin', EventsPage],
  ['/admin/setup', SetupPage],
  ['/admin/login', LoginPage],
  ['/admin/invite', AcceptInvitePage],
  ['/admin/team', TeamPage],
  ['/admin/account', AccountPage],
  ['/admin/audit', AuditPage],
  ['/admin/events/:eventId', EventPage],
  ['/admin/events/:eventId/participants', ParticipantsPage],
  ['/admin/events/:eventId/import', ImportPage],
  ['/admin/events/:eventId/sending', SendingPage],
  ['/admin/events/:eventId/badges', BadgesPage],
  ['/admin/events/:eventId/devices', DevicesPage],
  ['/admin/events/:eventId/attendance', AttendancePage],
  ['/admin/events/:eventId/eligibility', EligibilityPage],
  ['/admin/events/:eventId/certificates', CertificatesPage],
  ['/admin/events/:eventId/lists', ListsPage],
];

function AdminNotFound() {
  const en = useLang() === 'en';
  return (
    <AdminLayout section="events">
      <h1>{en ? 'Page not found' : 'Halaman tidak ditemukan'}</h1>
      <p>
        <a href="/admin">{en ? 'Back to all events' : 'Kembali ke daftar acara'}</a>
      </p>
    </AdminLayout>
  );
}

/** Picks the organizer page for the current path. */
export default function AdminRoot(_: { params: Record<string, string> }) {
  const { path } = useLocation();
  for (const [pattern, Page] of routes) {
    const params = matchRoute(pattern, path);
    // Keyed by pattern + event so moving to another event starts the page afresh.
    if (params) return <Page key={`${pattern}|${params.eventId ?? ''}`} params={params} />;
  }
  return <AdminNotFound />;
}
