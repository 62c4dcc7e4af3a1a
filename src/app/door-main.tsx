// The door's own entry (door.html, answered for /scan and everything under it): the door's pages
// and nothing of the organizer's. Its code is fetched together with the page (the HTML lists it for
// preloading) rather than after the app shell has run and picked the route, which a restarted
// tablet waited for (e2e/bench/first-second.ts, docs/door-cold-start.md).
import './door-boot';
import { render } from 'preact';
import { ownPageOf } from '../shared/app-pages';
import DoorPage from './pages/door/DoorPage';
import { markOnce } from './lib/marks';
import { OwnPageShell } from './update/OwnPageShell';
import './styles.css';

markOnce('route-loaded');

/** Links within the door stay on this page; any other link loads its own page. */
const ownsPath = (path: string) => ownPageOf(path) === ownPageOf('/scan');

render(
  <OwnPageShell owns={ownsPath}>
    <DoorPage />
  </OwnPageShell>,
  document.getElementById('app')!,
);

// The service worker keeps the door working offline (sw/sw.ts), registered as in main.tsx.
// Updates wait for consent (UpdateBanner), and at the door until the verdict has cleared.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void import('./update/register-sw').then(({ registerServiceWorker }) => registerServiceWorker());
}
