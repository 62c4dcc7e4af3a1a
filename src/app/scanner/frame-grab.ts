// How a camera frame becomes pixels for the decoder. On the page's thread a canvas grab (drawImage
// of the video, then getImageData) cost ~19 ms per frame with the CPU throttled 4×, the largest
// share of scan → verdict after the IndexedDB write. So when the decoder runs in a worker, the page
// only takes hold of the frame (a VideoFrame: ~0.04 ms) and transfers it; the worker draws the
// region and reads the pixels (frameReader). The canvas grab stays for the page-thread engines.
import type { FrameRegion } from './frame-region';

/** A video element as the grabbers use it (a subset, so tests can fake it). */
export type GrabVideo = Pick<HTMLVideoElement, 'videoWidth' | 'videoHeight'>;

/** A whole camera frame that can be transferred to a worker; whoever holds it last closes it. */
export type CameraFrame = VideoFrame | ImageBitmap;

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/**
 * A 2D context per image size, reused: the passes alternate sizes, and resizing a canvas
 * reallocates it. A camera's resolution changes rarely (switching cameras): a few sizes at most.
 */
function contextsBySize(): (width: number, height: number) => Context2D | null {
  const contexts = new Map<string, Context2D>();
  return (width, height) => {
    const key = `${width}x${height}`;
    const known = contexts.get(key);
    if (known) return known;
    const canvas =
      typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(width, height)
        : Object.assign(document.createElement('canvas'), { width, height });
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as Context2D | null;
    if (!ctx) return null;
    if (contexts.size >= 4) contexts.clear();
    contexts.set(key, ctx);
    return ctx;
  };
}

/** Draws a region of the video on a canvas of its output size and reads back fresh pixels. */
export function canvasGrabber(): (video: GrabVideo, region: FrameRegion) => ImageData | null {
  const context = contextsBySize();
  return (video, r) => {
    const ctx = context(r.dw, r.dh);
    if (!ctx) return null;
    ctx.drawImage(video as HTMLVideoElement, r.sx, r.sy, r.sw, r.sh, 0, 0, r.dw, r.dh);
    // A new ImageData each time: the worker decoder takes ownership of its pixel buffer.
    return ctx.getImageData(0, 0, r.dw, r.dh);
  };
}

/**
 * Takes hold of the video's current frame for a worker; null where the browser can do neither.
 * A VideoFrame (WebCodecs) wraps the decoded frame without touching its pixels. createImageBitmap
 * is only the fallback: in Chromium it converts the frame on the page's thread, measured at
 * ~10 ms per 640×480 frame at 4× throttle, as much as the canvas grab it was meant to replace.
 */
export function frameGrabber(): ((video: GrabVideo) => Promise<CameraFrame>) | null {
  if (typeof VideoFrame === 'function') {
    return async (video) => new VideoFrame(video as HTMLVideoElement);
  }
  if (typeof createImageBitmap === 'function') {
    return (video) => createImageBitmap(video as HTMLVideoElement);
  }
  return null;
}

/** Whether this thread can draw frames and read them back (OffscreenCanvas with a 2D context). */
export function canReadFrames(): boolean {
  try {
    return (
      typeof OffscreenCanvas === 'function' && new OffscreenCanvas(1, 1).getContext('2d') !== null
    );
  } catch {
    return false;
  }
}

/** Reads a region of a frame (in the decode worker) and closes the frame, whatever happens. */
export function frameReader(): (frame: CameraFrame, region: FrameRegion) => ImageData {
  const context = contextsBySize();
  return (frame, r) => {
    try {
      const ctx = context(r.dw, r.dh);
      if (!ctx) throw new Error('no 2D canvas context to read the frame');
      ctx.drawImage(frame, r.sx, r.sy, r.sw, r.sh, 0, 0, r.dw, r.dh);
      return ctx.getImageData(0, 0, r.dw, r.dh);
    } finally {
      // A camera has few frame buffers: a VideoFrame left open stalls the picture.
      frame.close();
    }
  };
}

/** What lumaReader needs of a VideoFrame (a subset, so tests can fake it). */
export type CopyableFrame = Pick<
  VideoFrame,
  'format' | 'codedWidth' | 'codedHeight' | 'displayWidth' | 'displayHeight' | 'close'
> & {
  allocationSize(): number;
  copyTo(destination: Uint8Array): Promise<PlaneLayout[]>;
};

/** Bytes per pixel of the packed RGB formats, with where their green is (a stand-in for luma). */
const PACKED: Partial<Record<VideoPixelFormat, { bytes: number; green: number }>> = {
  RGBA: { bytes: 4, green: 1 },
  RGBX: { bytes: 4, green: 1 },
  BGRA: { bytes: 4, green: 1 },
  BGRX: { bytes: 4, green: 1 },
};

/**
 * Reads a region of a camera frame as grey pixels (ImageData, R = G = B = luma), through
 * VideoFrame.copyTo, and closes the frame. Unlike drawing the frame on a canvas, copyTo needs
 * nothing of the page's thread: in Chromium a worker's drawImage of a camera frame waited for the
 * page's thread (measured: no frame drawn during a 1 s busy page, against ten copied), and the
 * early watch (decode-worker.ts) exists for when that thread is busy. A QR code needs only the
 * luma: the Y plane of the YUV formats, the green of the packed RGB ones. The region is scaled by
 * nearest pixel. Rejects on a format it does not know.
 */
export async function readLuma(frame: CopyableFrame, r: FrameRegion): Promise<ImageData> {
  try {
    const format = frame.format;
    const packed = format ? PACKED[format] : undefined;
    const planar =
      format === 'I420' ||
      format === 'I420A' ||
      format === 'NV12' ||
      format === 'I422' ||
      format === 'I444';
    if (!planar && !packed) throw new Error(`camera frame format ${format ?? 'unknown'}`);
    const bytes = new Uint8Array(frame.allocationSize());
    const layout = await frame.copyTo(bytes);
    const { offset, stride } = layout[0]!;
    const step = packed?.bytes ?? 1;
    const at = packed?.green ?? 0;
    // Display and coded sizes differ by padding at most; the region is in display pixels.
    const maxX = Math.min(frame.displayWidth, frame.codedWidth) - 1;
    const maxY = Math.min(frame.displayHeight, frame.codedHeight) - 1;
    const out = new Uint8ClampedArray(r.dw * r.dh * 4);
    const xs = new Int32Array(r.dw);
    for (let x = 0; x < r.dw; x++) {
      xs[x] = Math.min(maxX, r.sx + Math.floor(((x + 0.5) * r.sw) / r.dw)) * step + at;
    }
    for (let y = 0, o = 0; y < r.dh; y++) {
      const row = offset + Math.min(maxY, r.sy + Math.floor(((y + 0.5) * r.sh) / r.dh)) * stride;
      for (let x = 0; x < r.dw; x++, o += 4) {
        const v = bytes[row + xs[x]!]!;
        out[o] = v;
        out[o + 1] = v;
        out[o + 2] = v;
        out[o + 3] = 255;
      }
    }
    return new ImageData(out, r.dw, r.dh);
  } finally {
    frame.close();
  }
}
