// App addresses answered by a lean page of their own instead of the whole app shell (index.html):
// the participant's ticket `/t` (and `/t#<token>`) is opened on budget phones, often offline, and
// its first paint must not wait for the router and every page's styles (e2e/bench/first-second.ts).
// Read by the server (src/server/http/static.ts) and the service worker (sw/sw.ts), so both
// answer a navigation with the same page.

/** App path (no trailing slash) → the built HTML file that answers it. */
export const OWN_PAGES: Readonly<Record<string, string>> = { '/t': '/ticket.html' };

/** The lean page for an app path, if it has one; `/t/` counts as `/t`. */
export function ownPageOf(path: string): string | null {
  return OWN_PAGES[path.replace(/\/+$/, '')] ?? null;
}
