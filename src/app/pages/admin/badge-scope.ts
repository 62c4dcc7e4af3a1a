// What the badges page prints (a wave, all waves, or chosen participants), read from and written
// to its URL. Apart from badges.ts so the participants page links here without the QR library.
import { BADGE_IDS_MAX } from '../../../shared/api/schemas';

/** What the badges page prints. */
export type BadgeScope =
  | { kind: 'wave'; waveId: string }
  | { kind: 'all' }
  | { kind: 'ids'; ids: string[] }
  | { kind: 'none' };

/** The scope in the page's query: ?wave=…, ?all=1 or ?ids=a,b,c (at most BADGE_IDS_MAX). */
export function readBadgeScope(search: URLSearchParams): BadgeScope {
  const ids = (search.get('ids') ?? '').split(',').filter(Boolean);
  if (ids.length > 0) return { kind: 'ids', ids: [...new Set(ids)].slice(0, BADGE_IDS_MAX) };
  if (search.get('all') === '1') return { kind: 'all' };
  const waveId = search.get('wave');
  return waveId ? { kind: 'wave', waveId } : { kind: 'none' };
}

/** The query string for a scope, shared by the page's URL and the API call ('' for none). */
export function badgeScopeQuery(scope: BadgeScope): string {
  if (scope.kind === 'wave') return `?wave=${encodeURIComponent(scope.waveId)}`;
  if (scope.kind === 'all') return '?all=1';
  if (scope.kind === 'ids') return `?ids=${scope.ids.map(encodeURIComponent).join(',')}`;
  return '';
}

/** The badges page for a scope, e.g. from the participants page's selection. */
export function badgesPagePath(eventId: string, scope: BadgeScope): string {
  return `/admin/events/${encodeURIComponent(eventId)}/badges${badgeScopeQuery(scope)}`;
}
