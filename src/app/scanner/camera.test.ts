import type { Mock } from 'vitest';
import { describe, expect, it, vi } from 'vitest';
import type { CameraProblemCode, LoopVideo } from './camera';
import type { FrameRegion } from './frame-region';
import {
  CameraError,
  cameraProblem,
  classifyCameraError,
  openCamera,
  startFrameLoop,
  torchSupported,
} from './camera';

const CODES: CameraProblemCode[] = [
  'denied',
  'not-found',
  'in-use',
  'insecure',
  'unsupported',
  'failed',
  'decoder',
];

function domError(name: string): Error {
  return Object.assign(new Error(name), { name });
}

describe('classifyCameraError', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['PermissionDeniedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'not-found'],
    ['DevicesNotFoundError', 'not-found'],
    ['OverconstrainedError', 'not-found'],
    ['NotReadableError', 'in-use'],
    ['TrackStartError', 'in-use'],
    ['AbortError', 'failed'],
    ['TypeError', 'failed'],
  ])('%s → %s', (name, code) => {
    expect(classifyCameraError(domError(name))).toBe(code);
  });

  it('keeps the code of a CameraError and copes with odd throwables', () => {
    expect(classifyCameraError(new CameraError('insecure'))).toBe('insecure');
    expect(classifyCameraError('boom')).toBe('failed');
    expect(classifyCameraError(null)).toBe('failed');
  });
});

describe('cameraProblem', () => {
  it('explains every code in Indonesian and English, with at least one step', () => {
    for (const code of CODES) {
      const p = cameraProblem(code);
      expect(p.code).toBe(code);
      for (const t of [p.title, ...p.steps]) {
        expect(t.id.length).toBeGreaterThan(5);
        expect(t.en.length).toBeGreaterThan(5);
        expect(t.id).not.toBe(t.en);
      }
      expect(p.steps.length).toBeGreaterThan(0);
    }
  });

  it('tells how to allow the camera in Chrome on Android when it was blocked', () => {
    const en = cameraProblem('denied')
      .steps.map((s) => s.en)
      .join(' ');
    expect(en).toMatch(/lock icon/);
    expect(en).toMatch(/Camera → Allow/);
    expect(en).toMatch(/Reload/);
  });
});

describe('openCamera', () => {
  const stream = { id: 's' } as unknown as MediaStream;

  it('asks for the wanted facing, video only', async () => {
    const getUserMedia = vi.fn(async () => stream);
    await expect(
      openCamera({ facing: 'environment', mediaDevices: { getUserMedia } }),
    ).resolves.toBe(stream);
    expect(getUserMedia).toHaveBeenCalledWith({
      audio: false,
      video: {
        width: { ideal: 1280 },
        height: { ideal: 720 },
        facingMode: { ideal: 'environment' },
      },
    });
  });

  it('falls back to the facing when the chosen camera is gone', async () => {
    const getUserMedia = vi
      .fn()
      .mockRejectedValueOnce(domError('OverconstrainedError'))
      .mockResolvedValueOnce(stream);
    await expect(
      openCamera({ facing: 'user', deviceId: 'cam-2', mediaDevices: { getUserMedia } }),
    ).resolves.toBe(stream);
    expect(getUserMedia.mock.calls[0]![0].video.deviceId).toEqual({ exact: 'cam-2' });
    expect(getUserMedia.mock.calls[1]![0].video.facingMode).toEqual({ ideal: 'user' });
  });

  it.each([
    ['NotAllowedError', 'denied'],
    ['NotReadableError', 'in-use'],
    ['NotFoundError', 'not-found'],
    ['AbortError', 'failed'],
  ])('turns %s into a CameraError %s, keeping the cause', async (name, code) => {
    const cause = domError(name);
    const err = await openCamera({
      facing: 'environment',
      deviceId: 'x',
      mediaDevices: { getUserMedia: async () => Promise.reject(cause) },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CameraError);
    expect((err as CameraError).code).toBe(code);
    expect((err as CameraError).cause).toBe(cause);
  });

  it('says insecure outside https, and unsupported without mediaDevices', async () => {
    const getUserMedia = vi.fn();
    await expect(
      openCamera({ facing: 'user', secure: false, mediaDevices: { getUserMedia } }),
    ).rejects.toMatchObject({ code: 'insecure' });
    expect(getUserMedia).not.toHaveBeenCalled();
    await expect(
      openCamera({ facing: 'user', secure: true, mediaDevices: undefined }),
    ).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('torchSupported', () => {
  it('is true only when the track says torch: true', () => {
    const track = (caps: object) => ({ getCapabilities: () => caps }) as MediaStreamTrack;
    expect(torchSupported(track({ torch: true }))).toBe(true);
    expect(torchSupported(track({ torch: false }))).toBe(false);
    expect(torchSupported(track({}))).toBe(false);
    expect(torchSupported({} as MediaStreamTrack)).toBe(false);
    expect(torchSupported(undefined)).toBe(false);
  });
});

/** A video whose frames the test presents by hand through requestVideoFrameCallback. */
function fakeVideo() {
  let pending: VideoFrameRequestCallback | null = null;
  const video: LoopVideo = {
    videoWidth: 640,
    videoHeight: 480,
    currentTime: 0,
    requestVideoFrameCallback(cb) {
      pending = cb;
      return 1;
    },
    cancelVideoFrameCallback() {
      pending = null;
    },
  };
  const present = (at: number) => {
    const cb = pending;
    pending = null;
    cb?.(at, { presentationTime: at } as VideoFrameCallbackMetadata);
  };
  return { video, present, waiting: () => pending !== null };
}

describe('startFrameLoop', () => {
  const image = { width: 336, height: 336 } as ImageData;

  it('decodes the whole 640×480 frame, one frame at a time, and reports codes with the frame time', async () => {
    const { video, present } = fakeVideo();
    const resolvers: ((t: string[]) => void)[] = [];
    const decode = vi.fn(() => new Promise<string[]>((r) => resolvers.push(r)));
    const grab = vi.fn((_video: LoopVideo, _region: FrameRegion) => image);
    const onCodes = vi.fn();
    const loop = startFrameLoop({ video, decoder: { decode }, onCodes, grab });

    present(100);
    present(200); // Still decoding frame 100: skipped, not queued.
    present(300);
    expect(decode).toHaveBeenCalledTimes(1);
    expect(grab.mock.calls[0]![1]).toEqual({ sx: 0, sy: 0, sw: 640, sh: 480, dw: 640, dh: 480 });
    resolvers[0]!(['H1.A']);
    await Promise.resolve();
    expect(onCodes).toHaveBeenCalledWith({ texts: ['H1.A'], frameAt: 100 });

    present(400);
    expect(decode).toHaveBeenCalledTimes(2);
    resolvers[1]!([]);
    await Promise.resolve();
    expect(onCodes).toHaveBeenCalledTimes(1); // Frames without a code are not reported.
    expect(loop.stats).toMatchObject({ seen: 4, decoded: 2, skipped: 2 });
    loop.stop();
  });

  it('holds the next decode while the scan it reported is being saved and shown', async () => {
    const { video, present } = fakeVideo();
    const decode = vi.fn(async () => ['H1.A']);
    const grab = vi.fn((_video: LoopVideo, _region: FrameRegion) => image);
    let saved!: () => void;
    const onCodes = vi.fn(() => new Promise<void>((r) => (saved = r)));
    const loop = startFrameLoop({ video, decoder: { decode }, onCodes, grab });

    present(100);
    await vi.waitFor(() => expect(onCodes).toHaveBeenCalledOnce());
    present(200); // The verdict of frame 100 is not on screen yet: this frame waits its turn.
    expect(decode).toHaveBeenCalledTimes(1);
    saved();
    await Promise.resolve();
    await Promise.resolve();
    present(300);
    expect(decode).toHaveBeenCalledTimes(2);
    loop.stop();
  });

  it('alternates a downscaled whole frame and a native centre on a 1920×1080 camera', async () => {
    const { video, present } = fakeVideo();
    Object.assign(video, { videoWidth: 1920, videoHeight: 1080 });
    const grab = vi.fn((_video: LoopVideo, _region: FrameRegion) => image);
    const loop = startFrameLoop({ video, decoder: { decode: async () => [] }, onCodes() {}, grab });
    for (let t = 1; t <= 4; t++) {
      present(t);
      await Promise.resolve();
    }
    const regions = grab.mock.calls.map((c) => c[1]);
    const full = { sx: 0, sy: 0, sw: 1920, sh: 1080, dw: 640, dh: 360 };
    const centre = { sx: 320, sy: 180, sw: 1280, sh: 720, dw: 1280, dh: 720 };
    expect(regions).toEqual([full, centre, full, centre]);
    loop.stop();
  });

  it('goes on after a failed decode, and reports nothing once stopped', async () => {
    const { video, present, waiting } = fakeVideo();
    const decode = vi
      .fn()
      .mockRejectedValueOnce(new Error('bad frame'))
      .mockResolvedValueOnce(['late']);
    const onError = vi.fn();
    const onCodes = vi.fn();
    const loop = startFrameLoop({
      video,
      decoder: { decode },
      onCodes,
      onError,
      grab: () => image,
    });
    present(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(onError).toHaveBeenCalledTimes(1);
    present(2);
    loop.stop();
    await Promise.resolve();
    expect(onCodes).not.toHaveBeenCalled();
    expect(waiting()).toBe(false);
  });

  it('waits for the first frame before decoding (a 0×0 video)', () => {
    const { video, present } = fakeVideo();
    const decode = vi.fn(async () => []);
    Object.assign(video, { videoWidth: 0, videoHeight: 0 });
    const loop = startFrameLoop({
      video,
      decoder: { decode },
      onCodes: () => {},
      grab: () => image,
    });
    present(1);
    expect(decode).not.toHaveBeenCalled();
    loop.stop();
  });
});

describe('startFrameLoop, how a frame is grabbed', () => {
  const image = { width: 640, height: 480 } as ImageData;
  const full = { sx: 0, sy: 0, sw: 640, sh: 480, dw: 640, dh: 480 };
  const fakeFrame = () => ({ close: vi.fn() }) as unknown as VideoFrame & { close: Mock };
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('hands a worker decoder the whole frame and the region, reading no pixels on the page', async () => {
    const { video, present } = fakeVideo();
    const frame = fakeFrame();
    let taken!: (f: VideoFrame) => void;
    const grabFrame = vi.fn(() => new Promise<VideoFrame>((r) => (taken = r)));
    const grab = vi.fn(() => image);
    const decode = vi.fn(async () => ['pixels']);
    const decodeFrame = vi.fn(async () => ['H1.B']);
    const onCodes = vi.fn();
    const loop = startFrameLoop({
      video,
      decoder: { decode, decodeFrame },
      onCodes,
      grab,
      grabFrame,
    });
    present(100);
    present(200); // Frame 100 is not taken yet: one frame in flight, this one skipped.
    taken(frame);
    await settle();
    expect(grabFrame).toHaveBeenCalledTimes(1);
    expect(grabFrame).toHaveBeenCalledWith(video);
    expect(decodeFrame).toHaveBeenCalledWith(frame, full);
    expect(onCodes).toHaveBeenCalledWith({ texts: ['H1.B'], frameAt: 100 });
    expect(grab).not.toHaveBeenCalled();
    expect(decode).not.toHaveBeenCalled();
    expect(frame.close).not.toHaveBeenCalled(); // The decoder owns it.
    expect(loop.stats).toMatchObject({ seen: 2, decoded: 1, skipped: 1 });
    loop.stop();
  });

  it('grabs pixels on the page for a decoder without frames, or a browser without', async () => {
    for (const [decodeFrame, grabFrame] of [
      [undefined, vi.fn(async () => fakeFrame())],
      [vi.fn(async () => []), null],
    ] as const) {
      const { video, present } = fakeVideo();
      const grab = vi.fn(() => image);
      const decode = vi.fn(async () => ['H1.C']);
      const loop = startFrameLoop({
        video,
        decoder: { decode, ...(decodeFrame && { decodeFrame }) },
        onCodes() {},
        grab,
        grabFrame,
      });
      present(1);
      await settle();
      expect(grab.mock.calls[0]).toEqual([video, full]);
      expect(decode).toHaveBeenCalledWith(image);
      if (grabFrame) expect(grabFrame).not.toHaveBeenCalled();
      if (decodeFrame) expect(decodeFrame).not.toHaveBeenCalled();
      loop.stop();
    }
  });

  it('goes on with the canvas once the browser cannot take a frame of the video', async () => {
    const { video, present } = fakeVideo();
    const grabFrame = vi.fn(async () => Promise.reject(new TypeError('not a video source')));
    const decode = vi.fn(async () => ['H1.D']);
    const onError = vi.fn();
    const loop = startFrameLoop({
      video,
      decoder: { decode, decodeFrame: vi.fn() },
      onCodes() {},
      onError,
      grab: () => image,
      grabFrame,
    });
    present(1);
    await settle();
    present(2);
    await settle();
    expect(grabFrame).toHaveBeenCalledTimes(1);
    expect(decode).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
    loop.stop();
  });

  it('closes a frame taken after stop()', async () => {
    const { video, present } = fakeVideo();
    const frame = fakeFrame();
    let taken!: (f: VideoFrame) => void;
    const decodeFrame = vi.fn(async () => ['late']);
    const loop = startFrameLoop({
      video,
      decoder: { decode: async () => [], decodeFrame },
      onCodes() {},
      grabFrame: () => new Promise<VideoFrame>((r) => (taken = r)),
    });
    present(1);
    loop.stop();
    taken(frame);
    await settle();
    expect(decodeFrame).not.toHaveBeenCalled();
    expect(frame.close).toHaveBeenCalled();
  });
});
