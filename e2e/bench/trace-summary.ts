// Where a page's main thread spends its start, from a Chromium performance trace (CDP Tracing):
// the page's own main thread (the renderer thread that recorded the app's `hadir:main` mark),
// from navigation to a given moment, as self time by kind of work and script, and each long task
// (≥ 50 ms) with the work that filled it. Used by the first-second bench (FIRST_SECOND_TRACE=1).
import type { CDPSession } from '@playwright/test';
import type { TraceEvent } from './trace.js';
// The trace itself is started by trace.ts's startTrace (one way to record one); this file reads
// it up to a mark, where trace.ts splits it at the first contentful paint.

// Work worth naming; everything else on the thread is counted as "other".
const NAMED = new Set([
  'ParseHTML',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceModuleCache',
  'v8.deserializeCodeCache',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'RunMicrotasks',
  'V8.GC_SCAVENGER',
  'MajorGC',
  'MinorGC',
  'ParseAuthorStyleSheet',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'ResourceReceivedData',
  'ResourceFinish',
]);

function short(url: unknown): string {
  if (typeof url !== 'string' || !url) return '';
  const path = url.replace(/^[a-z]+:\/\/[^/]+/, '').replace(/-[A-Za-z0-9_]{8}\.(js|css)$/, '.$1');
  return path.length > 48 ? '…' + path.slice(-47) : path;
}

function label(e: TraceEvent): string {
  const d = (e.args?.['data'] ?? {}) as Record<string, unknown>;
  const where = short(d['url'] ?? d['fileName'] ?? e.args?.['url']);
  const fn =
    typeof d['functionName'] === 'string' && d['functionName'] ? ` ${d['functionName']}` : '';
  const type = typeof d['type'] === 'string' ? ` ${d['type']}` : '';
  return `${e.name}${type}${where ? ' ' + where : ''}${fn}`;
}

export interface TraceSummary {
  /** Self time (ms) by labelled kind of work, biggest first. */
  self: [string, number][];
  /** Long tasks: start (ms since navigation), duration, and their three biggest parts. */
  longTasks: { at: number; ms: number; parts: [string, number][] }[];
  /** Main-thread busy time (ms) in the window. */
  busy: number;
}

/** Summarises the page's main thread from navigation to `untilMs` after it. */
export function summariseTrace(events: TraceEvent[], untilMs: number): TraceSummary | null {
  const mark = events.find((e) => e.name === 'hadir:main');
  if (!mark) return null;
  const { pid, tid } = mark;
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid);
  const t0 = nav?.ts ?? Math.min(...events.filter((e) => e.pid === pid).map((e) => e.ts));
  const t1 = t0 + untilMs * 1000;
  const thread = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .filter((e) => e.ts >= t0 && e.ts <= t1)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  // Self time: each event's duration less its children's, nesting by time on the one thread.
  const self = new Map<string, number>();
  const long: { at: number; ms: number; parts: Map<string, number> }[] = [];
  const stack: { end: number; key: string }[] = [];
  let busy = 0;
  let task: Map<string, number> | undefined;
  const add = (key: string, us: number) => {
    self.set(key, (self.get(key) ?? 0) + us);
    if (task) task.set(key, (task.get(key) ?? 0) + us);
  };
  for (const e of thread) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent) {
      // A top-level task.
      busy += e.dur!;
      task = new Map();
      if (e.dur! >= 50_000) long.push({ at: (e.ts - t0) / 1000, ms: e.dur! / 1000, parts: task });
    }
    const key = NAMED.has(e.name) ? label(e) : parent ? parent.key : 'other (task overhead)';
    add(key, e.dur!);
    if (parent) add(parent.key, -e.dur!);
    stack.push({ end: e.ts + e.dur!, key });
  }
  return {
    self: [...self.entries()]
      .filter(([, us]) => us > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([k, us]) => [k, us / 1000]),
    longTasks: long.map((t) => ({
      at: t.at,
      ms: t.ms,
      parts: [...t.parts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, us]) => [k, us / 1000]),
    })),
    busy: busy / 1000,
  };
}

/** Prints a summary, `top` biggest kinds of work. */
export function printTrace(title: string, s: TraceSummary | null, top = 14): void {
  if (!s) return void console.log(`    ${title}: no trace of the page's main thread`);
  console.log(`    ${title}: main thread busy ${s.busy.toFixed(0)} ms; self time by work:`);
  for (const [k, ms] of s.self.slice(0, top))
    console.log(`      ${ms.toFixed(1).padStart(7)} ms  ${k}`);
  for (const t of s.longTasks) {
    const parts = t.parts.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join('; ');
    console.log(`      long task at ${t.at.toFixed(0)} ms: ${t.ms.toFixed(0)} ms (${parts})`);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Samples the page's JavaScript (CDP Profiler) from now; the returned function stops and gives
 * the self time (ms) by function and script in the first `untilMs` of the profile, biggest first.
 */
export async function startProfile(
  cdp: CDPSession,
): Promise<(untilMs: number) => Promise<[string, number][]>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async (untilMs) => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let t = 0;
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] ?? 0;
      if (t / 1000 > untilMs) break;
      const f = byId.get(samples[i]!)?.callFrame;
      if (!f || f.functionName === '(idle)' || f.functionName === '(program)') continue;
      const key = `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
    }
    return [...self.entries()].sort((a, b) => b[1] - a[1]);
  };
}
