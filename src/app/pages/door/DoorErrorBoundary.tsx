// If anything in the door's screens throws while rendering, the volunteer sees what happened and
// how to go on — never a blank page. Every scan already shown was on disk before it was shown
// (the door engine writes first), so "try again" and "reload" lose nothing.
import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { pickText, useLang } from '../../i18n/i18n';

/** Catches render errors below it and offers to try again or reload. */
export function DoorErrorBoundary(props: { children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((err: unknown) => console.error(err));
  const lang = useLang();
  if (!error) return <>{props.children}</>;
  const tx = (m: { id: string; en: string }) => pickText(m, lang);
  return (
    <main class="page door-step" data-testid="door-crashed">
      <div class="notice problem" role="alert">
        <h1>{tx({ id: 'Layar pintu mengalami galat', en: 'The door screen hit an error' })}</h1>
        <p>
          {tx({
            id: 'Pemindaian yang sudah tampil sudah tersimpan di tablet ini dan tidak hilang.',
            en: 'Every scan already shown is saved on this tablet and is not lost.',
          })}
        </p>
        <p>
          {tx({
            id: 'Ketuk "Coba lagi". Jika galat muncul lagi, muat ulang halaman.',
            en: 'Tap "Try again". If the error comes back, reload the page.',
          })}
        </p>
      </div>
      <div class="door-actions">
        <button type="button" data-testid="door-crashed-retry" onClick={reset}>
          {tx({ id: 'Coba lagi', en: 'Try again' })}
        </button>
        <button type="button" onClick={() => location.reload()}>
          {tx({ id: 'Muat ulang halaman', en: 'Reload the page' })}
        </button>
      </div>
    </main>
  );
}
