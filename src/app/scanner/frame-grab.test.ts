// The early watch's pixels (readLuma): a region of a camera frame as grey, from the frame's own
// bytes, in the layouts cameras give; the frame closed whatever happens.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CopyableFrame } from './frame-grab';
import { readLuma } from './frame-grab';

beforeAll(() => {
  // Node has no ImageData; the worker and the page do.
  globalThis.ImageData ??= class {
    constructor(
      readonly data: Uint8ClampedArray,
      readonly width: number,
      readonly height: number,
    ) {}
  } as unknown as typeof ImageData;
});

/** A frame whose luma at (x, y) is `luma(x, y)`, laid out as `format`, rows `pad` bytes apart more. */
function frame(
  format: VideoPixelFormat | null,
  width: number,
  height: number,
  luma: (x: number, y: number) => number,
  pad = 0,
) {
  const packed = format === 'RGBA' || format === 'BGRX';
  const stride = width * (packed ? 4 : 1) + pad;
  const yPlane = stride * height;
  // A second plane after the first (chroma), as the YUV formats have: never read.
  const bytes = new Uint8Array(yPlane + (packed ? 0 : stride * (height / 2)) + 16).fill(77);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (packed) bytes.set([0, luma(x, y), 0, 255], y * stride + x * 4 + 16);
      else bytes[y * stride + x + 16] = luma(x, y);
    }
  }
  const f = {
    closed: false,
    format,
    codedWidth: width,
    codedHeight: height,
    displayWidth: width,
    displayHeight: height,
    close() {
      f.closed = true;
    },
    allocationSize: () => bytes.length,
    async copyTo(destination: Uint8Array) {
      destination.set(bytes);
      return [{ offset: 16, stride }];
    },
  };
  return f satisfies CopyableFrame;
}

const grey = (image: ImageData) => {
  const out: number[] = [];
  for (let i = 0; i < image.data.length; i += 4) {
    expect(image.data[i]).toBe(image.data[i + 1]);
    expect(image.data[i]).toBe(image.data[i + 2]);
    expect(image.data[i + 3]).toBe(255);
    out.push(image.data[i]!);
  }
  return out;
};

describe('readLuma', () => {
  const luma = (x: number, y: number) => y * 16 + x;

  it('reads a region of the Y plane of I420 and NV12 frames, padded rows too', async () => {
    for (const format of ['I420', 'NV12'] as const) {
      const f = frame(format, 8, 4, luma, 8);
      const image = await readLuma(f, { sx: 2, sy: 1, sw: 3, sh: 2, dw: 3, dh: 2 });
      expect([image.width, image.height]).toEqual([3, 2]);
      expect(grey(image)).toEqual([18, 19, 20, 34, 35, 36]);
      expect(f.closed).toBe(true);
    }
  });

  it('scales the region to its output size', async () => {
    const f = frame('I420', 8, 4, luma);
    const image = await readLuma(f, { sx: 0, sy: 0, sw: 8, sh: 4, dw: 4, dh: 2 });
    // Every other pixel of every other row, from the centre of each 2×2 block.
    expect(grey(image)).toEqual([17, 19, 21, 23, 49, 51, 53, 55]);
  });

  it('reads the green of packed RGB frames', async () => {
    const f = frame('RGBA', 4, 2, luma);
    const image = await readLuma(f, { sx: 1, sy: 0, sw: 2, sh: 2, dw: 2, dh: 2 });
    expect(grey(image)).toEqual([1, 2, 17, 18]);
    expect(f.closed).toBe(true);
  });

  it('refuses a format it does not know, and still closes the frame', async () => {
    const f = frame(null, 4, 2, luma);
    await expect(readLuma(f, { sx: 0, sy: 0, sw: 4, sh: 2, dw: 4, dh: 2 })).rejects.toThrow(
      /format unknown/,
    );
    expect(f.closed).toBe(true);
  });
});
