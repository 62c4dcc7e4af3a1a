// "Hadir: 123": everyone in at this session, at this door and every other door heard from.
import { useSessionCount } from '../../db';
import { pickText, useLang } from '../../i18n/i18n';

/** The session's attendance count, live. */
export function SessionCount(props: { sessionId: string }) {
  const lang = useLang();
  const count = useSessionCount(props.sessionId);
  return (
    <p class="door-count" data-testid="session-count" data-count={count ?? ''}>
      {pickText({ id: 'Hadir', en: 'In' }, lang)}: <strong>{count ?? '…'}</strong>
    </p>
  );
}
