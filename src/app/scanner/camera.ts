// The camera side of scanning, DOM only (no Preact): open the camera with errors a volunteer can
// act on, and feed every new video frame to the decoder — the whole frame downscaled and a
// native-resolution centre in turn (frame-region.ts) — never more than one decode at a time (a
// slow phone skips frames instead of queueing them). See ARCHITECTURE.md, "Scanning".
import type { Decoder } from './decoder';
import type { CameraFrame } from './frame-grab';
import { canvasGrabber, frameGrabber } from './frame-grab';
import type { FrameRegion, PassOptions } from './frame-region';
import { scanPasses } from './frame-region';
import { markOnce } from '../lib/marks';
import type { CameraProblemCode } from './camera-open';

export * from './camera-open';

export interface Bilingual {
  id: string;
  en: string;
}

/** Why the camera cannot be used, and what the person at the door can do about it. */
export interface CameraProblem {
  code: CameraProblemCode;
  title: Bilingual;
  /** Steps to take, in order. */
  steps: Bilingual[];
}

const PROBLEMS: Record<CameraProblemCode, Omit<CameraProblem, 'code'>> = {
  denied: {
    title: { id: 'Akses kamera ditolak', en: 'Camera access was blocked' },
    steps: [
      {
        id: 'Di Chrome Android: ketuk ikon gembok di sebelah alamat situs.',
        en: 'In Chrome on Android: tap the lock icon next to the site address.',
      },
      {
        id: 'Pilih Izin → Kamera → Izinkan.',
        en: 'Choose Permissions → Camera → Allow.',
      },
      { id: 'Muat ulang halaman ini.', en: 'Reload this page.' },
    ],
  },
  'not-found': {
    title: { id: 'Kamera tidak ditemukan', en: 'No camera found' },
    steps: [
      {
        id: 'Pastikan perangkat ini punya kamera dan tidak dimatikan di pengaturan.',
        en: 'Make sure this device has a camera and it is not turned off in settings.',
      },
      {
        id: 'Atau pakai pemindai USB/Bluetooth, atau cari nama peserta.',
        en: 'Or use a USB/Bluetooth scanner, or search for the participant by name.',
      },
    ],
  },
  'in-use': {
    title: { id: 'Kamera sedang dipakai aplikasi lain', en: 'The camera is in use by another app' },
    steps: [
      {
        id: 'Tutup aplikasi lain yang memakai kamera (video call, kamera, tab lain).',
        en: 'Close other apps using the camera (video calls, camera app, other tabs).',
      },
      { id: 'Lalu ketuk "Coba lagi".', en: 'Then tap "Try again".' },
    ],
  },
  insecure: {
    title: { id: 'Halaman ini tidak aman (bukan HTTPS)', en: 'This page is not secure (no HTTPS)' },
    steps: [
      {
        id: 'Browser hanya mengizinkan kamera di alamat https://. Buka Hadir lewat alamat https.',
        en: 'Browsers only allow the camera on https:// addresses. Open Hadir over https.',
      },
    ],
  },
  unsupported: {
    title: { id: 'Browser ini tidak mendukung kamera', en: 'This browser cannot use the camera' },
    steps: [
      {
        id: 'Buka Hadir di Chrome versi terbaru.',
        en: 'Open Hadir in an up-to-date Chrome.',
      },
    ],
  },
  decoder: {
    title: { id: 'Pembaca kode QR berhenti', en: 'The QR code reader stopped' },
    steps: [
      { id: 'Ketuk "Coba lagi".', en: 'Tap "Try again".' },
      {
        id: 'Jika tetap gagal, muat ulang halaman. Sementara itu pakai pemindai USB/Bluetooth atau cari nama peserta.',
        en: 'If it still fails, reload the page. Meanwhile use a USB/Bluetooth scanner or search for the participant by name.',
      },
    ],
  },
  failed: {
    title: { id: 'Kamera tidak bisa dibuka', en: 'The camera could not start' },
    steps: [
      { id: 'Ketuk "Coba lagi".', en: 'Tap "Try again".' },
      {
        id: 'Jika tetap gagal, mulai ulang browser atau perangkat.',
        en: 'If it still fails, restart the browser or the device.',
      },
    ],
  },
};

/** The bilingual explanation and steps for a problem code, for the camera-problem screen. */
export function cameraProblem(code: CameraProblemCode): CameraProblem {
  return { code, ...PROBLEMS[code] };
}

/** The video cameras this device has (labels are empty until the camera was allowed once). */
export async function listCameras(): Promise<MediaDeviceInfo[]> {
  try {
    const all = await navigator.mediaDevices.enumerateDevices();
    return all.filter((d) => d.kind === 'videoinput');
  } catch {
    return [];
  }
}

type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };

/** Whether the track's camera has a light the page can switch (most Android back cameras). */
export function torchSupported(track: MediaStreamTrack | undefined): boolean {
  const caps = track?.getCapabilities?.() as TorchCapabilities | undefined;
  return caps?.torch === true;
}

/** Turns the camera light on or off; rejects if the camera refuses. */
export function setTorch(track: MediaStreamTrack, on: boolean): Promise<void> {
  return track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
}

/** What the frame loop reports for each frame in which codes were read. */
export interface CodesRead {
  texts: string[];
  /** performance.now() time at which the frame was presented (for scan-to-verdict timing). */
  frameAt: number;
}

export interface FrameLoopStats {
  /** New frames the loop was called for. */
  seen: number;
  /** Frames handed to the decoder. */
  decoded: number;
  /** Frames dropped because a decode was still running. */
  skipped: number;
  /** Sum of decode times in ms (round trip, worker included). */
  decodeMs: number;
}

/** A video element as the loop uses it (a subset, so tests can fake it). */
export type LoopVideo = Pick<HTMLVideoElement, 'videoWidth' | 'videoHeight' | 'currentTime'> &
  Partial<Pick<HTMLVideoElement, 'requestVideoFrameCallback' | 'cancelVideoFrameCallback'>>;

/** What the loop needs of a decoder: pixels, or (a worker decoder) a frame it reads itself. */
export type FrameDecoder = Pick<Decoder, 'decode' | 'decodeFrame'>;

export interface FrameLoopOptions {
  video: LoopVideo;
  decoder: FrameDecoder;
  /**
   * Codes were read in a frame. A returned promise holds the next decode until it settles: while
   * a scan is being saved and shown, the frame loop leaves the main thread to it.
   */
  onCodes(read: CodesRead): void | Promise<unknown>;
  /** A decode that threw (the loop goes on with the next frame). */
  onError?(err: unknown): void;
  passes?: PassOptions;
  /** Cuts the region out of the video; default draws it on a canvas. For tests. */
  grab?: (video: LoopVideo, region: FrameRegion) => ImageData | null;
  /** Takes the whole frame for a worker; default frameGrabber(), null where none. For tests. */
  grabFrame?: ((video: LoopVideo) => Promise<CameraFrame>) | null;
}

export interface FrameLoop {
  readonly stats: Readonly<FrameLoopStats>;
  stop(): void;
}

/** Decodes each new video frame, passes in turn, until stop(); at most one decode in flight. */
export function startFrameLoop(opts: FrameLoopOptions): FrameLoop {
  const { video } = opts;
  const stats: FrameLoopStats = { seen: 0, decoded: 0, skipped: 0, decodeMs: 0 };
  let stopped = false;
  let busy = false;
  let handle = 0;
  let lastTime = -1;
  let pass = 0;
  const useVfc = typeof video.requestVideoFrameCallback === 'function';
  const decodeRegion = regionDecoder(opts, () => stopped);

  const schedule = () => {
    if (stopped) return;
    handle = useVfc
      ? video.requestVideoFrameCallback!((now, meta) => onFrame(meta.presentationTime ?? now))
      : requestAnimationFrame(() => onFrame(performance.now()));
  };

  const onFrame = (frameAt: number) => {
    if (stopped) return;
    schedule();
    // No picture yet (the loop may start before the video plays): nothing to decode.
    if (!video.videoWidth || !video.videoHeight) return;
    // requestAnimationFrame runs at screen rate: only frames with a new video time are new.
    if (!useVfc && video.currentTime === lastTime) return;
    lastTime = video.currentTime;
    stats.seen++;
    if (busy) return void stats.skipped++;
    const passes = scanPasses({ width: video.videoWidth, height: video.videoHeight }, opts.passes);
    const region = passes[pass++ % Math.max(1, passes.length)];
    const decoding = region && decodeRegion(region);
    if (!decoding) return;
    busy = true;
    markOnce('first-frame-to-decoder');
    stats.decoded++;
    const t0 = performance.now();
    decoding.then(
      (texts) => {
        stats.decodeMs += performance.now() - t0;
        markOnce('first-frame-decoded');
        const holding = !stopped && texts.length ? opts.onCodes({ texts, frameAt }) : undefined;
        if (!holding) return void (busy = false);
        void holding.then(
          () => (busy = false),
          () => (busy = false),
        );
      },
      (err: unknown) => {
        busy = false;
        if (!stopped) opts.onError?.(err);
      },
    );
  };

  schedule();
  return {
    stats,
    stop() {
      stopped = true;
      if (useVfc) video.cancelVideoFrameCallback?.(handle);
      else cancelAnimationFrame(handle);
    },
  };
}

/**
 * Grabs and decodes one region of the current frame; null when there was nothing to grab. A
 * decoder that reads frames (the worker) gets the whole frame and the region, so the page's thread
 * never touches the pixels; the others get ImageData from the canvas grab. Chosen per frame: a
 * restarted decoder may be of the other kind. Where a frame cannot be taken, the canvas from then on.
 */
function regionDecoder(
  opts: FrameLoopOptions,
  stopped: () => boolean,
): (region: FrameRegion) => Promise<string[]> | null {
  const { video, decoder } = opts;
  const grab = opts.grab ?? canvasGrabber();
  let grabFrame = opts.grabFrame === undefined ? frameGrabber() : opts.grabFrame;

  const viaFrame = (region: FrameRegion, take: NonNullable<typeof grabFrame>) =>
    take(video).then(
      (frame) => {
        // Past this point the decoder owns the frame and closes it.
        if (!stopped() && decoder.decodeFrame) return decoder.decodeFrame(frame, region);
        frame.close();
        return [];
      },
      // This frame is lost; the next ones go through the canvas.
      (): string[] => {
        grabFrame = null;
        return [];
      },
    );

  return (region) => {
    if (grabFrame && decoder.decodeFrame) return viaFrame(region, grabFrame);
    const image = grab(video, region);
    return image && decoder.decode(image);
  };
}
