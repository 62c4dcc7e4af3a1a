// The roster summary kept live: read once, then each live scan after the summary's cursor is
// applied in place (attendance-summary-delta.ts); a scan it cannot place, or a gap between the
// summary and where the live stream started, costs one re-read (cheap: the server's fold is cached).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LiveScan } from '../../../shared/api/attendance';
import type { AttendanceSummary } from '../../../shared/api/attendance-summary';
import { applyLiveScan } from '../../../shared/api/attendance-summary-delta';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure } from './admin-api';

/** A burst of scans the summary cannot place costs one re-read this long after the last. */
const RESYNC_AFTER_MS = 300;
/** Live scans remembered, to re-apply those a re-read answered too early to include. */
const RECENT = 1000;

export interface RosterSummaryLive {
  summary: AttendanceSummary | null;
  error: ApiFailure | null;
  /** A live scan with its server seq (the SSE id). */
  onScan(scan: LiveScan, seq: number): void;
  /** The live stream (re)started after seq `after`. */
  onReady(after: number): void;
  reload(): void;
}

export function useRosterSummary(eventId: string): RosterSummaryLive {
  const path = `/api/events/${encodeURIComponent(eventId)}/attendance/summary`;
  const [summary, setSummary] = useState<AttendanceSummary | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const current = useRef<AttendanceSummary | null>(null);
  const liveFrom = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const recent = useRef<{ scan: LiveScan; seq: number }[]>([]);

  const show = (s: AttendanceSummary) => {
    current.current = s;
    setSummary(s);
  };
  const reload = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    adminApi<AttendanceSummary>(path).then(
      (read) => {
        // Scans that arrived while the summary was on its way are not in it yet.
        let s = read;
        let resync = false;
        for (const r of recent.current) {
          if (r.seq <= s.cursor) continue;
          const next = applyLiveScan(s, r.scan);
          s = { ...next.summary, cursor: r.seq };
          resync ||= next.resync;
        }
        show(s);
        setError(null);
        if (resync) reloadSoon();
        // Scans between the summary and the live stream's start would never arrive: re-read.
        if (s.cursor < liveFrom.current) reloadSoon();
      },
      (err: unknown) => setError(asFailure(err)),
    );
  }, [path]);
  const reloadSoon = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(reload, RESYNC_AFTER_MS);
  };

  useEffect(() => {
    reload();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reload]);

  return {
    summary,
    error,
    reload,
    onReady(after) {
      liveFrom.current = after;
      const s = current.current;
      if (s && s.cursor < after) reloadSoon();
    },
    onScan(scan, seq) {
      recent.current.push({ scan, seq });
      if (recent.current.length > RECENT) recent.current.shift();
      const s = current.current;
      if (!s || seq <= s.cursor) return; // already counted in the summary
      const next = applyLiveScan(s, scan);
      show({ ...next.summary, cursor: seq });
      if (next.resync) reloadSoon();
    },
  };
}
