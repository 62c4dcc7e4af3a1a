// Keeps the screen on while a valid ticket is shown: queues at the door are slow and a phone
// that dims or locks has to be unlocked again in front of the scanner.
import { useEffect } from 'preact/hooks';

/** Holds a screen wake lock while `active` and the page is visible; silently absent elsewhere. */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let live = true;
    const acquire = () => {
      if (document.visibilityState !== 'visible' || lock) return;
      navigator.wakeLock.request('screen').then(
        (l) => {
          if (!live) return void l.release();
          lock = l;
          // The browser drops the lock when the page is hidden; take it again on return.
          l.addEventListener('release', () => (lock = null));
        },
        () => {}, // Battery saver or no permission: the ticket still works.
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', acquire);
      void lock?.release();
    };
  }, [active]);
}
