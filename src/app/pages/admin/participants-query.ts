// The participants list's filters live in the page URL (?q=&wave=&status=&hadir=&session=&page=) so a reload,
// the back button or a shared link shows the same list.
import type { ParticipantStatus } from '../../../shared/api/schemas';

export const PAGE_SIZE = 50;

export interface ListFilter {
  q: string;
  wave: string;
  status: ParticipantStatus | '';
  /** Attended (hadir) or not (belum) the `session`, or any session when none is chosen. */
  attendance?: 'hadir' | 'belum' | undefined;
  session?: string | undefined;
  page: number;
}

/** Reads the filter from the page's query string, ignoring anything malformed. */
export function readFilter(search: URLSearchParams): ListFilter {
  const status = search.get('status');
  const page = Number(search.get('page') ?? '1');
  const hadir = search.get('hadir');
  return {
    q: (search.get('q') ?? '').slice(0, 100),
    wave: (search.get('wave') ?? '').slice(0, 20),
    status: status === 'active' || status === 'cancelled' ? status : '',
    page: Number.isInteger(page) && page >= 1 && page < 100_000 ? page : 1,
    attendance: hadir === 'hadir' || hadir === 'belum' ? hadir : undefined,
    session: search.get('session')?.slice(0, 20) || undefined,
  };
}

/** The page's own query string for a filter ("" when everything is default). */
export function filterSearch(f: ListFilter): string {
  const s = new URLSearchParams();
  if (f.q.trim()) s.set('q', f.q.trim());
  if (f.wave) s.set('wave', f.wave);
  if (f.status) s.set('status', f.status);
  if (f.attendance) s.set('hadir', f.attendance);
  if (f.session) s.set('session', f.session);
  if (f.page > 1) s.set('page', String(f.page));
  const text = s.toString();
  return text ? `?${text}` : '';
}

/** GET /api/events/:id/participants with the filter as query parameters. */
export function listPath(eventId: string, f: ListFilter): string {
  const s = new URLSearchParams();
  if (f.q.trim()) s.set('q', f.q.trim());
  if (f.wave) s.set('wave', f.wave);
  if (f.status) s.set('status', f.status);
  if (f.attendance) s.set('attendance', f.attendance);
  if (f.attendance && f.session) s.set('session', f.session);
  s.set('offset', String((f.page - 1) * PAGE_SIZE));
  s.set('limit', String(PAGE_SIZE));
  return `/api/events/${encodeURIComponent(eventId)}/participants?${s.toString()}`;
}

/** How many pages a total spans (at least one). */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}
