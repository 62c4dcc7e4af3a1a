// Live updates of the roster summary without reloading it: a live scan that brings a roster
// member in for the first time moves them from "belum hadir" to the count and adds their arrival
// to the chart. What the console cannot decide alone (an undo, a second admission of someone
// already in, someone off the roster) asks for one re-read of the summary instead.
import type { AttendanceSummary, SessionSummary, WaveSummary } from './attendance-summary.js';
import { ARRIVAL_BUCKET_MINUTES } from './attendance-summary.js';
import type { LiveScan } from './attendance.js';
import { countsAsAdmission } from '../door/attendance-rules.js';

const BUCKET_MS = ARRIVAL_BUCKET_MINUTES * 60_000;

/** The summary after `scan`, and whether it must be re-read from the server to stay exact. */
export function applyLiveScan(
  summary: AttendanceSummary,
  scan: LiveScan,
): { summary: AttendanceSummary; resync: boolean } {
  const unchanged = { summary, resync: false };
  if (scan.kind === 'undo') return { summary, resync: true };
  if (!countsAsAdmission({ ...scan, correctedTime: Date.parse(scan.correctedTime) })) {
    return unchanged; // a refused scan lets nobody in
  }
  const wave = summary.waves.find((w) => w.sessions.some((s) => s.sessionId === scan.sessionId));
  const session = wave?.sessions.find((s) => s.sessionId === scan.sessionId);
  if (!wave || !session) return { summary, resync: true };
  const at = Date.parse(scan.correctedTime);
  let next: SessionSummary;
  let wavePresent = wave.present;
  if (scan.kind === 'walk-in' && scan.participantId === null) {
    next = { ...withArrival(session, scan.door, at), others: session.others + 1 };
  } else {
    const person = scan.participantId;
    if (person === null || !session.missing.some((m) => m.participantId === person)) {
      return { summary, resync: true };
    }
    const elsewhere = wave.sessions.some(
      (s) => s !== session && !s.missing.some((m) => m.participantId === person),
    );
    if (!elsewhere) wavePresent += 1;
    next = {
      ...withArrival(session, scan.door, at),
      present: session.present + 1,
      missing: session.missing.filter((m) => m.participantId !== person),
    };
  }
  const nextWave: WaveSummary = {
    ...wave,
    present: wavePresent,
    sessions: wave.sessions.map((s) => (s === session ? next : s)),
  };
  return {
    summary: { ...summary, waves: summary.waves.map((w) => (w === wave ? nextWave : w)) },
    resync: false,
  };
}

// One more first arrival at `door` in the bucket of `at`, widening the buckets when needed.
function withArrival(session: SessionSummary, door: string, at: number): SessionSummary {
  const bucket = Math.floor(at / BUCKET_MS) * BUCKET_MS;
  const starts = session.buckets.map((b) => Date.parse(b));
  let arrivals = session.arrivals.map((a) => ({ door: a.door, counts: [...a.counts] }));
  if (starts.length === 0) starts.push(bucket);
  const before = Math.max(0, (starts[0]! - bucket) / BUCKET_MS);
  const after = Math.max(0, (bucket - starts[starts.length - 1]!) / BUCKET_MS);
  const first = starts[0]! - before * BUCKET_MS;
  const n = starts.length + before + after;
  const buckets = Array.from({ length: n }, (_, i) =>
    new Date(first + i * BUCKET_MS).toISOString(),
  );
  arrivals = arrivals.map((a) => ({
    door: a.door,
    counts: [
      ...new Array<number>(before).fill(0),
      ...a.counts,
      ...new Array<number>(after).fill(0),
    ],
  }));
  let row = arrivals.find((a) => a.door === door);
  if (!row) {
    row = { door, counts: new Array<number>(n).fill(0) };
    arrivals.push(row);
    arrivals.sort((a, b) => (a.door < b.door ? -1 : a.door > b.door ? 1 : 0));
  }
  row.counts[(bucket - first) / BUCKET_MS]! += 1;
  return { ...session, buckets, arrivals };
}
