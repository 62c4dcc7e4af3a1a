import type { ApiFailure } from '../../lib/api';
import { pickText, useLang } from '../../i18n/i18n';

/** An API failure in the current language; "no connection" gets its own calmer notice. */
export function ErrorNotice({ error, id }: { error: ApiFailure | null; id?: string }) {
  const lang = useLang();
  if (!error) return null;
  const text = pickText(error.messages, lang);
  if (error.code === 'offline') {
    return (
      <p class="notice offline-notice" role="alert" id={id} data-testid="offline-notice">
        <strong>{lang === 'en' ? 'Offline. ' : 'Offline. '}</strong>
        {text}
      </p>
    );
  }
  return (
    <p class="error-notice" role="alert" id={id} data-error-code={error.code}>
      {text}
    </p>
  );
}
