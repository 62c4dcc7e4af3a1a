// Who may call what: the one table of every API route's minimum organizer role. guardRoutes
// (auth/guard.ts, at the /api mount) reads it for the route that answers; the role-walk test fails for any /api route that is in
// neither list, so a new route cannot ship without a decision here.
//   pemantau — reads the dashboards: events, participants, attendance, reports, live, devices.
//   staf     — also the roster (import, add, edit, cancel, reissue), tickets and badges (they carry
//              the ticket codes), the sending queue of tickets and certificate links and its messages, scans brought from tablets, pairing and revoking door tablets.
//   admin    — also the event itself (waves, sessions, demo), the team and the audit log.
import type { Role } from '../../shared/api/team.js';

/** Routes anyone may call: health, public pages, first run, sign-in, pairing. */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/health',
  'POST /api/ticket-info',
  // Certificates: what the public certificate and verify pages read (certificates-public.ts).
  'GET /api/certificate-keys',
  'GET /api/certificate-status/:id',
  'GET /api/certificate-view/:id',
  'GET /api/certificate-images/:eventId/:etag',
  'GET /api/events/:eventId/certificate-signers/:index/signature',
  'GET /api/setup/status',
  'POST /api/setup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/team/invitations/peek',
  'POST /api/team/invitations/accept',
  'POST /api/devices/pair',
]);

/** Routes for paired door tablets: a live device token, never an organizer session. */
export const DOOR_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/door/manifest',
  'GET /api/door/live',
  'GET /api/door/roster',
  'POST /api/sync/push',
  'GET /api/sync/pull',
]);

/** Minimum role per organizer route, keyed "METHOD /api/path" as the app registers it. */
export const ROUTE_ROLES: Readonly<Record<string, Role>> = {
  // Any member: who am I, my password, my sessions.
  'GET /api/auth/me': 'pemantau',
  'POST /api/auth/password': 'pemantau',
  'POST /api/auth/logout-everywhere': 'pemantau',

  // Dashboards (read-only).
  'GET /api/events': 'pemantau',
  'GET /api/events/:eventId': 'pemantau',
  'GET /api/events/:eventId/participants': 'pemantau',
  'GET /api/participants/:id': 'pemantau',
  'GET /api/events/:eventId/attendance': 'pemantau',
  'GET /api/events/:eventId/attendance/summary': 'pemantau',
  'GET /api/events/:eventId/attendance.csv': 'pemantau',
  'GET /api/events/:eventId/attendance.xlsx': 'pemantau',
  'GET /api/events/:eventId/conflicts': 'pemantau',
  'GET /api/events/:eventId/rejections': 'pemantau',
  'GET /api/events/:eventId/live': 'pemantau',
  'GET /api/events/:eventId/devices': 'pemantau',
  'GET /api/events/:eventId/review': 'pemantau',
  'GET /api/events/:eventId/eligibility': 'pemantau',
  'GET /api/events/:eventId/recap': 'pemantau',
  'GET /api/events/:eventId/recap.xlsx': 'pemantau',
  'GET /api/events/:eventId/recap.csv': 'pemantau',
  'GET /api/link-origin': 'pemantau',
  'GET /api/events/:eventId/logo': 'pemantau',
  'GET /api/events/:eventId/certificate-template': 'pemantau',
  'GET /api/events/:eventId/certificates': 'pemantau',

  // Roster, tickets, badges, scans from tablets, door tablets.
  'POST /api/events/:eventId/participants': 'staf',
  'PATCH /api/participants/:id': 'staf',
  'POST /api/participants/:id/cancel': 'staf',
  'POST /api/participants/:id/reissue': 'staf',
  'POST /api/participants/:id/reactivate': 'staf',
  'POST /api/events/:eventId/review/marks': 'staf',
  'POST /api/events/:eventId/walk-ins/:scanId/register': 'staf',
  'POST /api/events/:eventId/walk-ins/:scanId/link': 'staf',
  'GET /api/participants/:id/ticket': 'staf',
  'GET /api/events/:eventId/tickets.csv': 'staf',
  'GET /api/events/:eventId/tickets.xlsx': 'staf',
  'GET /api/events/:eventId/badges': 'staf',
  // Names with NIK and phone: the office's lists.
  'GET /api/events/:eventId/sessions/:sessionId/lists': 'staf',
  'GET /api/events/:eventId/sessions/:sessionId/lists.xlsx': 'staf',
  'GET /api/events/:eventId/sessions/:sessionId/lists.csv': 'staf',
  'GET /api/events/:eventId/list-signers': 'staf',
  'PUT /api/events/:eventId/list-signers': 'staf',
  'GET /api/events/:eventId/sending': 'staf',
  'GET /api/events/:eventId/sending/settings': 'staf',
  'PUT /api/events/:eventId/sending/settings': 'staf',
  'POST /api/events/:eventId/sending/marks': 'staf',
  'DELETE /api/events/:eventId/sending/marks/:participantId/:version': 'staf',
  'GET /api/events/:eventId/import/template.xlsx': 'staf',
  'GET /api/events/:eventId/import/template.csv': 'staf',
  'POST /api/events/:eventId/import/preview': 'staf',
  'POST /api/events/:eventId/import/commit': 'staf',
  'POST /api/events/:eventId/scans/import': 'staf',
  'POST /api/events/:eventId/devices/pairings': 'staf',
  'POST /api/devices/:deviceId/revoke': 'staf',

  // The event itself.
  'POST /api/events': 'admin',
  'PATCH /api/events/:eventId': 'admin',
  'POST /api/events/:eventId/waves': 'admin',
  'PATCH /api/waves/:waveId': 'admin',
  'POST /api/waves/:waveId/sessions': 'admin',
  'PATCH /api/sessions/:sessionId': 'admin',
  'DELETE /api/sessions/:sessionId': 'admin',
  'POST /api/demo': 'admin',
  'POST /api/events/:eventId/archive': 'admin',
  'POST /api/events/:eventId/unarchive': 'admin',
  'DELETE /api/events/:eventId': 'admin',
  // Personal data: the retention day and erasing now (UU 27/2022).
  'GET /api/events/:eventId/retention': 'admin',
  'PUT /api/events/:eventId/retention': 'admin',
  'POST /api/events/:eventId/retention/erase': 'admin',
  'PUT /api/waves/:waveId/eligibility-rule': 'admin',
  'PUT /api/participants/:id/eligibility-override': 'admin',
  'DELETE /api/participants/:id/eligibility-override': 'admin',
  'PUT /api/events/:eventId/logo': 'admin',
  'DELETE /api/events/:eventId/logo': 'admin',
  // Certificates: the template and its signatures, issuing, revoking, re-issuing.
  'PUT /api/events/:eventId/certificate-template': 'admin',
  'PUT /api/events/:eventId/certificate-signers/:index/signature': 'admin',
  'DELETE /api/events/:eventId/certificate-signers/:index/signature': 'admin',
  'POST /api/waves/:waveId/certificates': 'admin',
  'POST /api/participants/:id/certificate': 'admin',
  'POST /api/certificates/:id/revoke': 'admin',
  'POST /api/certificates/:id/reissue': 'admin',

  // The team and its audit log.
  'GET /api/team': 'admin',
  'POST /api/team/invitations': 'admin',
  'DELETE /api/team/invitations/:id': 'admin',
  'PATCH /api/team/members/:id': 'admin',
  'DELETE /api/team/members/:id': 'admin',
  'GET /api/audit': 'admin',
};

/**
 * The minimum role for a request that reached `method path`. A route missing from the table
 * (or a path no route answers) falls back to pemantau for reads and admin for writes: closed
 * rather than open, and the role-walk test names the missing route.
 */
export function minimumRole(method: string, path: string | undefined): Role {
  const declared = path ? ROUTE_ROLES[`${method === 'HEAD' ? 'GET' : method} ${path}`] : undefined;
  if (declared) return declared;
  return method === 'GET' || method === 'HEAD' ? 'pemantau' : 'admin';
}
