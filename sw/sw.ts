/// <reference lib="webworker" />
// The service worker: precaches the whole app shell (every route chunk, CSS, icons, the
// manifest) so the ticket page, the certificate pages (/c, /v) and the door open with no network,
// and answers app navigations with the cached index.html. It never touches /api/*: API answers
// go to the network or fail, so nothing stale or personal is ever served from a cache.
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { OWN_PAGES, ownPageOf } from '../src/shared/app-pages';

declare let self: ServiceWorkerGlobalScope;

// The list is injected at build time by vite-plugin-pwa (injectManifest).
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The ticket (/t) and the door (/scan, /scan/…) have lean pages of their own, as the server
// answers them (src/shared/app-pages.ts).
const ownPages = new Map(
  Object.values(OWN_PAGES).map((page) => [page, createHandlerBoundToURL(page)]),
);
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && ownPageOf(url.pathname) !== null,
  (options) => ownPages.get(ownPageOf(options.url.pathname)!)!(options),
);

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    // API calls and real files (/sw.js, /icons/x.png, …) are never answered with the shell.
    denylist: [/^\/api\//, /\/[^/?]+\.[^/]+$/],
  }),
);

// No skipWaiting() here: a new version waits until every Hadir tab is closed, so a volunteer
// mid-scan never gets the app swapped under them (a consent prompt will come separately).
// clients.claim() therefore only matters on the very first install: it lets the page that
// installed the worker be controlled at once, so a ticket opened once works offline without
// a second visit.
clientsClaim();

// The page may ask a waiting worker to take over, but only after the person agreed.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Background Sync (Chromium): the browser wakes this worker when the network returns after a
// door recorded scans offline. The door page owns the outbox and the sync round, so the worker
// tells every open Hadir page to sync now; with no page open, the next app start syncs.
// https://developer.mozilla.org/en-US/docs/Web/API/Background_Synchronization_API
// The webworker lib has no SyncEvent type yet, hence the plain EventTarget listener.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
(self as unknown as EventTarget).addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== 'hadir-sync') return;
  sync.waitUntil(
    self.clients
      .matchAll({ type: 'window' })
      .then((pages) => pages.forEach((page) => page.postMessage({ type: 'hadir-sync' }))),
  );
});
