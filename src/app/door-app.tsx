// The door's code on its own page (door.html), loaded by its entry (door-main.tsx) once the
// camera, the decoder and storage have started opening: the door's pages and nothing of the
// organizer's.
import { render } from 'preact';
import { ownPageOf } from '../shared/app-pages';
import DoorPage from './pages/door/DoorPage';
import { markOnce } from './lib/marks';
import { OwnPageShell } from './update/OwnPageShell';

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
