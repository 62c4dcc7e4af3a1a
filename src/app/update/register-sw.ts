// Registers the service worker with workbox-window and wires its "waiting" state to the consent
// banner. Tablets stay open all day, so the app also asks for updates every 30 minutes and when
// it comes back to the foreground.
import { Workbox } from 'workbox-window';
import { announceUpdate } from './update-state';

const CHECK_EVERY_MS = 30 * 60 * 1000;

/** Registers /sw.js; returns the Workbox instance. */
export function registerServiceWorker(): Workbox {
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    announceUpdate(() => {
      // Reload only once the new worker controls the page, so the reload gets the new version.
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
  const check = () => void wb.update().catch(() => undefined);
  setInterval(check, CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  return wb;
}
