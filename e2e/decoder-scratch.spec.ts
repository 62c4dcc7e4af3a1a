import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { test } from '@playwright/test';
import { startServer } from './fixtures/server.js';
import { makeTickets, ticketSymbol, builtDecoder } from './fixtures/decoder-page.js';
const DATASET = resolve('../shared/datasets/qr-blackbox');
const IMAGE = /\.(png|jpe?g|webp)$/i;
test('scratch', async ({ page }) => {
  test.setTimeout(600_000);
  const server = await startServer();
  const code = (await build({ entryPoints: ['e2e/decoder-scratch-probe.ts'], bundle: true, format: 'iife', platform: 'browser', write: false })).outputFiles[0]!.text;
  await page.route('**/__probe/s.js', (r) => r.fulfill({ contentType: 'text/javascript', body: code }));
  await page.route('**/__dataset/**', (route) => route.fulfill({ path: join(DATASET, decodeURIComponent(new URL(route.request().url()).pathname.slice(11))) }));
  await page.goto(server.origin + '/');
  await page.addScriptTag({ url: '/__probe/s.js' });
  await page.evaluate((u) => (globalThis as any).scratch.start(u), builtDecoder().wasm);
  const samples: { folder: string; url: string; expected: string }[] = [];
  for (const folder of readdirSync(DATASET).filter((f) => f.startsWith('qrcode-')).sort())
    for (const name of readdirSync(join(DATASET, folder)).sort()) if (IMAGE.test(name))
      samples.push({ folder, url: `/__dataset/${folder}/${encodeURIComponent(name)}`, expected: readFileSync(join(DATASET, folder, name.replace(IMAGE, '.txt')), 'utf8') });
  await page.evaluate((u) => (globalThis as any).scratch.loadUrls(u), samples.map((s) => s.url));
  const base = { formats: ['QRCode'], textMode: 'Plain', maxNumberOfSymbols: 1 };
  const variants: Record<string, object> = {
    app: { ...base, tryHarder: true, tryRotate: false, tryInvert: true, tryDownscale: true },
    defaults: { ...base },
    noInvert: { ...base, tryHarder: true, tryRotate: false, tryInvert: false, tryDownscale: true },
    noDownscale: { ...base, tryHarder: true, tryRotate: false, tryInvert: true, tryDownscale: false },
    fast: { ...base, tryHarder: false, tryRotate: false, tryInvert: true, tryDownscale: true },
    denoise: { ...base, tryHarder: true, tryRotate: false, tryInvert: true, tryDownscale: true, tryDenoise: true },
    max64: { ...base, tryHarder: true, tryRotate: false, tryInvert: true, tryDownscale: true, maxNumberOfSymbols: 64 },
  };
  const [ticket] = await makeTickets(1);
  const sym = ticketSymbol(ticket!, 4);
  for (const round of [1, 2, 3]) for (const [name, opts] of Object.entries(variants).filter(([n]) => ['app', 'denoise', 'noInvert', 'fast'].includes(n))) {
    const r = await page.evaluate((o) => (globalThis as any).scratch.decodeAll(o), opts);
    const per: Record<string, number> = {};
    samples.forEach((s, i) => { if (r.out[i] === s.expected) per[s.folder] = (per[s.folder] ?? 0) + 1; });
    const nocode = await page.evaluate(([o]) => (globalThis as any).scratch.frames(o, null, 640, 480, 200, ''), [opts]);
    const withcode = await page.evaluate(([o, s, t]) => (globalThis as any).scratch.frames(o, s, 640, 480, 60, t), [opts, { bits: sym.bits, size: sym.size, scale: sym.scale }, ticket] as const);
    const crop = await page.evaluate(([o]) => (globalThis as any).scratch.frames(o, null, 336, 336, 200, ''), [opts]);
    console.log(round, name.padEnd(12), JSON.stringify(per), 'total', Object.values(per).reduce((a, b) => a + b, 0), 'ms', r.ms.toFixed(0), 'nocode', JSON.stringify(nocode), 'code', JSON.stringify(withcode), 'nocode336', JSON.stringify(crop));
  }
  await server.stop();
});
