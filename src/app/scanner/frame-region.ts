// Which parts of a camera frame the decoder sees. A code must be read anywhere in the frame, at
// any size up to nearly the frame's short side (a centre-only crop missed 108 of 120 tickets held
// slightly off-centre, and a phone held close never fitted in it). So frames alternate between
// two passes: the whole frame downscaled (large and off-centre codes, cheap) and a native-
// resolution centre (small codes stay sharp). The aiming square is only a hint drawn on screen.
// Pure arithmetic, so the camera loop, the camera view and the tests share it.

export interface FrameSize {
  width: number;
  height: number;
}

/** A crop of a video frame (source rectangle, in video pixels) and the size it is drawn at. */
export interface FrameRegion {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
  /** Width and height of the image handed to the decoder (never larger than the crop). */
  dw: number;
  dh: number;
}

export interface RegionOptions {
  /** Side of the square as a fraction of the frame's shorter side, in (0, 1]. Default 0.7. */
  fraction?: number;
  /** Longest side of the decoded image in pixels. Default 720. */
  maxSide?: number;
}

export const DEFAULT_REGION_FRACTION = 0.7;
export const DEFAULT_MAX_SIDE = 720;

/** The centred square of a frame (the aiming hint), downscaled to maxSide; null if no frame. */
export function centredSquareRegion(
  frame: FrameSize,
  opts: RegionOptions = {},
): FrameRegion | null {
  const fraction = opts.fraction ?? DEFAULT_REGION_FRACTION;
  const maxSide = opts.maxSide ?? DEFAULT_MAX_SIDE;
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction ${fraction} not in (0, 1]`);
  if (!(maxSide >= 1)) throw new RangeError(`maxSide ${maxSide} must be at least 1`);
  const width = Math.floor(frame.width);
  const height = Math.floor(frame.height);
  // A <video> reports 0×0 until its first frame has arrived.
  if (!(width > 0 && height > 0)) return null;
  const side = Math.max(1, Math.round(Math.min(width, height) * fraction));
  const sx = Math.floor((width - side) / 2);
  const sy = Math.floor((height - side) / 2);
  const d = Math.min(side, Math.floor(maxSide));
  return { sx, sy, sw: side, sh: side, dw: d, dh: d };
}

/** A rectangle in CSS pixels of the element showing the video. */
export interface ViewRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a region of the frame appears inside a video element of size `view` shown with
 * `object-fit: cover` or `contain`, so the aiming box drawn over the video matches what is decoded.
 */
export function regionInView(
  frame: FrameSize,
  region: FrameRegion,
  view: FrameSize,
  fit: 'cover' | 'contain' = 'cover',
): ViewRect | null {
  if (!(frame.width > 0 && frame.height > 0 && view.width > 0 && view.height > 0)) return null;
  const sx = view.width / frame.width;
  const sy = view.height / frame.height;
  const scale = fit === 'cover' ? Math.max(sx, sy) : Math.min(sx, sy);
  const offsetX = (view.width - frame.width * scale) / 2;
  const offsetY = (view.height - frame.height * scale) / 2;
  return {
    left: offsetX + region.sx * scale,
    top: offsetY + region.sy * scale,
    width: region.sw * scale,
    height: region.sh * scale,
  };
}

export interface PassOptions {
  /** Longest side of the downscaled whole-frame pass. Default 640. */
  fullMaxSide?: number;
  /** Largest native crop (long × short side) of the centre pass. Default 1280 × 720. */
  nativeMax?: FrameSize;
}

export const FULL_PASS_MAX_SIDE = 640;
export const NATIVE_PASS_MAX: FrameSize = { width: 1280, height: 720 };

/**
 * The regions decoded in turn, one per video frame: first the whole frame downscaled so its long
 * side is at most `fullMaxSide`, then (only when that pass had to shrink the frame) a centre crop
 * at native resolution, at most `nativeMax`. A 640×480 camera needs one pass; a 1280×720 one gets
 * both, and the second covers the whole frame at full sharpness. Empty before the first frame.
 */
export function scanPasses(frame: FrameSize, opts: PassOptions = {}): FrameRegion[] {
  const maxSide = Math.floor(opts.fullMaxSide ?? FULL_PASS_MAX_SIDE);
  const cap = opts.nativeMax ?? NATIVE_PASS_MAX;
  if (!(maxSide >= 1 && cap.width >= 1 && cap.height >= 1)) {
    throw new RangeError('scan passes need positive sizes');
  }
  const width = Math.floor(frame.width);
  const height = Math.floor(frame.height);
  if (!(width > 0 && height > 0)) return [];
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const full: FrameRegion = {
    sx: 0,
    sy: 0,
    sw: width,
    sh: height,
    dw: Math.max(1, Math.round(width * scale)),
    dh: Math.max(1, Math.round(height * scale)),
  };
  if (scale === 1) return [full];
  // The cap follows the frame's orientation: a tablet held upright gives a portrait frame.
  const capLong = Math.max(cap.width, cap.height);
  const capShort = Math.min(cap.width, cap.height);
  const sw = Math.min(width, Math.floor(width >= height ? capLong : capShort));
  const sh = Math.min(height, Math.floor(width >= height ? capShort : capLong));
  const sx = Math.floor((width - sw) / 2);
  const sy = Math.floor((height - sh) / 2);
  return [full, { sx, sy, sw, sh, dw: sw, dh: sh }];
}
