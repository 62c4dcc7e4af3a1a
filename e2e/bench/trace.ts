// Where a page load's main-thread time goes, from a Chromium performance trace (CDP `Tracing`,
// with the V8 sampling profiler on): time by kind of work (parsing HTML, compiling and evaluating
// modules, running script, style, layout, paint, garbage collection), and the script time by
// file and by function from the profiler's samples. Used by e2e/bench/first-second.ts when
// FIRST_SECOND_TRACE is set; each figure is split into "before first contentful paint" and
// "after", since only the first part holds back what the person sees.
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

/** Starts a trace on `cdp`; the returned function stops it and gives the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'v8.execute',
        'blink.user_timing',
        'loading',
        'disabled-by-default-v8.cpu_profiler',
      ],
    },
  });
  return async () => {
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** Kinds of main-thread work, by trace event name (self time; anything else is "other"). */
const KINDS: [string, RegExp][] = [
  ['parse HTML', /^ParseHTML$/],
  [
    'compile script/module',
    /^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.produceModuleCache|CacheScript|v8\.parseOnBackground)/i,
  ],
  ['evaluate module/script', /^(v8\.evaluateModule|EvaluateScript|v8\.run)$/],
  [
    'run script (calls, events, timers, microtasks)',
    /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|FireIdleCallback|RunMicrotasks|V8\.Execute|v8\.callFunction|XHRReadyStateChange)$/,
  ],
  ['garbage collection', /GC|Gc|gc(?!h)/],
  [
    'style (parse CSS, recalc)',
    /^(ParseAuthorStyleSheet|UpdateLayoutTree|RecalcStyle|ScheduleStyleRecalculation|InvalidateLayout)$/,
  ],
  ['layout', /^(Layout|UpdateLayout)$/],
  [
    'paint & composite',
    /^(Paint|PrePaint|PaintImage|Layerize|Commit|UpdateLayer|CompositeLayers|RasterTask|Decode Image|ImageDecodeTask)$/,
  ],
];

function kindOf(name: string): string {
  for (const [kind, re] of KINDS) if (re.test(name)) return kind;
  return 'other (task overhead, loading, IPC)';
}

export interface TraceBreakdown {
  /** ms of self time per kind of work on the page's main thread: [before FCP, after]. */
  kinds: Record<string, [number, number]>;
  /** ms of sampled script self time per file: [before FCP, after]. */
  files: Record<string, [number, number]>;
  /** ms of sampled script self time per function (`name @ file`): [before FCP, after]. */
  functions: Record<string, [number, number]>;
  /** ms the service worker's thread was busy (all top-level tasks). */
  serviceWorker: number;
  /** First contentful paint, ms after navigation start (from the trace). */
  fcp: number;
}

const shortFile = (url: string): string => {
  if (!url) return '(native/V8)';
  try {
    const u = new URL(url);
    return (
      u.pathname.replace(/^\/assets\//, '').replace(/-[A-Za-z0-9_-]{8}\.(js|css)$/, '.$1') || url
    );
  } catch {
    return url;
  }
};

const add = (m: Record<string, [number, number]>, key: string, ms: number, before: boolean) => {
  const v = (m[key] ??= [0, 0]);
  v[before ? 0 : 1] += ms;
};

/** Sums a trace into a breakdown for the page whose document is at `origin`. */
export function breakdown(events: TraceEvent[], origin: string): TraceBreakdown {
  const threadName = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name')
      threadName.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string }).name));
  }
  // The page's main thread: the renderer main thread that parsed a document of `origin`.
  const parse = events.find(
    (e) =>
      e.name === 'ParseHTML' &&
      String((e.args?.beginData as { url?: string } | undefined)?.url ?? '').startsWith(origin),
  );
  if (!parse) throw new Error('trace: the page never parsed a document of ' + origin);
  const main = `${parse.pid}:${parse.tid}`;
  const nav = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      e.pid === parse.pid &&
      String(
        (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '',
      ).startsWith(origin),
  );
  const fcpEvent = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === parse.pid);
  const t0 = nav?.ts ?? parse.ts;
  const fcpTs = fcpEvent?.ts ?? Infinity;

  // Self time per event on the main thread (complete events nest by time on one thread).
  const kinds: Record<string, [number, number]> = {};
  const onMain = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { end: number; name: string; child: number; ts: number; dur: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= until) {
      const top = stack.pop()!;
      const self = Math.max(0, top.dur - top.child) / 1000;
      add(kinds, kindOf(top.name), self, top.ts < fcpTs);
    }
  };
  for (const e of onMain) {
    if (e.ts < t0) continue;
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.dur!;
    stack.push({ end: e.ts + e.dur!, name: e.name, child: 0, ts: e.ts, dur: e.dur! });
  }
  close(Infinity);

  // The sampling profiler of the main thread: its Profile event's id names its chunks.
  const files: Record<string, [number, number]> = {};
  const functions: Record<string, [number, number]> = {};
  const profile = events.find((e) => e.name === 'Profile' && `${e.pid}:${e.tid}` === main);
  if (profile) {
    const nodes = new Map<number, { fn: string; url: string }>();
    let ts = (profile.args?.data as { startTime?: number } | undefined)?.startTime ?? 0;
    for (const chunk of events.filter(
      (e) => e.name === 'ProfileChunk' && e.pid === profile.pid && e.id === profile.id,
    )) {
      const data = (chunk.args?.data ?? {}) as {
        cpuProfile?: {
          nodes?: { id: number; callFrame: { functionName: string; url?: string } }[];
          samples?: number[];
        };
        timeDeltas?: number[];
      };
      for (const n of data.cpuProfile?.nodes ?? [])
        nodes.set(n.id, {
          fn: n.callFrame.functionName || '(anonymous)',
          url: n.callFrame.url ?? '',
        });
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        ts += deltas[i] ?? 0;
        const next = deltas[i + 1] ?? 0;
        const node = nodes.get(samples[i]!);
        if (!node || node.fn === '(idle)' || node.fn === '(program)' || ts < t0) continue;
        const file = shortFile(node.url);
        add(files, file, next / 1000, ts < fcpTs);
        add(functions, `${node.fn} @ ${file}`, next / 1000, ts < fcpTs);
      }
    }
  }

  let serviceWorker = 0;
  for (const e of events) {
    const thread = threadName.get(`${e.pid}:${e.tid}`) ?? '';
    if (/ServiceWorker/i.test(thread) && e.ph === 'X' && e.name === 'RunTask' && e.ts >= t0)
      serviceWorker += (e.dur ?? 0) / 1000;
  }
  return { kinds, files, functions, serviceWorker, fcp: (fcpTs - t0) / 1000 };
}

/** Prints a breakdown: kinds of work, then the heaviest files and functions. */
export function printBreakdown(label: string, b: TraceBreakdown, top = 12): void {
  const row = (name: string, [before, after]: [number, number]) =>
    `      ${name.slice(0, 64).padEnd(64)} ${before.toFixed(1).padStart(7)} ${after.toFixed(1).padStart(7)}`;
  const sorted = (m: Record<string, [number, number]>) =>
    Object.entries(m).sort((x, y) => y[1][0] + y[1][1] - (x[1][0] + x[1][1]));
  const total = (m: Record<string, [number, number]>) =>
    Object.values(m).reduce<[number, number]>((s, v) => [s[0] + v[0], s[1] + v[1]], [0, 0]);
  console.log(
    `    trace of ${label}: FCP ${b.fcp.toFixed(0)} ms; service worker thread busy ${b.serviceWorker.toFixed(0)} ms (ms: before FCP, after)`,
  );
  console.log('    main thread by kind of work:');
  for (const [k, v] of sorted(b.kinds)) console.log(row(k, v));
  console.log(row('= total', total(b.kinds)));
  console.log('    script time by file (sampled):');
  for (const [k, v] of sorted(b.files).slice(0, top)) console.log(row(k, v));
  console.log('    script time by function (sampled):');
  for (const [k, v] of sorted(b.functions).slice(0, top)) console.log(row(k, v));
}
