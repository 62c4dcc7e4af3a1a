// Arrivals per 10 minutes per door as stacked SVG bars (no chart library: a few rects), with the
// same figures as a table for screen readers and for reading exact counts.
import type { SessionSummary } from '../../../shared/api/attendance-summary';
import { useLang } from '../../i18n/i18n';
import { rosterSummaryText } from './roster-summary-text';
import { formatWibClock } from './wib-time';

// Distinct, dark enough on white for the bars to read (≥ 3:1), one per door in door order.
const COLOURS = ['#1f6f43', '#1d4e89', '#9a4d00', '#6b2c91', '#a3122a', '#35565a'];
const BAR = 20;
const GAP = 4;
const HEIGHT = 120;

export function ArrivalsChart(props: { session: SessionSummary }) {
  const lang = useLang();
  const t = rosterSummaryText[lang];
  const wibClock = (iso: string) => formatWibClock(iso, lang, { seconds: false });
  const { buckets, arrivals } = props.session;
  if (buckets.length === 0) return <p class="muted">{t.noArrivals}</p>;
  const totals = buckets.map((_, i) => arrivals.reduce((n, a) => n + (a.counts[i] ?? 0), 0));
  const peak = Math.max(1, ...totals);
  const width = buckets.length * (BAR + GAP);
  const all = totals.reduce((a, b) => a + b, 0);
  const label = t.chartLabel(all, wibClock(buckets[0]!), wibClock(buckets[buckets.length - 1]!));
  return (
    <figure class="arrivals" data-testid="arrivals-chart">
      <figcaption>{t.arrivals}</figcaption>
      <div class="arrivals-scroll">
        <svg
          role="img"
          aria-label={label}
          width={width}
          height={HEIGHT + 18}
          viewBox={`0 0 ${width} ${HEIGHT + 18}`}
        >
          {buckets.map((start, i) => {
            let y = HEIGHT;
            return (
              <g key={start}>
                {arrivals.map((a, d) => {
                  const h = ((a.counts[i] ?? 0) / peak) * HEIGHT;
                  y -= h;
                  return h > 0 ? (
                    <rect
                      key={a.door}
                      x={i * (BAR + GAP)}
                      y={y}
                      width={BAR}
                      height={h}
                      fill={COLOURS[d % COLOURS.length]}
                    />
                  ) : null;
                })}
                {i % 3 === 0 && (
                  <text x={i * (BAR + GAP)} y={HEIGHT + 14} class="arrivals-tick">
                    {wibClock(start)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <ul class="arrivals-legend">
        {arrivals.map((a, d) => (
          <li key={a.door}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={COLOURS[d % COLOURS.length]} />
            </svg>{' '}
            {a.door} ({a.counts.reduce((x, y) => x + y, 0)})
          </li>
        ))}
      </ul>
      <details>
        <summary>{t.table}</summary>
        <table class="arrivals-table">
          <thead>
            <tr>
              <th scope="col">{t.time}</th>
              {arrivals.map((a) => (
                <th scope="col" key={a.door}>
                  {a.door}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {buckets.map((start, i) =>
              totals[i] ? (
                <tr key={start}>
                  <th scope="row">{wibClock(start)}</th>
                  {arrivals.map((a) => (
                    <td key={a.door}>{a.counts[i] ?? 0}</td>
                  ))}
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
