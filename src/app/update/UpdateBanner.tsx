import { useEffect, useState } from 'preact/hooks';
import { pickText, useLang } from '../i18n/i18n';
import {
  applyUpdateWhenClear,
  onUpdateAvailable,
  updateAvailable,
  updateBlocker,
} from './update-state';

const text = {
  id: {
    title: 'Versi baru tersedia — muat ulang?',
    reload: 'Muat ulang',
    later: 'Nanti',
    waiting: 'Menunggu',
  },
  en: {
    title: 'A new version is available — reload?',
    reload: 'Reload',
    later: 'Later',
    waiting: 'Waiting',
  },
};

/** "Versi baru tersedia — muat ulang?": the only way a new release takes over a page. */
export function UpdateBanner() {
  const lang = useLang();
  const t = text[lang];
  const [shown, setShown] = useState(updateAvailable());
  const [pending, setPending] = useState<{ id: string; en: string } | null>(null);
  useEffect(() => onUpdateAvailable(setShown), []);
  if (!shown) return null;
  const reload = () => {
    setPending(updateBlocker());
    void applyUpdateWhenClear();
  };
  return (
    <div class="update-banner" role="status" data-testid="update-banner">
      <span>{t.title}</span>
      {pending ? (
        <span class="update-wait">
          {t.waiting}: {pickText(pending, lang)}
        </span>
      ) : null}
      <button type="button" onClick={reload} data-testid="update-reload">
        {t.reload}
      </button>
      <button type="button" class="secondary" onClick={() => setShown(false)}>
        {t.later}
      </button>
    </div>
  );
}
