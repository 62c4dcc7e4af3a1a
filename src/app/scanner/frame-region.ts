// Which part of a camera frame the decoder sees. Decoding only a centred square at a capped
// resolution keeps each frame's decode short on old tablets, and the volunteer aims the code at
// the middle of the screen anyway. Pure arithmetic, so the camera view and the tests share it.

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

/** The centred square of a frame, downscaled so its side is at most maxSide; null if no frame. */
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
