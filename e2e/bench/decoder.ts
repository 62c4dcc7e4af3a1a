// Decode time per camera frame in Chromium, through the built app's decoder chunk: zxing-wasm in
// its worker (the app's path) and on the page's thread, against @zxing/browser (the fallback and
// baseline). Frames are camera-like, 640×480 and 1280×720, with and without a ticket code; a
// 1280×720 camera is decoded in two alternating passes (the whole frame downscaled to 640×360,
// and at native size), both timed. Run after `npm run build`; standalone:
// `npx tsx e2e/bench/decoder.ts`.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../fixtures/chromium.js';
import {
  callProbe,
  makeTickets,
  openDecoderProbe,
  ticketSymbol,
} from '../fixtures/decoder-page.js';
import type { FrameTiming, ProbeEngine, SymbolToDraw } from '../fixtures/decoder-probe.js';
import { startServer } from '../fixtures/server.js';

const ENGINES: [ProbeEngine, string][] = [
  ['wasm', 'zxing-wasm, worker (app)'],
  ['wasm-main', 'zxing-wasm, page thread'],
  ['zxing-js', '@zxing/browser (baseline)'],
];
const ROUNDS = 3;
const FRAMES_PER_ROUND = 40;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

interface Row {
  ms: number[];
  blockedMs: number[];
  read: number;
  frames: number;
}

/** Prints p50/p95 decode ms per frame for each engine, with and without a code, and ratios. */
export async function benchDecoder(): Promise<void> {
  if (!existsSync('dist/public/.vite/manifest.json')) {
    console.log('(no build in dist/public: run `npm run build` for the decoder figures)');
    return;
  }
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await openDecoderProbe(page, server.origin);
    const tickets = await makeTickets(4);
    // 4–7 px per module: a phone or badge held 20–40 cm from a tablet's camera.
    const symbols: SymbolToDraw[] = tickets.map((t, i) => {
      const { bits, size, scale } = ticketSymbol(t, 4 + i);
      return { bits, size, scale };
    });

    const cases = [
      { key: 'code', label: '640×480 with code', symbols, w: 640, h: 480 },
      { key: 'none', label: '640×480 no code', symbols: [], w: 640, h: 480 },
      { key: 'hd-code', label: '1280×720 with code', symbols, w: 1280, h: 720 },
      { key: 'hd-none', label: '1280×720 no code', symbols: [], w: 1280, h: 720 },
      {
        key: 'hd-small-code',
        label: '1280×720 → 640×360, code',
        symbols,
        w: 1280,
        h: 720,
        maxSide: 640,
      },
      {
        key: 'hd-small-none',
        label: '1280×720 → 640×360, none',
        symbols: [],
        w: 1280,
        h: 720,
        maxSide: 640,
      },
    ];
    const rows = new Map<string, Row>();
    // Rounds interleave the engines so a noisy neighbour on a shared machine hits them alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of cases) {
        for (const [engine] of ENGINES) {
          const t: FrameTiming = await callProbe(page, 'benchFrames', {
            engine,
            width: c.w,
            height: c.h,
            symbols: c.symbols,
            expected: tickets,
            frames: FRAMES_PER_ROUND,
            warmup: round === 0 ? 10 : 3,
            ...(c.maxSide ? { maxSide: c.maxSide } : {}),
          });
          const row = rows.get(`${engine}/${c.key}`) ?? {
            ms: [],
            blockedMs: [],
            read: 0,
            frames: 0,
          };
          row.ms.push(...t.ms);
          row.blockedMs.push(...(engine === 'wasm' ? t.blockedMs : t.ms));
          row.read += t.read;
          row.frames += t.ms.length;
          rows.set(`${engine}/${c.key}`, row);
        }
      }
    }

    console.log('Hadir bench — QR decode per frame in Chromium (ms)');
    const table: Record<string, Record<string, string>> = {};
    const p50 = new Map<string, number>();
    for (const c of cases) {
      for (const [engine, label] of ENGINES) {
        const row = rows.get(`${engine}/${c.key}`)!;
        const ms = [...row.ms].sort((a, b) => a - b);
        const blocked = [...row.blockedMs].sort((a, b) => a - b);
        p50.set(`${engine}/${c.key}`, percentile(ms, 0.5));
        table[`${c.label} · ${label}`] = {
          p50: percentile(ms, 0.5).toFixed(2),
          p95: percentile(ms, 0.95).toFixed(2),
          'page thread busy p50': percentile(blocked, 0.5).toFixed(2),
          read: c.symbols.length ? `${row.read}/${row.frames}` : '-',
        };
      }
    }
    console.table(table);
    for (const c of cases) {
      const wasm = p50.get(`wasm/${c.key}`)!;
      const main = p50.get(`wasm-main/${c.key}`)!;
      const js = p50.get(`zxing-js/${c.key}`)!;
      console.log(
        `  ${c.label.padEnd(22)} @zxing/browser / zxing-wasm (page thread) p50: ` +
          `${(js / main).toFixed(1)}×; worker round trip / page thread: ${(wasm / main).toFixed(1)}×`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchDecoder();
}
