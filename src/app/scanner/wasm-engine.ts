// ZXing-C++ compiled to WebAssembly (npm zxing-wasm, reader build), run in whichever thread
// imports this module: the decode worker, or the page when it has no workers. Its .wasm is
// imported through Vite so it is served from our origin and precached: the package's default
// would fetch it from a CDN, which fails at a door with no network.
import type { ReaderOptions } from 'zxing-wasm/reader';
import { prepareZXingModule, purgeZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** The reader options of the app's decode path (the same in the worker and on the page). */
export function wasmReaderOptions(maxSymbols: number): ReaderOptions {
  return {
    formats: ['QRCode'],
    tryHarder: true,
    // QR detection does not depend on orientation; rotating only helps linear symbologies.
    tryRotate: false,
    // Phones in dark mode and some printed badges show light-on-dark codes.
    tryInvert: true,
    tryDownscale: true,
    // A last pass (morphological closing) only when the plain and inverted passes found nothing:
    // in Chromium it read 2 more of the 137 blackbox photos (125 → 127, above ZXing-C++'s own
    // 125) for up to twice the time on frames with no code, which the worker absorbs.
    tryDenoise: true,
    // The text exactly as encoded (e.g. GS1 separators kept), never a "human readable" rewrite.
    textMode: 'Plain',
    maxNumberOfSymbols: maxSymbols,
  };
}

let ready: Promise<unknown> | null = null;

/** Absolute URL of the bundled .wasm (relative URLs would resolve against the worker script). */
export function wasmFileUrl(): string {
  return new URL(wasmUrl, self.location.href).href;
}

/** Downloads and compiles the module once; rejects if WebAssembly cannot start here. */
export function startWasmEngine(): Promise<unknown> {
  ready ??= prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith('.wasm') ? wasmFileUrl() : prefix + path,
    },
    fireImmediately: true,
  }).catch((err: unknown) => {
    ready = null;
    purgeZXingModule();
    throw err;
  });
  return ready;
}

/** Texts of the valid QR codes in an RGBA image. */
export async function decodeWithWasm(image: ImageData, maxSymbols: number): Promise<string[]> {
  await startWasmEngine();
  try {
    const results = await readBarcodes(image, wasmReaderOptions(maxSymbols));
    return results.filter((r) => r.isValid).map((r) => r.text);
  } catch (err) {
    // An Emscripten abort leaves the instance unusable: start a fresh one on the next frame
    // rather than failing every scan until the page is reloaded.
    ready = null;
    purgeZXingModule();
    throw err;
  }
}
