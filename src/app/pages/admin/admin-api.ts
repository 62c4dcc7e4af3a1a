// Organizer-side API access: every call that answers 401 sends the organizer to the sign-in page
// and comes back here afterwards; pages load their data through small hooks.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { EventDetail } from '../../../shared/api/schemas';
import { ApiFailure, api } from '../../lib/api';
import { navigate } from '../../router';
import { forgetMe } from './me';

type ApiOptions = Parameters<typeof api>[1];

/** Only in-app admin paths are accepted as a place to return to after signing in. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/admin') || next.startsWith('//')) return '/admin';
  if (next.startsWith('/admin/login') || next.startsWith('/admin/setup')) return '/admin';
  return next;
}

/** The sign-in path that returns to `here` afterwards. */
export function loginPath(here: string): string {
  const next = safeNext(here);
  return next === '/admin' ? '/admin/login' : `/admin/login?next=${encodeURIComponent(next)}`;
}

/** Sends the organizer to sign in if the failure means the session is gone. */
export function redirectIfSignedOut(err: unknown): void {
  // Several requests may fail at once; only the first one moves, so `next` is kept.
  if (
    err instanceof ApiFailure &&
    err.status === 401 &&
    !location.pathname.startsWith('/admin/login')
  ) {
    forgetMe();
    navigate(loginPath(location.pathname + location.search), { replace: true });
  }
}

/** `api()` for organizer endpoints: a 401 redirects to the sign-in page (and still throws). */
export async function adminApi<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  try {
    return await api<T>(path, opts);
  } catch (err) {
    redirectIfSignedOut(err);
    throw err;
  }
}

/** Turns anything thrown into an ApiFailure so views have one error shape to show. */
export function asFailure(err: unknown): ApiFailure {
  if (err instanceof ApiFailure) return err;
  const text = err instanceof Error ? err.message : String(err);
  return new ApiFailure(0, 'client-error', {
    id: `Terjadi kesalahan: ${text}`,
    en: `Something went wrong: ${text}`,
  });
}

export interface Loaded<T> {
  data: T | null;
  error: ApiFailure | null;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** GETs `path` (null: nothing yet) and re-fetches when it changes or on reload(). */
export function useApiData<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoading(true);
    adminApi<T>(path).then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(asFailure(err));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [path, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}

/** The event with its waves and sessions. */
export function useEventDetail(eventId: string): Loaded<EventDetail> {
  return useApiData<EventDetail>(`/api/events/${encodeURIComponent(eventId)}`);
}

/** Field names the API's validation error points at (details.issues[].path). */
export function invalidFields(err: ApiFailure | null): Set<string> {
  const fields = new Set<string>();
  const details = err?.details as { issues?: { path?: unknown }[]; field?: unknown } | undefined;
  for (const issue of details?.issues ?? []) {
    if (typeof issue.path === 'string' && issue.path) fields.add(issue.path.split('.')[0]!);
  }
  if (typeof details?.field === 'string') fields.add(details.field);
  if (err?.code === 'ends-before-start') fields.add('endsAt');
  if (err?.code === 'unknown-wave') fields.add('waveId');
  return fields;
}
