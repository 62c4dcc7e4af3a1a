// The ticket page's code, loaded by its entry (ticket-main.tsx) after the first frame: the
// participant's ticket and the tickets saved on this phone, nothing else. No router table and no
// lazily loaded page: the QR, name, place and time render from what the phone kept, and the
// service worker's registration waits until the browser is idle.
import { render } from 'preact';
import { OwnPageShell } from './update/OwnPageShell';
import { whenIdle } from './lib/when-idle';

/** Links to /t (a saved ticket, the list) stay on this page; any other link loads its page. */
const ownsPath = (path: string) => path.replace(/\/+$/, '') === '/t';

// The ticket page's own modules (and the QR encoder) are evaluated in a task of their own, after
// Preact's: one task for the whole graph was a long task at 4× slower (~65 ms). The build lists
// their files in ticket.html with the rest (vite.config.ts), so they are fetched at once.
const page = import('./pages/ticket/TicketPage');

const app = document.getElementById('app')!;
const start = () =>
  void page.then(({ default: TicketPage }) =>
    render(
      <OwnPageShell owns={ownsPath}>
        <TicketPage params={{}} />
      </OwnPageShell>,
      app,
    ),
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
