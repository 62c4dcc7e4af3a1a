// The door, measured end to end in Chromium with a fake camera playing a Y4M of real tickets:
//  - offline cold start: navigation of a paired tablet with no network → camera live;
//  - door throughput: 120 different tickets shown 0.5 s each, back to back, offline — admitted
//    per minute, missed and double-counted, and scan-to-verdict p50/p95 (from the frame that
//    showed the code to the verdict painted, measured by the app as `hadir:scan-to-verdict`).
// The same video runs with the fallback engine (@zxing/browser) as the baseline, in the same run.
// Needs the build (`npm run build`); standalone: `npx tsx e2e/bench/door.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { request } from '@playwright/test';
import { launchWithCamera } from '../fixtures/camera-browser.js';
import type { DoorEvent } from '../fixtures/door-event.js';
import { pairingCode, participantsOf, prepareDoorEvent, ticketOf } from '../fixtures/door-event.js';
import { startServer } from '../fixtures/server.js';
import { tabletScans } from '../fixtures/tablet-db.js';
import { writeY4m } from '../fixtures/y4m.js';

const TICKETS = 120;
const SHOW_S = 0.5;
const LEAD_S = 1.5;
const COLD_STARTS = 5;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

/** Records (in the page) when the camera view first goes live, in ms since navigation start. */
async function watchLive(context: BrowserContext): Promise<void> {
  // A string, not a function: tsx's transform would wrap inner functions in a `__name` helper
  // that does not exist in the page.
  await context.addInitScript(`
    new MutationObserver(() => {
      if (window.__hadirLiveAt === undefined &&
          document.querySelector('[data-testid="camera-view"][data-state="live"]')) {
        window.__hadirLiveAt = performance.now();
      }
    }).observe(document, { subtree: true, attributes: true, childList: true });
  `);
}

/** A new page (init scripts apply to it for sure), with the launch's blank page closed. */
async function freshPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  for (const other of context.pages()) if (other !== page) await other.close();
  return page;
}

async function liveAt(page: Page): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __hadirLiveAt?: number }).__hadirLiveAt !== undefined,
    null,
    {
      timeout: 30_000,
    },
  );
  return page.evaluate(() => (window as unknown as { __hadirLiveAt: number }).__hadirLiveAt);
}

const ownScans = async (page: Page) => (await tabletScans(page)).events;

/** Pairs a fresh profile online (roster downloaded, volunteer named) and closes it. */
async function pairedProfile(
  door: DoorEvent,
  origin: string,
  blank: string,
  name: string,
): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'hadir-bench-door-'));
  const offer = await pairingCode(door, { name, door: name });
  const { context } = await launchWithCamera({ video: blank, userDataDir: profile });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/scan/pair#${offer.code}`);
  await page.getByLabel('Nama relawan').fill('Bench');
  await page.getByRole('button', { name: 'Mulai memindai' }).click();
  await page
    .getByTestId('camera-view')
    .and(page.locator('[data-state="live"]'))
    .waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.close();
  return profile;
}

interface RunFigures {
  admitted: number;
  missed: number;
  doubled: number;
  spuriousAlreadyIn: number;
  perMinute: number;
  s2v: number[];
}

/** Plays the throughput video at an offline door and reads what it recorded in the first pass. */
async function throughput(
  origin: string,
  profile: string,
  video: string,
  tickets: Map<string, string>,
  query: string,
): Promise<RunFigures> {
  const { context } = await launchWithCamera({ video, userDataDir: profile });
  await context.setOffline(true);
  await watchLive(context);
  const page = await freshPage(context);
  await page.goto(`${origin}/scan${query}`);
  await liveAt(page);
  const startedAt = await page.evaluate(() => Date.now());
  const passMs = (LEAD_S + TICKETS * SHOW_S) * 1000;
  await page.waitForTimeout(passMs + 1500);
  const inPass = (await ownScans(page)).filter((e) => e.deviceTime <= startedAt + passMs + 500);
  const s2v = await page.evaluate(() =>
    performance.getEntriesByName('hadir:scan-to-verdict').map((m) => m.duration),
  );
  await context.close();
  const admittedBy = new Map<string, number>();
  let spuriousAlreadyIn = 0;
  for (const e of inPass) {
    if (e.participantId === null || !tickets.has(e.participantId)) continue;
    if (e.verdict === 'admitted')
      admittedBy.set(e.participantId, (admittedBy.get(e.participantId) ?? 0) + 1);
    if (e.verdict === 'already-in') spuriousAlreadyIn += 1;
  }
  const admitted = admittedBy.size;
  return {
    admitted,
    missed: TICKETS - admitted,
    doubled: [...admittedBy.values()].filter((n) => n > 1).length,
    spuriousAlreadyIn,
    perMinute: (admitted / (TICKETS * SHOW_S)) * 60,
    s2v: s2v.slice(0, admitted),
  };
}

/** Prints the door figures. */
export async function benchDoor(): Promise<void> {
  const server = await startServer();
  const api = await request.newContext();
  const work = mkdtempSync(join(tmpdir(), 'hadir-bench-door-'));
  const profiles: string[] = [];
  try {
    const door = await prepareDoorEvent(server, api);
    const people = await participantsOf(door, door.wave1.id, TICKETS * 2);
    const blank = join(work, 'blank.y4m');
    await writeY4m({ path: blank, scenes: [{ text: null, seconds: 1 }] });

    console.log('Hadir bench — door (Chromium, fake camera 640×480 @ 10 fps, offline)');
    const coldProfile = await pairedProfile(door, server.origin, blank, 'Bench cold');
    profiles.push(coldProfile);
    const colds: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      const { context } = await launchWithCamera({ video: blank, userDataDir: coldProfile });
      await context.setOffline(true);
      await watchLive(context);
      const page = await freshPage(context);
      await page.goto(`${server.origin}/scan`);
      colds.push(await liveAt(page));
      await context.close();
    }
    console.log(
      `  offline cold start → live camera: p50 ${percentile(colds, 0.5).toFixed(0)} ms, max ${Math.max(...colds).toFixed(0)} ms (n=${COLD_STARTS}; target ≤ 1000 ms)`,
    );

    const runs: [string, string][] = [
      ['zxing-wasm worker (app)', ''],
      ['@zxing/browser (baseline)', '?decoder=zxing-js'],
    ];
    const results: RunFigures[] = [];
    for (const [i, [label, query]] of runs.entries()) {
      const batch = people.slice(i * TICKETS, (i + 1) * TICKETS);
      const tickets = new Map<string, string>();
      for (const p of batch) tickets.set(p.id, await ticketOf(door, p.id));
      const video = join(work, `door-${i}.y4m`);
      await writeY4m({
        path: video,
        scenes: [
          { text: null, seconds: LEAD_S },
          ...[...tickets.values()].map((text) => ({ text, seconds: SHOW_S })),
          { text: null, seconds: 2 },
        ],
      });
      const profile = await pairedProfile(door, server.origin, blank, `Bench ${i}`);
      profiles.push(profile);
      const r = await throughput(server.origin, profile, video, tickets, query);
      rmSync(video, { force: true });
      results.push(r);
      console.log(
        `  ${label.padEnd(28)} ${r.perMinute.toFixed(0).padStart(4)} admitted/min; missed ${r.missed}/${TICKETS}; double-counted ${r.doubled}; spurious already-in ${r.spuriousAlreadyIn}; scan→verdict p50 ${percentile(r.s2v, 0.5).toFixed(1)} ms, p95 ${percentile(r.s2v, 0.95).toFixed(1)} ms`,
      );
    }
    const [app, base] = results as [RunFigures, RunFigures];
    console.log(
      `  app vs baseline: ${(app.admitted / Math.max(1, base.admitted)).toFixed(2)}× admitted; scan→verdict p50 ${(percentile(app.s2v, 0.5) / percentile(base.s2v, 0.5)).toFixed(2)}× (targets: ≥ 60/min, none missed or doubled, p50 ≤ 50 ms, p95 ≤ 100 ms)`,
    );
  } finally {
    await api.dispose();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchDoor();
