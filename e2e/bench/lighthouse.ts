// Lighthouse 12 (mobile preset: simulated slow 4G and a 4× slower CPU) on the participant's ticket
// page, run with Debian's Chromium over the DevTools protocol. The ticket page is what an old
// phone opens at home over a weak connection, so it is the page that must stay light.
// Needs the build (`npm run build`); standalone: `npx tsx e2e/bench/lighthouse.ts`.
import { pathToFileURL } from 'node:url';
import { chromium, request } from '@playwright/test';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../fixtures/chromium.js';
import { freePort, startServer } from '../fixtures/server.js';
import { participantsOf, prepareDoorEvent, ticketOf } from '../fixtures/door-event.js';

interface Metric {
  numericValue?: number;
  displayValue?: string;
}

/** Prints the performance score and the core metrics of the ticket page. */
export async function benchLighthouse(): Promise<void> {
  const server = await startServer();
  const api = await request.newContext();
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      `--remote-debugging-port=${port}`,
    ],
  });
  try {
    const door = await prepareDoorEvent(server, api);
    const [p] = await participantsOf(door, door.wave1.id, 1);
    const url = `${server.origin}/t#${await ticketOf(door, p!.id)}`;
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    const audit = (id: string) => lhr.audits[id] as Metric | undefined;
    const ms = (id: string) => `${Math.round(audit(id)?.numericValue ?? NaN)} ms`;
    const score = Math.round((lhr.categories.performance?.score ?? NaN) * 100);
    console.log('Hadir bench — Lighthouse 12, ticket page /t (mobile preset, Debian Chromium)');
    console.log(
      `  performance ${score}/100; FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, TBT ${ms('total-blocking-time')}, CLS ${(audit('cumulative-layout-shift')?.numericValue ?? NaN).toFixed(3)}, Speed Index ${ms('speed-index')}`,
    );
    if (lhr.runtimeError) console.log(`  runtime error: ${lhr.runtimeError.message}`);
  } finally {
    await browser.close();
    await api.dispose();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchLighthouse();
