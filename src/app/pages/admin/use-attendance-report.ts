// The attendance report kept live by deltas: read whole once, then after each burst of live scans
// only the person-sessions changed since its cursor are fetched and merged (attendance-delta.ts).
// The server answers a whole report again when its fold was rebuilt (new epoch).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AttendanceDelta, PositionedReport } from '../../../shared/api/attendance-delta';
import { isDelta, mergeAttendanceDelta } from '../../../shared/api/attendance-delta';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure } from './admin-api';

export interface LiveAttendance {
  data: PositionedReport | null;
  error: ApiFailure | null;
  /** Reads the whole report again (after an import, say). */
  reload(): void;
  /** Fetches and merges what changed since the report held. */
  refresh(): void;
}

export function useAttendanceReport(eventId: string): LiveAttendance {
  const path = `/api/events/${encodeURIComponent(eventId)}/attendance`;
  const [data, setData] = useState<PositionedReport | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const held = useRef<PositionedReport | null>(null);
  // One request at a time; a refresh asked meanwhile runs once after it.
  const busy = useRef(false);
  const again = useRef<'delta' | 'full' | null>(null);

  const run = useCallback(
    (kind: 'delta' | 'full') => {
      if (busy.current) {
        again.current = again.current === 'full' || kind === 'full' ? 'full' : 'delta';
        return;
      }
      busy.current = true;
      const current = held.current;
      const url =
        kind === 'delta' && current
          ? `${path}?after=${current.cursor}&epoch=${encodeURIComponent(current.epoch)}`
          : path;
      adminApi<PositionedReport | AttendanceDelta>(url)
        .then(
          (answer) => {
            const base = held.current;
            const next = isDelta(answer) && base ? mergeAttendanceDelta(base, answer) : answer;
            if (!isDelta(next)) {
              held.current = next;
              setData(next);
            }
            setError(null);
          },
          (err: unknown) => setError(asFailure(err)),
        )
        .finally(() => {
          busy.current = false;
          const pending = again.current;
          again.current = null;
          if (pending) run(pending);
        });
    },
    [path],
  );

  useEffect(() => {
    held.current = null;
    run('full');
  }, [run]);

  return { data, error, reload: () => run('full'), refresh: () => run('delta') };
}
