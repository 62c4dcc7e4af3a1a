// The door's list of scans the server refused (or holds with another body), each with whom it
// named, when, and the server's reason: the tablet keeps them, the volunteer can see why, and
// the unsynced-scans export carries the refused ones to the organizer.
import { useSyncIssueScans } from '../../db';
import { pickText, splitBilingual, useLang } from '../../i18n/i18n';
import { eventTime } from '../../../shared/door/clock';
import { clockText } from '../../../shared/door/wib-format';

/** "N pemindaian perlu diperiksa panitia", opening to the list with each reason. */
export function SyncIssueList() {
  const lang = useLang();
  const issues = useSyncIssueScans();
  if (!issues?.length) return null;
  return (
    <details class="warn" data-testid="health-sync-issues" data-count={issues.length}>
      <summary>
        {pickText(
          {
            id: `${issues.length} pemindaian perlu diperiksa panitia`,
            en: `${issues.length} scans need the organizer's review`,
          },
          lang,
        )}
      </summary>
      <ul data-testid="sync-issue-list">
        {issues.map(({ issue, event, person }) => (
          <li key={issue.eventId} data-code={issue.code}>
            {event && `${pickText(clockText(eventTime(event)), lang)} · `}
            {person ?? pickText({ id: 'tanpa nama', en: 'no name' }, lang)}
            {' — '}
            {pickText(splitBilingual(issue.message || issue.code), lang)}
          </li>
        ))}
      </ul>
    </details>
  );
}
