// App addresses answered by a lean page of their own instead of the whole app shell (index.html):
// the participant's ticket `/t` (and `/t#<token>`) is opened on budget phones, often offline, and
// its first paint must not wait for the router and every page's styles; the door `/scan` (and
// everything under it) is restarted by volunteers while people queue, and its code is fetched
// with the page instead of after the shell has run (e2e/bench/first-second.ts). Read by the
// server (src/server/http/static.ts) and the service worker (sw/sw.ts), so both answer a
// navigation with the same page.

/**
 * App path (no trailing slash) → the built HTML file that answers it. A path ending in `/*` also
 * answers everything under it.
 */
export const OWN_PAGES: Readonly<Record<string, string>> = {
  '/t': '/ticket.html',
  '/scan/*': '/door.html',
};

/** The lean page for an app path, if it has one; `/t/` counts as `/t`. */
export function ownPageOf(path: string): string | null {
  const p = path.replace(/\/+$/, '');
  for (const [pattern, page] of Object.entries(OWN_PAGES)) {
    if (!pattern.endsWith('/*')) {
      if (p === pattern) return page;
      continue;
    }
    const base = pattern.slice(0, -2);
    if (p === base || p.startsWith(`${base}/`)) return page;
  }
  return null;
}
