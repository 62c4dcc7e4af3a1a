// The ticket page's code, loaded by its entry (ticket-main.tsx) after the first frame: the
// participant's ticket and the tickets saved on this phone, nothing else. No router table and no
// lazily loaded page: the QR, name, place and time render from what the phone kept, and the
// service worker's registration waits until the browser is idle.
import { render } from 'preact';
import TicketPage from './pages/ticket/TicketPage';
import { OwnPageShell } from './update/OwnPageShell';
import { whenIdle } from './lib/when-idle';

/** Links to /t (a saved ticket, the list) stay on this page; any other link loads its page. */
const ownsPath = (path: string) => path.replace(/\/+$/, '') === '/t';

const app = document.getElementById('app')!;
const start = () =>
  render(
    <OwnPageShell owns={ownsPath}>
      <TicketPage params={{}} />
    </OwnPageShell>,
    app,
  );
// Already painted from the page kept on this phone (src/shared/ticket-boot.ts): rendering over it
// can wait for a task of its own, so evaluating this code and rendering are two shorter tasks
// rather than one long one on a slow phone. Otherwise render at once: nothing is shown yet.
if (app.firstElementChild) setTimeout(start, 0);
else start();

// The service worker keeps the ticket for offline use (sw/sw.ts); registered once the ticket has
// painted, as in main.tsx. Updates wait for consent (UpdateBanner).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  whenIdle(
    () =>
      void import('./update/register-sw').then(({ registerServiceWorker }) =>
        registerServiceWorker(),
      ),
  );
}
