import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centredSquareRegion, regionInView, scanPasses } from './frame-region';

describe('centredSquareRegion', () => {
  it('takes the central 70% square of a 640×480 frame at full resolution', () => {
    expect(centredSquareRegion({ width: 640, height: 480 })).toEqual({
      sx: 152,
      sy: 72,
      sw: 336,
      sh: 336,
      dw: 336,
      dh: 336,
    });
  });

  it('downscales a 1920×1080 frame so the decoded side is at most 720', () => {
    const r = centredSquareRegion({ width: 1920, height: 1080 })!;
    expect(r).toEqual({ sx: 582, sy: 162, sw: 756, sh: 756, dw: 720, dh: 720 });
  });

  it('handles portrait frames (a tablet held upright)', () => {
    const r = centredSquareRegion({ width: 720, height: 1280 }, { fraction: 1, maxSide: 480 })!;
    expect(r).toEqual({ sx: 0, sy: 280, sw: 720, sh: 720, dw: 480, dh: 480 });
  });

  it('returns null before the video has a frame', () => {
    expect(centredSquareRegion({ width: 0, height: 0 })).toBeNull();
    expect(centredSquareRegion({ width: Number.NaN, height: 480 })).toBeNull();
  });

  it('refuses nonsense options', () => {
    expect(() => centredSquareRegion({ width: 640, height: 480 }, { fraction: 0 })).toThrow(
      RangeError,
    );
    expect(() => centredSquareRegion({ width: 640, height: 480 }, { fraction: 1.5 })).toThrow(
      RangeError,
    );
    expect(() => centredSquareRegion({ width: 640, height: 480 }, { maxSide: 0 })).toThrow(
      RangeError,
    );
  });

  it('always lies inside the frame, is square, centred and capped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 2000 }),
        (width, height, fraction, maxSide) => {
          const r = centredSquareRegion({ width, height }, { fraction, maxSide })!;
          expect(Number.isInteger(r.sx) && Number.isInteger(r.sy)).toBe(true);
          expect(r.sw).toBe(r.sh);
          expect(r.sx).toBeGreaterThanOrEqual(0);
          expect(r.sy).toBeGreaterThanOrEqual(0);
          expect(r.sx + r.sw).toBeLessThanOrEqual(width);
          expect(r.sy + r.sh).toBeLessThanOrEqual(height);
          // Centred to within a pixel.
          expect(Math.abs(r.sx - (width - r.sx - r.sw))).toBeLessThanOrEqual(1);
          expect(Math.abs(r.sy - (height - r.sy - r.sh))).toBeLessThanOrEqual(1);
          expect(r.dw).toBe(r.dh);
          expect(r.dw).toBeLessThanOrEqual(Math.min(maxSide, r.sw));
          expect(r.dw).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });
});

describe('regionInView', () => {
  const frame = { width: 640, height: 480 };
  const region = centredSquareRegion(frame)!;

  it('maps the region through object-fit: cover', () => {
    // 640×480 covering a 400×400 box: scale 400/480, 133.3 px cut off left and right.
    const r = regionInView(frame, region, { width: 400, height: 400 }, 'cover')!;
    expect(r.width).toBeCloseTo(280);
    expect(r.height).toBeCloseTo(280);
    expect(r.left).toBeCloseTo(60);
    expect(r.top).toBeCloseTo(60);
  });

  it('maps the region through object-fit: contain', () => {
    // 640×480 inside a 320×480 box: scale 0.5, letterboxed 120 px above and below.
    const r = regionInView(frame, region, { width: 320, height: 480 }, 'contain')!;
    expect(r.width).toBeCloseTo(168);
    expect(r.left).toBeCloseTo(76);
    expect(r.top).toBeCloseTo(120 + 36);
  });

  it('returns null when the element or frame has no size', () => {
    expect(regionInView(frame, region, { width: 0, height: 300 })).toBeNull();
    expect(regionInView({ width: 0, height: 0 }, region, { width: 300, height: 300 })).toBeNull();
  });
});

describe('scanPasses', () => {
  it('decodes a 640×480 frame whole, at native resolution, in one pass', () => {
    expect(scanPasses({ width: 640, height: 480 })).toEqual([
      { sx: 0, sy: 0, sw: 640, sh: 480, dw: 640, dh: 480 },
    ]);
  });

  it('alternates the whole 1280×720 frame at half size with the whole frame at native size', () => {
    expect(scanPasses({ width: 1280, height: 720 })).toEqual([
      { sx: 0, sy: 0, sw: 1280, sh: 720, dw: 640, dh: 360 },
      { sx: 0, sy: 0, sw: 1280, sh: 720, dw: 1280, dh: 720 },
    ]);
  });

  it('caps the native pass to a centred 720×1280 on an upright 1080×1920 frame', () => {
    expect(scanPasses({ width: 1080, height: 1920 })).toEqual([
      { sx: 0, sy: 0, sw: 1080, sh: 1920, dw: 360, dh: 640 },
      { sx: 180, sy: 320, sw: 720, sh: 1280, dw: 720, dh: 1280 },
    ]);
  });

  it('has nothing to decode before the first frame, and refuses nonsense sizes', () => {
    expect(scanPasses({ width: 0, height: 0 })).toEqual([]);
    expect(() => scanPasses({ width: 640, height: 480 }, { fullMaxSide: 0 })).toThrow(RangeError);
  });

  it('always covers the whole frame once, stays inside it and never upscales', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 4096 }),
        (width, height) => {
          const passes = scanPasses({ width, height });
          const [full, centre] = passes;
          expect(full).toMatchObject({ sx: 0, sy: 0, sw: width, sh: height });
          expect(Math.max(full!.dw, full!.dh)).toBeLessThanOrEqual(640);
          for (const r of passes) {
            expect(r.sx + r.sw).toBeLessThanOrEqual(width);
            expect(r.sy + r.sh).toBeLessThanOrEqual(height);
            expect(r.dw).toBeLessThanOrEqual(r.sw);
            expect(r.dh).toBeLessThanOrEqual(r.sh);
          }
          if (centre) {
            expect(centre.dw).toBe(centre.sw); // native resolution
            expect(centre.sw * centre.sh).toBeLessThanOrEqual(1280 * 720);
          } else expect(Math.max(width, height)).toBeLessThanOrEqual(640);
        },
      ),
    );
  });
});
