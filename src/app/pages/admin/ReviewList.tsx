// "Perlu diperiksa": everything at the doors that needs an organizer's look, each with why, and
// a button to mark it reviewed (stored on the server with who and when). Never says "nothing
// to review" while any item is listed.
import { useEffect, useState } from 'preact/hooks';
import type { ReviewItem, ReviewReport } from '../../../shared/api/review';
import type { WaveInfo } from '../../../shared/api/schemas';
import { reviewWords } from '../../../shared/door/scan-words';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { pickText, useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, useApiData } from './admin-api';
import { feedText } from './feed-text';
import { WalkInActions } from './WalkInActions';
import { formatWibClock } from './wib-time';

/** Read again this often besides after live scans: refusals arrive without one. */
const REVIEW_REFRESH_MS = 60_000;

/** The list; `refresh` changes whenever new scans arrived, to read it again. */
export function ReviewList(props: { eventId: string; refresh: number; waves: WaveInfo[] }) {
  const lang = useLang();
  const t = feedText[lang];
  const path = `/api/events/${encodeURIComponent(props.eventId)}/review`;
  const report = useApiData<ReviewReport>(path);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [showReviewed, setShowReviewed] = useState(false);
  const { reload } = report;
  useEffect(() => {
    if (props.refresh > 0) reload();
  }, [props.refresh, reload]);
  // A push whose scans were all refused stores no scan, so no live message announces it.
  useEffect(() => {
    const id = setInterval(reload, REVIEW_REFRESH_MS);
    return () => clearInterval(id);
  }, [reload]);

  const mark = async (item: ReviewItem, reviewed: boolean) => {
    setError(null);
    try {
      report.setData(
        await adminApi<ReviewReport>(`${path}/marks`, { body: { key: item.key, reviewed } }),
      );
    } catch (err) {
      setError(asFailure(err));
    }
  };

  const items = report.data?.items ?? [];
  const shown = showReviewed ? items : items.filter((i) => i.reviewed === null);
  return (
    <section data-testid="review">
      <h2>
        {t.review}
        {report.data && report.data.open > 0 && (
          <span class="tag warn" data-testid="review-open">
            {t.reviewOpen(report.data.open)}
          </span>
        )}
      </h2>
      <ErrorNotice error={report.error ?? error} />
      {report.data && items.length === 0 && (
        <p data-testid="nothing-to-review">{t.nothingToReview}</p>
      )}
      {report.data && items.length > 0 && report.data.open === 0 && !showReviewed && (
        <p>{t.allReviewed}</p>
      )}
      {items.some((i) => i.reviewed !== null) && (
        <label class="inline">
          <input
            type="checkbox"
            checked={showReviewed}
            onChange={(e) => setShowReviewed(e.currentTarget.checked)}
          />{' '}
          {t.showReviewed}
        </label>
      )}
      {shown.length > 0 && (
        <ul class="conflicts review-list" data-testid="review-items">
          {shown.map((item) => (
            <li
              key={item.key}
              data-reason={item.reason}
              data-reviewed={String(item.reviewed !== null)}
            >
              <span class="feed-time">{formatWibClock(item.at, lang)}</span>{' '}
              <strong>{item.name ?? t.unknownPerson}</strong>
              {item.business && <span class="muted"> · {item.business}</span>}
              <span class="muted">
                {[item.door, item.deviceName, item.volunteer]
                  .filter((x) => x)
                  .map((x) => ` · ${x}`)
                  .join('')}
              </span>
              <div class="review-why">{pickText(reviewWords(item.reason, item.detail), lang)}</div>
              {item.walkIn && (
                <WalkInActions
                  eventId={props.eventId}
                  item={item.walkIn}
                  waves={props.waves}
                  onChanged={reload}
                />
              )}
              {item.reviewed ? (
                <div class="muted">
                  {t.reviewedBy(item.reviewed.by, formatWibClock(item.reviewed.at, lang))}{' '}
                  <button type="button" class="secondary small" onClick={() => mark(item, false)}>
                    {t.unmark}
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  class="secondary small"
                  data-testid="mark-reviewed"
                  onClick={() => mark(item, true)}
                >
                  {t.markReviewed}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
