import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { ReaderOptions } from 'zxing-wasm/reader';
import { cameraFrame, drawSymbol } from './fixtures/decoder-probe.js';
import type { SymbolToDraw } from './fixtures/decoder-probe.js';

async function start(url: string) {
  await prepareZXingModule({ overrides: { locateFile: () => url }, fireImmediately: true });
}
async function imageFromUrl(url: string): Promise<ImageData> {
  const blob = await (await fetch(url)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, bitmap.width, bitmap.height);
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}
const imgs: ImageData[] = [];
async function loadUrls(urls: string[]) { imgs.length = 0; for (const u of urls) imgs.push(await imageFromUrl(u)); }
async function decodeAll(opts: ReaderOptions) {
  const out: string[] = []; let ms = 0;
  for (const img of imgs) { const t0 = performance.now(); const r = await readBarcodes(img, opts); ms += performance.now() - t0; out.push(r.filter(x=>x.isValid).map(x=>x.text)[0] ?? ''); }
  return { out, ms };
}
async function frames(opts: ReaderOptions, sym: SymbolToDraw | null, w: number, h: number, n: number, expected: string) {
  const fs = [0,1,2,3].map((k) => cameraFrame(w, h, 1000 + k, sym ?? undefined));
  const ms: number[] = []; let read = 0;
  for (let i = 0; i < n + 5; i++) { const f = fs[i % 4]!; const t0 = performance.now(); const r = await readBarcodes(f, opts); const t = performance.now() - t0; if (i >= 5) { ms.push(t); if (r[0]?.text === expected) read++; } }
  ms.sort((a,b)=>a-b);
  return { p50: ms[Math.floor(n/2)], p95: ms[Math.floor(n*0.95)], read };
}
(globalThis as any).scratch = { start, loadUrls, decodeAll, frames, drawSymbol };
