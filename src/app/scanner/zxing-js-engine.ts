// The fallback engine: @zxing/browser (pure JavaScript, on the page's thread), for a browser that
// cannot start WebAssembly, and the baseline the benchmark compares zxing-wasm against. It reads
// at most one code per image and misses some perfectly rendered ones, hence not the default.
import { BrowserQRCodeReader } from '@zxing/browser';
// @zxing/library is @zxing/browser's peer dependency; the hint and error types live there.
import {
  ChecksumException,
  DecodeHintType,
  FormatException,
  NotFoundException,
} from '@zxing/library';

export interface ZxingJsReader {
  decode(image: ImageData): string[];
}

/** A QR-only @zxing/browser reader ("try harder" on, like the wasm path) over one reused canvas. */
export function createZxingJsReader(opts: { tryHarder?: boolean } = {}): ZxingJsReader {
  const hints = new Map<DecodeHintType, unknown>();
  if (opts.tryHarder ?? true) hints.set(DecodeHintType.TRY_HARDER, true);
  const reader = new BrowserQRCodeReader(hints);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas context for @zxing/browser');
  return {
    decode(image) {
      if (canvas.width !== image.width || canvas.height !== image.height) {
        canvas.width = image.width;
        canvas.height = image.height;
      }
      ctx.putImageData(image, 0, 0);
      try {
        return [reader.decodeFromCanvas(canvas).getText()];
      } catch (err) {
        // These three mean "no readable code in this frame"; anything else is a real failure.
        if (
          err instanceof NotFoundException ||
          err instanceof ChecksumException ||
          err instanceof FormatException
        ) {
          return [];
        }
        throw err;
      }
    },
  };
}
