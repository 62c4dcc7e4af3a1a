import type { ApiFailure } from '../../lib/api';
import { pickText, useLang } from '../../i18n/i18n';

/**
 * An API failure in the current language; "no connection" gets its own calmer notice. With
 * `onRetry` (failed loads) it offers to try again.
 */
export function ErrorNotice({
  error,
  id,
  onRetry,
}: {
  error: ApiFailure | null;
  id?: string;
  onRetry?: () => void;
}) {
  const en = useLang() === 'en';
  if (!error) return null;
  const text = pickText(error.messages, en ? 'en' : 'id');
  // Trying again only helps when the network or the server was the problem, not for a 404.
  const transient = error.status === 0 || error.status >= 500;
  const retry =
    onRetry && transient ? (
      <button type="button" class="secondary small retry" onClick={onRetry}>
        {en ? 'Try again' : 'Coba lagi'}
      </button>
    ) : null;
  if (error.code === 'offline') {
    return (
      <div class="notice offline-notice" role="alert" id={id} data-testid="offline-notice">
        <span>
          <strong>{en ? 'Offline. ' : 'Sedang offline. '}</strong>
          {text}
        </span>
        {retry}
      </div>
    );
  }
  return (
    <div class="error-notice" role="alert" id={id} data-error-code={error.code}>
      <span>{text}</span>
      {retry}
    </div>
  );
}

/** The failures worth showing: the same message twice (e.g. offline on two loads) shows once. */
export function distinctFailures(...errors: (ApiFailure | null)[]): ApiFailure[] {
  const seen = new Set<string>();
  return errors.filter((e): e is ApiFailure => {
    if (!e || seen.has(e.messages.id)) return false;
    seen.add(e.messages.id);
    return true;
  });
}
