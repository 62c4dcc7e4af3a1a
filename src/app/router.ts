// A tiny history router: the app has a handful of routes and the ticket page must stay small.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

/** Moves to another in-app path without a page load. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

/** The current location (path + search + hash), re-rendering on navigation. */
export function useLocation(): { path: string; search: URLSearchParams; hash: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    listeners.add(update);
    window.addEventListener('popstate', update);
    window.addEventListener('hashchange', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
      window.removeEventListener('hashchange', update);
    };
  }, []);
  return {
    path: location.pathname,
    search: new URLSearchParams(location.search),
    hash: location.hash.replace(/^#/, ''),
  };
}

/** Matches "/admin/events/:id" style patterns; returns the params or null. */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.replace(/\/+$/, '').split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const seg = s[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return null;
  }
  return params;
}

/**
 * Intercepts clicks on same-origin <a href> so links navigate in-app; `owns` limits it to the
 * paths this page can show (the ticket's own page knows only /t: other links load their page).
 */
export function onLinkClick(e: MouseEvent, owns: (path: string) => boolean = () => true): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
    return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || !owns(url.pathname))
    return;
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}
