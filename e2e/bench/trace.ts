// Where a page load's main-thread time goes, from a Chromium performance trace (CDP `Tracing`,
// with the V8 sampling profiler on): time by kind of work (parsing HTML, compiling and evaluating
// modules, running script, style, layout, paint, garbage collection), and the script time by
// file and by function from the profiler's samples. Used by e2e/bench/first-second.ts when
// FIRST_SECOND_TRACE is set; each figure is split into "before first contentful paint" and
// "after", since only the first part holds back what the person sees.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';

export interface TraceEvent {
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

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One decoded source map: per generated line, [column, source, original line, name] segments. */
type Segments = [number, number, number, number][][];

/** Decodes a source map's `mappings` (base64 VLQ, the format's only encoding). */
function decodeMappings(mappings: string): Segments {
  const lines: Segments = [];
  let source = 0;
  let origLine = 0;
  let name = -1;
  for (const line of mappings.split(';')) {
    const segs: [number, number, number, number][] = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0]!;
      if (values.length >= 4) {
        source += values[1]!;
        origLine += values[2]!;
        if (values.length >= 5) name += values[4]! + (name < 0 ? 1 : 0);
        segs.push([col, source, origLine, values.length >= 5 ? name : -1]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

const maps = new Map<string, { sources: string[]; names: string[]; lines: Segments } | null>();

/**
 * Where a built function comes from (`src/app/…:line`), from the build's hidden source maps in
 * dist/public; null when the file has none.
 */
function original(url: string, line: number, col: number): { file: string; at: string } | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  if (!maps.has(path)) {
    const file = join('dist/public', path + '.map');
    const raw = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as {
          sources: string[];
          names: string[];
          mappings: string;
        })
      : null;
    maps.set(path, raw && { ...raw, lines: decodeMappings(raw.mappings) });
  }
  const map = maps.get(path);
  const segs = map?.lines[line];
  if (!map || !segs?.length) return null;
  let best = segs[0]!;
  for (const seg of segs) if (seg[0] <= col) best = seg;
  const file = (map.sources[best[1]] ?? '?')
    .replace(/^(\.\.\/)+/, '')
    .replace(/^.*node_modules\//, '');
  return { file, at: `${file}:${best[2] + 1}` };
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
  /** ms of sampled script self time per source module (through the build's source maps). */
  modules: Record<string, [number, number]>;
  /** ms the service worker's thread was busy (all top-level tasks). */
  serviceWorker: number;
  /** First contentful paint, ms after navigation start (from the trace). */
  fcp: number;
  /**
   * Main-thread tasks of 5 ms or more until FCP, and the long ones (50 ms or more) after it:
   * start, duration, heaviest inner events.
   */
  tasks: { at: number; ms: number; what: string }[];
  /** Files the page fetched until FCP: when asked for and when received. */
  resources: { url: string; sent: number; done: number }[];
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
  const tasks: TraceBreakdown['tasks'] = [];
  let task: { at: number; ms: number; inner: Record<string, number> } | null = null;
  const onMain = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { end: number; name: string; child: number; ts: number; dur: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= until) {
      const top = stack.pop()!;
      const self = Math.max(0, top.dur - top.child) / 1000;
      add(kinds, kindOf(top.name), self, top.ts < fcpTs);
      if (task && stack.length) task.inner[top.name] = (task.inner[top.name] ?? 0) + self;
      if (task && !stack.length) {
        const inner = Object.entries(task.inner)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([n, v]) => `${n} ${v.toFixed(0)}`)
          .join(', ');
        if (task.ms >= 50 || (task.ms >= 5 && task.at <= (fcpTs - t0) / 1000))
          tasks.push({ at: task.at, ms: task.ms, what: inner });
        task = null;
      }
    }
  };
  for (const e of onMain) {
    if (e.ts < t0) continue;
    close(e.ts);
    if (!stack.length) task = { at: (e.ts - t0) / 1000, ms: e.dur! / 1000, inner: {} };
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.dur!;
    stack.push({ end: e.ts + e.dur!, name: e.name, child: 0, ts: e.ts, dur: e.dur! });
  }
  close(Infinity);

  // The sampling profiler of the main thread: its Profile event's id names its chunks.
  const files: Record<string, [number, number]> = {};
  const functions: Record<string, [number, number]> = {};
  const modules: Record<string, [number, number]> = {};
  const profile = events.find((e) => e.name === 'Profile' && `${e.pid}:${e.tid}` === main);
  if (profile) {
    const nodes = new Map<number, { fn: string; url: string; src: string; at: string }>();
    let ts = (profile.args?.data as { startTime?: number } | undefined)?.startTime ?? 0;
    for (const chunk of events.filter(
      (e) => e.name === 'ProfileChunk' && e.pid === profile.pid && e.id === profile.id,
    )) {
      const data = (chunk.args?.data ?? {}) as {
        cpuProfile?: {
          nodes?: {
            id: number;
            callFrame: {
              functionName: string;
              url?: string;
              lineNumber?: number;
              columnNumber?: number;
            };
          }[];
          samples?: number[];
        };
        timeDeltas?: number[];
      };
      for (const n of data.cpuProfile?.nodes ?? []) {
        const { functionName, url = '', lineNumber = -1, columnNumber = -1 } = n.callFrame;
        const from = url ? original(url, lineNumber, columnNumber) : null;
        nodes.set(n.id, {
          fn: functionName || '(anonymous)',
          url,
          src: from?.file ?? shortFile(url),
          at: from?.at ?? shortFile(url),
        });
      }
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        ts += deltas[i] ?? 0;
        const next = deltas[i + 1] ?? 0;
        const node = nodes.get(samples[i]!);
        if (!node || node.fn === '(idle)' || node.fn === '(program)' || ts < t0) continue;
        const file = shortFile(node.url);
        add(files, file, next / 1000, ts < fcpTs);
        add(functions, `${node.fn} @ ${node.at}`, next / 1000, ts < fcpTs);
        add(modules, node.src, next / 1000, ts < fcpTs);
      }
    }
  }

  let serviceWorker = 0;
  for (const e of events) {
    const thread = threadName.get(`${e.pid}:${e.tid}`) ?? '';
    if (/ServiceWorker/i.test(thread) && e.ph === 'X' && e.name === 'RunTask' && e.ts >= t0)
      serviceWorker += (e.dur ?? 0) / 1000;
  }
  const resources: TraceBreakdown['resources'] = [];
  const byId = new Map<string, { url: string; sent: number; done: number }>();
  for (const e of events) {
    const data = (e.args?.data ?? {}) as { requestId?: string; url?: string };
    if (e.pid !== parse.pid || !data.requestId) continue;
    if (e.name === 'ResourceSendRequest' && data.url) {
      const r = { url: shortFile(data.url), sent: (e.ts - t0) / 1000, done: NaN };
      byId.set(data.requestId, r);
      if (e.ts <= fcpTs) resources.push(r);
    }
    if (e.name === 'ResourceFinish') {
      const r = byId.get(data.requestId);
      if (r) r.done = (e.ts - t0) / 1000;
    }
  }
  return {
    kinds,
    files,
    functions,
    modules,
    serviceWorker,
    fcp: (fcpTs - t0) / 1000,
    tasks,
    resources,
  };
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
  if (process.env.FIRST_SECOND_TRACE === 'all') {
    console.log(
      '    main-thread tasks ≥ 5 ms until FCP, ≥ 50 ms after (start, ms, heaviest inner events):',
    );
    for (const t of b.tasks)
      console.log(`      ${t.at.toFixed(0).padStart(5)} ${t.ms.toFixed(1).padStart(6)}  ${t.what}`);
    console.log('    files fetched until FCP (asked, received):');
    for (const r of b.resources)
      console.log(
        `      ${r.sent.toFixed(0).padStart(5)} ${r.done.toFixed(0).padStart(5)}  ${r.url}`,
      );
  }
  console.log('    script time by file (sampled):');
  for (const [k, v] of sorted(b.files).slice(0, top)) console.log(row(k, v));
  console.log('    script time by source module (sampled, through source maps):');
  for (const [k, v] of sorted(b.modules).slice(0, top)) console.log(row(k, v));
  console.log('    script time by function (sampled; minified name @ source line):');
  for (const [k, v] of sorted(b.functions).slice(0, top)) console.log(row(k, v));
}
