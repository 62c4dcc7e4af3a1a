// Decoder quality, measured in Chromium through the app's real decode path: the decoder chunk of
// the build (src/app/scanner/decoder.ts, with its worker and its .wasm served by our server)
// reads the ZXing blackbox photos at least as well as measured when this test was written, and
// reads every one of 1,000 real signed tickets drawn at 3–10 px per module. @zxing/browser (the
// fallback engine) decodes the same images for comparison. Figures are printed as tables.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Decoded, ProbeEngine } from './fixtures/decoder-probe.js';
import {
  builtDecoder,
  callProbe,
  makeTickets,
  openDecoderProbe,
  ticketSymbol,
} from './fixtures/decoder-page.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

const DATASET = resolve('../shared/datasets/qr-blackbox');
const HAVE_DATASET = existsSync(DATASET);
const REQUIRE_SHARED = process.env.HADIR_REQUIRE_SHARED === '1';

/** ZXing-C++'s own blackbox expectations at rotation 0 (fast / try harder), from the README. */
const UPSTREAM: Record<string, [fast: number, tryHarder: number]> = {
  'qrcode-1': [8, 8],
  'qrcode-2': [50, 53],
  'qrcode-3': [18, 18],
  'qrcode-4': [15, 15],
  'qrcode-5': [16, 16],
  'qrcode-6': [15, 15],
};

/** What the app's decode path read when this test was written (127 of 137): it may only go up. */
const APP_FLOOR: Record<string, number> = {
  'qrcode-1': 8,
  'qrcode-2': 54,
  'qrcode-3': 18,
  'qrcode-4': 16,
  'qrcode-5': 16,
  'qrcode-6': 15,
};

const IMAGE = /\.(png|jpe?g|webp)$/i;

interface Sample {
  folder: string;
  name: string;
  expected: string;
}

function blackbox(): Sample[] {
  const samples: Sample[] = [];
  const folders = readdirSync(DATASET)
    .filter((f) => /^qrcode-\d+$/.test(f))
    .sort();
  for (const folder of folders) {
    for (const name of readdirSync(join(DATASET, folder)).sort()) {
      if (!IMAGE.test(name)) continue;
      const txt = join(DATASET, folder, name.replace(IMAGE, '.txt'));
      samples.push({ folder, name, expected: readFileSync(txt, 'utf8') });
    }
  }
  return samples;
}

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

// The service worker would precache ~1.6 MB in the background; nothing here needs it.
test.use({ serviceWorkers: 'block' });

test('the build ships the decoder with its worker and .wasm, from our origin, precached', async ({
  page,
}) => {
  const built = builtDecoder();
  expect(built.precached).toContain(built.wasm);
  expect(built.precached).toContain(built.chunk);
  expect(built.precached.some((u) => /\/assets\/decode-worker-.*\.js$/.test(u))).toBe(true);

  const offOrigin: string[] = [];
  await page.context().route(
    (url) => url.origin !== server.origin,
    (route) => {
      offOrigin.push(route.request().url());
      return route.abort();
    },
  );
  const engines = await openDecoderProbe(page, server.origin);
  expect(engines).toEqual({
    wasm: { engine: 'wasm', thread: 'worker', fallbackReason: null },
    'wasm-main': { engine: 'wasm', thread: 'main', fallbackReason: null },
    'zxing-js': { engine: 'zxing-js', thread: 'main', fallbackReason: null },
  });
  expect(offOrigin).toEqual([]);
  // The worker and the page each fetched the .wasm from the built app's own asset URL.
  expect(server.output()).toContain(`"path":"${built.wasm}"`);
});

test('blackbox photos: the app reads at least its measured count per folder', async ({ page }) => {
  test.skip(
    !HAVE_DATASET && !REQUIRE_SHARED,
    `needs ../shared/datasets/qr-blackbox (not found at ${DATASET}); HADIR_REQUIRE_SHARED=1 makes this a failure`,
  );
  expect(HAVE_DATASET, `HADIR_REQUIRE_SHARED=1 but ${DATASET} is missing`).toBe(true);
  test.setTimeout(120_000);

  await page.route('**/__dataset/**', (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.slice(11));
    return route.fulfill({ path: join(DATASET, rel) });
  });
  await openDecoderProbe(page, server.origin);

  const samples = blackbox();
  expect(samples.length).toBe(137);
  const urls = samples.map((s) => `/__dataset/${s.folder}/${encodeURIComponent(s.name)}`);
  const engines: ProbeEngine[] = ['wasm', 'wasm-main', 'zxing-js'];
  const results = {} as Record<ProbeEngine, Decoded[]>;
  for (const engine of engines) results[engine] = await callProbe(page, 'decodeUrls', engine, urls);

  const read = (engine: ProbeEngine, i: number) =>
    results[engine][i]!.texts.includes(samples[i]!.expected);
  const rows: Record<string, Record<string, string | number>> = {};
  const missed: string[] = [];
  const misread: string[] = [];
  for (const folder of Object.keys(UPSTREAM)) {
    const idx = samples.flatMap((s, i) => (s.folder === folder ? [i] : []));
    const count = (e: ProbeEngine) => idx.filter((i) => read(e, i)).length;
    const ms = (e: ProbeEngine) => idx.reduce((t, i) => t + results[e][i]!.ms, 0) / idx.length;
    rows[folder] = {
      images: idx.length,
      'upstream fast/hard': UPSTREAM[folder]!.join(' / '),
      'app (wasm, worker)': count('wasm'),
      'wasm, main thread': count('wasm-main'),
      '@zxing/browser': count('zxing-js'),
      'ms/img wasm': Number(ms('wasm').toFixed(1)),
      'ms/img @zxing/browser': Number(ms('zxing-js').toFixed(1)),
    };
    for (const i of idx) {
      const got = results.wasm[i]!.texts;
      if (!read('wasm', i)) (got.length ? misread : missed).push(`${folder}/${samples[i]!.name}`);
    }
  }
  const total = (e: ProbeEngine) => samples.filter((_, i) => read(e, i)).length;
  rows.total = {
    images: samples.length,
    'upstream fast/hard': '122 / 125',
    'app (wasm, worker)': total('wasm'),
    'wasm, main thread': total('wasm-main'),
    '@zxing/browser': total('zxing-js'),
  };
  console.log('QR blackbox (../shared/datasets/qr-blackbox), decoded in Chromium:');
  console.table(rows);
  console.log(
    `app missed: ${missed.join(', ') || 'none'}; misread: ${misread.join(', ') || 'none'}`,
  );

  for (const [folder, floor] of Object.entries(APP_FLOOR)) {
    expect(rows[folder]!['app (wasm, worker)'], folder).toBeGreaterThanOrEqual(floor);
  }
  // The worker changes where the engine runs, never what it reads.
  expect(results['wasm-main'].map((r) => r.texts)).toEqual(results.wasm.map((r) => r.texts));
  expect(total('wasm')).toBeGreaterThanOrEqual(total('zxing-js'));
});

test('1,000 real tickets drawn at 3–10 px per module all read', async ({ page }) => {
  test.setTimeout(150_000);
  await openDecoderProbe(page, server.origin);
  const tickets = await makeTickets(1000);
  const symbols = tickets.map((t, i) => ticketSymbol(t, 3 + (i % 8)));
  // The ticket budget (ARCHITECTURE.md): these are version-6, level-M codes of 144 characters.
  expect(new Set(tickets.map((t) => t.length))).toEqual(new Set([144]));
  expect(new Set(symbols.map((s) => s.version))).toEqual(new Set([6]));

  const engines: [ProbeEngine, string][] = [
    ['wasm', 'app (wasm)'],
    ['zxing-js', '@zxing/browser'],
  ];
  const failed: Record<string, string[]> = {};
  const byScale: Record<string, Record<string, number>> = {};
  const wallMs: Record<string, number> = {};
  for (const [engine, label] of engines) {
    failed[engine] = [];
    const t0 = performance.now();
    for (let start = 0; start < symbols.length; start += 100) {
      const batch = symbols
        .slice(start, start + 100)
        .map(({ bits, size, scale }) => ({ bits, size, scale }));
      const out = await callProbe(page, 'decodeSymbols', engine, batch);
      out.forEach((r, k) => {
        const i = start + k;
        const row = (byScale[`${symbols[i]!.scale} px/module`] ??= { tickets: 0 });
        if (engine === 'wasm') row.tickets!++;
        row[label] ??= 0;
        row[`${label} ms`] = (row[`${label} ms`] ?? 0) + r.ms / 125;
        if (r.texts[0] === tickets[i]) row[label]!++;
        else failed[engine]!.push(`#${i} at ${symbols[i]!.scale} px: ${JSON.stringify(r.texts)}`);
      });
    }
    wallMs[engine] = performance.now() - t0;
  }
  for (const row of Object.values(byScale)) {
    for (const k of Object.keys(row)) row[k] = Number(row[k]!.toFixed(1));
  }
  console.log('1,000 signed tickets (version 6-M), read in Chromium (ms: mean decode per image):');
  console.table(byScale);
  for (const [engine, label] of engines) {
    console.log(
      `${label}: read ${1000 - failed[engine]!.length}/1000 in ${(wallMs[engine]! / 1000).toFixed(1)} s`,
    );
  }
  expect(failed.wasm, 'tickets the app could not read').toEqual([]);
});

test('without WebAssembly the decoder falls back to @zxing/browser and still reads', async ({
  page,
}) => {
  await page.addInitScript(() => {
    delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
  });
  const engines = await openDecoderProbe(page, server.origin);
  const fallback = { engine: 'zxing-js', thread: 'main' };
  expect(engines.wasm).toEqual({ ...fallback, fallbackReason: 'WebAssembly is not available' });
  expect(engines['wasm-main']).toEqual(engines.wasm);
  // A fixed ticket (a random one would fail now and then: @zxing/browser misses a few percent).
  const ticket =
    'H1.AEE323I3RKUXABQUXXKL4LT4RVVS7IT6XQAAC.L7KQEZOAYUPKBOQNGESZK63CNFKVQPKOXB453HIBP2UE2UT6JNB3' +
    'MAJWV5QK7WM6ZGRNDIKXXKYN4IGT4FFVVJM4YSOXLTUMR2AHMDI';
  const { bits, size } = ticketSymbol(ticket, 4);
  const [read] = await callProbe(page, 'decodeSymbols', 'wasm', [{ bits, size, scale: 4 }]);
  expect(read!.texts).toEqual([ticket]);
});
