// The first second, with Chromium's CPU throttled 4× (a budget phone, a cheap door tablet):
//  - the participant's ticket `/t#<token>`, online and offline (served by the service worker):
//    first contentful paint, long-task total and longest, when the QR and the name first show,
//    and the app's own `hadir:*` marks (module start, route chunk loaded, QR drawn, saved read);
//  - the door's offline cold start: camera open, decoder ready, storage read (door stage), the
//    first frame handed to the decoder.
// Beside floors in the same run, precached by the same service worker: a page with a static
// inline-SVG QR (public/bench/ticket-floor.html) and one that only opens the camera and paints
// its first frame (public/bench/camera-floor.html). Runs alternate app and floor; medians.
// The door's cold start is also measured unthrottled (target p50 ≤ 1 s), beside the same floor.
// FIRST_SECOND_TRACE=1 adds one traced door cold start (throttled): the main thread's work from
// navigation to the first frame handed to the decoder (trace-summary.ts); FIRST_SECOND_TRACE=
// <file>.json also keeps the raw trace, for the DevTools Performance panel. FIRST_SECOND_ONLY=door
// or =ticket runs one part.
// Needs the build; standalone: `npx tsx e2e/bench/first-second.ts`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { request } from '@playwright/test';
import { launchWithCamera } from '../fixtures/camera-browser.js';
import { participantsOf, prepareDoorEvent, ticketOf } from '../fixtures/door-event.js';
import { freshPage, pairedProfile } from '../fixtures/door-stream.js';
import { startServer } from '../fixtures/server.js';
import { writeY4m } from '../fixtures/y4m.js';
import { breakdown, printBreakdown, startTrace } from './trace.js';
import { printTrace, startProfile, summariseTrace } from './trace-summary.js';

const RUNS = Number(process.env.FIRST_SECOND_RUNS ?? 5);
const THROTTLE = 4;
const SETTLE_MS = 1500;
/** FIRST_SECOND_ONLY=ticket or door: measure one of the two. */
const ONLY = process.env.FIRST_SECOND_ONLY ?? '';
/** FIRST_SECOND_TRACE=1: one more traced load of each ticket page (and floor) and of the door. */
const TRACE = Boolean(process.env.FIRST_SECOND_TRACE);
/** FIRST_SECOND_TASKS=1: each load's long tasks (start + duration) and marks, as they come. */
const TASKS = Boolean(process.env.FIRST_SECOND_TASKS);
const TRACE_FILE = process.env.FIRST_SECOND_TRACE?.endsWith('.json')
  ? process.env.FIRST_SECOND_TRACE
  : '';

/** What one page load measured, in ms since navigation start (NaN: did not happen). */
type Sample = Record<string, number>;

// Strings, not functions: tsx would wrap inner functions in a `__name` helper the page lacks.
const WATCH = `
  window.__lt = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lt.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  window.__loaf = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__loaf.push(Math.round(e.startTime) + '+' + Math.round(e.duration) + ' [' + e.scripts.map((s) => s.invoker + ' ' + (s.sourceURL || '').split('/').pop() + ':' + (s.sourceFunctionName || '') + ' ' + Math.round(s.duration)).join('; ') + ']');
    }).observe({ type: 'long-animation-frame' });
  } catch {}
  window.__seen = {};
  const seen = (name, sel) => {
    if (window.__seen[name] === undefined && document.querySelector(sel)) {
      const at = performance.now();
      window.__seen[name] = at;
      // Painted: the frame after the one that will show it.
      requestAnimationFrame(() => setTimeout(() => (window.__seen[name + '-painted'] = performance.now())));
    }
  };
  new MutationObserver(() => {
    seen('qr', '[data-testid="ticket-qr"], body > svg');
    seen('name', '[data-testid="ticket-name"], body > h1');
    seen('details', '.ticket-details');
    seen('live', '[data-testid="camera-view"][data-state="live"]');
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

async function collect(page: Page): Promise<Sample> {
  return page.evaluate(`(() => {
    const out = {};
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    out.fcp = fcp ? fcp.startTime : NaN;
    out.longTotal = window.__lt.reduce((a, [, d]) => a + d, 0);
    out.longMax = Math.max(0, ...window.__lt.map(([, d]) => d));
    out.longAfterFcp = window.__lt.reduce((a, [s, d]) => (s >= out.fcp ? a + d : a), 0);
    for (const [k, v] of Object.entries(window.__seen)) out['seen:' + k] = v;
    for (const e of performance.getEntries()) {
      if (!e.name.startsWith('hadir:')) continue;
      const name = e.name.slice(6);
      if (e.entryType === 'mark') out[name] = e.startTime;
      else if (e.entryType === 'measure') out[name + ' (ms)'] = (out[name + ' (ms)'] ?? 0) + e.duration;
    }
    return out;
  })()`);
}

/** Writes the raw trace where FIRST_SECOND_TRACE names a .json file (opens in DevTools). */
function kept<T>(events: T): T {
  if (TRACE_FILE) writeFileSync(TRACE_FILE, JSON.stringify({ traceEvents: events }));
  return events;
}

/**
 * Waits for the page's `hadir:<name>` mark over bare CDP: Playwright's waitForFunction would first
 * inject its own 300 KB script into the page, a long task in the middle of the start it measures.
 */
async function markSeen(cdp: CDPSession, name: string, timeoutMs = 30_000): Promise<void> {
  const full = JSON.stringify(`hadir:${name}`);
  const seen = cdp.send('Runtime.evaluate', {
    awaitPromise: true,
    expression: `new Promise((resolve) => {
      const has = () => performance.getEntriesByName(${full}).length > 0;
      if (has()) return resolve(true);
      new PerformanceObserver((_, observer) => {
        if (has()) observer.disconnect(), resolve(true);
      }).observe({ type: 'mark' });
    })`,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no hadir:${name} in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([seen, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** One cold launch of the profile: throttled load of `path`, until `ready` holds, then settle. */
async function load(opts: {
  profile: string;
  video: string;
  url: string;
  offline: boolean;
  ready: (page: Page, cdp: CDPSession) => Promise<unknown>;
  /** Prints a trace breakdown of this load under this label. */
  trace?: string;
  /** CPU slowdown; default THROTTLE. */
  throttle?: number;
  /** Prints a trace summary of the main thread up to this mark (`hadir:<name>`). */
  traceUntil?: string;
}): Promise<Sample> {
  const { context } = await launchWithCamera({ video: opts.video, userDataDir: opts.profile });
  try {
    await context.setOffline(opts.offline);
    await context.addInitScript(WATCH);
    const page = await freshPage(context);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.throttle ?? THROTTLE });
    const stopTrace = opts.trace || opts.traceUntil ? await startTrace(cdp) : null;
    const stopProfile = opts.traceUntil ? await startProfile(cdp) : null;
    await page.goto(opts.url);
    await opts.ready(page, cdp);
    await page.waitForTimeout(SETTLE_MS);
    const sample = await collect(page);
    if (TASKS) {
      const at = await page.evaluate(
        `window.__lt.map(([s, d]) => Math.round(s) + '+' + Math.round(d)).join(' ')`,
      );
      const marks = await page.evaluate(
        `performance.getEntriesByType('mark').map((m) => m.name.replace('hadir:', '') + ' ' + Math.round(m.startTime)).join(', ')`,
      );
      const loaf = await page.evaluate(`window.__loaf.join(' | ')`);
      console.log(`      long animation frames: ${loaf || 'none'}`);
      console.log(
        `    ${new URL(opts.url).pathname}${opts.offline ? ' offline' : ''}: FCP ${ms(sample.fcp ?? NaN)}; long tasks (start+ms) ${at || 'none'}; marks ${marks || 'none'}`,
      );
    }
    if (stopTrace && opts.trace) {
      printBreakdown(opts.trace, breakdown(kept(await stopTrace()), new URL(opts.url).origin));
    }
    if (stopTrace && stopProfile && opts.traceUntil) {
      const until = sample[opts.traceUntil] ?? NaN;
      const js = await stopProfile(until);
      console.log(`    JavaScript self time to ${opts.traceUntil} (sampled), biggest:`);
      for (const [k, v] of js.slice(0, 15))
        console.log(`      ${v.toFixed(1).padStart(7)} ms  ${k}`);
      printTrace(
        `trace to ${opts.traceUntil} (${ms(until)} ms)`,
        summariseTrace(kept(await stopTrace()), until),
      );
    }
    return sample;
  } finally {
    await context.close();
  }
}

/**
 * Waits until `selector` matches, asking over the DevTools protocol: Playwright's own waiting
 * injects its script into the page, a long task of its own on a throttled CPU that the page being
 * measured would be charged for.
 */
async function quietlyWaitFor(cdp: CDPSession, selector: string): Promise<void> {
  const expression = `document.querySelector(${JSON.stringify(selector)}) !== null`;
  for (let i = 0; i < 600; i++) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    if (result.value === true) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${selector} never showed`);
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const medians = (samples: Sample[]): Sample => {
  const keys = new Set(samples.flatMap((s) => Object.keys(s)));
  return Object.fromEntries([...keys].map((k) => [k, median(samples.map((s) => s[k] ?? NaN))]));
};

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(0));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`;

function printTicket(label: string, app: Sample, floor: Sample): void {
  console.log(
    `  ${label}: FCP ${ms(app.fcp)} ms vs floor ${ms(floor.fcp)} ms (${ratio(app.fcp, floor.fcp)}, run by run ${(app.pairedFcpRatio ?? NaN).toFixed(2)}×; target ≤ 1.3×); long tasks total ${ms(app.longTotal)} ms (${ms(app.longAfterFcp)} after FCP), longest ${ms(app.longMax)} ms (floor ${ms(floor.longTotal)}/${ms(floor.longMax)}; target total ≤ 150 ms)`,
  );
  console.log(
    `    QR painted ${ms(app['seen:qr-painted'])} ms, name ${ms(app['seen:name-painted'])} ms, details ${ms(app['seen:details-painted'])} ms; marks: main ${ms(app.main)}, route chunk ${ms(app['route-loaded'])}; saved read ${(app['saved-read (ms)'] ?? NaN).toFixed(1)} ms, QR: encoded in ${(app['qr (ms)'] ?? NaN).toFixed(1)} ms or kept drawing read in ${(app['qr-kept-read (ms)'] ?? NaN).toFixed(1)} ms`,
  );
}

function printDoor(app: Sample, floor: Sample, throttled = true): void {
  const first = app['first-frame-to-decoder'];
  console.log(
    `  door offline cold start${throttled ? '' : ' (unthrottled)'} → first frame to the decoder ${ms(first)} ms vs floor (camera's first frame) ${ms(floor['floor-first-frame'])} ms (${ratio(first, floor['floor-first-frame'])}; target ${throttled ? '≤ 1.5×' : 'p50 ≤ 1000 ms'}); camera view live ${ms(app['seen:live'])} ms; FCP ${ms(app.fcp)} vs ${ms(floor.fcp)} ms; long tasks total ${ms(app.longTotal)} ms, longest ${ms(app.longMax)} ms`,
  );
  console.log(
    `    marks: main ${ms(app.main)}, route chunk ${ms(app['route-loaded'])}, storage read (door stage) ${ms(app['door-stage'])}, camera open ${ms(app['camera-open'])} (floor ${ms(floor['floor-camera-open'])}), playing ${ms(app['camera-playing'])}, decoder ready ${ms(app['decoder-ready'])} (started early ${ms(app['decoder-early'])}), first frame decoded ${ms(app['first-frame-decoded'])}`,
  );
}

/** Alternates app and floor loads, RUNS each, and returns the medians. */
async function pair(app: () => Promise<Sample>, floor: () => Promise<Sample>) {
  const a: Sample[] = [];
  const f: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    f.push(await floor());
    a.push(await app());
  }
  // Each app load beside the floor load just before it: the median of these ratios holds better
  // than the ratio of medians when the machine's load drifts during the run.
  const paired = median(a.map((s, i) => s.fcp! / f[i]!.fcp!));
  return { app: { ...medians(a), pairedFcpRatio: paired }, floor: medians(f) };
}

/** Opens the ticket once online so the phone keeps it, as a participant would. */
async function keepTicket(profile: string, video: string, url: string): Promise<void> {
  const { context } = await launchWithCamera({ video, userDataDir: profile });
  try {
    const page: Page = await freshPage(context);
    await page.goto(url);
    await page.getByTestId('ticket-name').waitFor();
    await warmFloors(context, page);
  } finally {
    await context.close();
  }
}

/** Checks the floors are precached (the service worker answers them offline). */
async function warmFloors(context: BrowserContext, page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  for (const path of ['/bench/ticket-floor.html', '/bench/camera-floor.html']) {
    const res = await page.goto(new URL(path, page.url()).href);
    if (!res?.ok()) throw new Error(`floor ${path} not served offline`);
  }
  await context.setOffline(false);
}

/** Prints the first-second figures. */
export async function benchFirstSecond(): Promise<void> {
  const server = await startServer();
  const api = await request.newContext();
  const work = mkdtempSync(join(tmpdir(), 'hadir-bench-first-'));
  let profile = '';
  try {
    const door = await prepareDoorEvent(server, api);
    const video = join(work, 'blank.y4m');
    await writeY4m({ path: video, scenes: [{ text: null, seconds: 1 }] });
    const [p] = await participantsOf(door, door.wave1.id, 1);
    const ticketUrl = `${door.origin}/t#${await ticketOf(door, p!.id)}`;
    profile = await pairedProfile(door, video, 'Bench first second');
    await keepTicket(profile, video, ticketUrl);
    console.log(
      `Hadir bench — the first second (Chromium, CPU ${THROTTLE}× slower, cold launch each; medians of ${RUNS})`,
    );

    const base = { profile, video };
    const ticketFloor = (offline: boolean, trace?: string) => () =>
      load({
        ...base,
        offline,
        url: `${door.origin}/bench/ticket-floor.html`,
        ready: (_page, cdp) => quietlyWaitFor(cdp, 'svg'),
        trace,
      });
    const ticket = (offline: boolean, trace?: string) => () =>
      load({
        ...base,
        offline,
        url: ticketUrl,
        ready: (_page, cdp) => quietlyWaitFor(cdp, '[data-testid="ticket-name"]'),
        trace,
      });
    for (const offline of ONLY === 'door' ? [] : [false, true]) {
      const label = offline ? '/t#… offline' : '/t#… online ';
      const r = await pair(ticket(offline), ticketFloor(offline));
      printTicket(label, r.app, r.floor);
      if (TRACE) {
        await ticket(offline, label.trim())();
        await ticketFloor(offline, `${label.trim()} floor`)();
      }
    }
    if (ONLY === 'ticket') return;

    const doorLoad = (throttle: number, traceUntil?: string) =>
      load({
        ...base,
        offline: true,
        throttle,
        traceUntil,
        url: `${door.origin}/scan`,
        ready: (_, cdp) => markSeen(cdp, 'first-frame-to-decoder'),
      });
    const cameraFloor = (throttle: number) => () =>
      load({
        ...base,
        offline: true,
        throttle,
        url: `${door.origin}/bench/camera-floor.html`,
        ready: (_, cdp) => markSeen(cdp, 'floor-first-frame'),
      });
    for (const throttle of [THROTTLE, 1]) {
      const r = await pair(() => doorLoad(throttle), cameraFloor(throttle));
      printDoor(r.app, r.floor, throttle !== 1);
    }
    if (TRACE) await doorLoad(THROTTLE, 'first-frame-to-decoder');
  } finally {
    await api.dispose();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
    if (profile) rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchFirstSecond();
