// Browser entry: the smallest shell that picks a route and lazily loads its page, so the
// participant's ticket page never downloads the organizer's code.
import { markOnce } from './lib/marks';
markOnce('main');
import { render } from 'preact';
import { App, loadFirstPage } from './App';
import { startDoorEarly } from './scanner/door-early';
import './styles.css';

// The door's camera and decoder start now, beside the door's code (they take as long).
void startDoorEarly(location.pathname);

// The page's chunk first, then one render of it: until then the screen would only show an empty
// placeholder anyway.
void loadFirstPage().then(() => render(<App />, document.getElementById('app')!));

// The service worker (sw/sw.ts) precaches the app so tickets and the door work offline. Only in
// production builds: in dev it would serve stale modules. workbox-window is loaded after first
// render so it never delays the page. Updates wait for consent (UpdateBanner).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void import('./update/register-sw').then(({ registerServiceWorker }) => registerServiceWorker());
}
