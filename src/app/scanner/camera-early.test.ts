import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A fresh module per test: the early stream is module state.
async function load() {
  vi.resetModules();
  return import('./camera-early');
}

function fakeStream() {
  const track = { readyState: 'live', stop: vi.fn(() => (track.readyState = 'ended')) };
  return {
    track,
    stream: { getVideoTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream,
  };
}

function fakeBrowser(permission: PermissionState) {
  const { track, stream } = fakeStream();
  const getUserMedia = vi.fn(() => Promise.resolve(stream));
  vi.stubGlobal('document', { visibilityState: 'visible' });
  vi.stubGlobal('isSecureContext', true);
  vi.stubGlobal('navigator', {
    mediaDevices: { getUserMedia },
    permissions: { query: vi.fn(() => Promise.resolve({ state: permission })) },
  });
  return { track, stream, getUserMedia };
}

describe('camera opened early', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('hands the stream to the first claim for the same camera, once', async () => {
    const b = fakeBrowser('granted');
    const { openCameraEarly, claimEarlyCamera } = await load();
    await openCameraEarly('environment');
    expect(b.getUserMedia).toHaveBeenCalledTimes(1);
    await expect(claimEarlyCamera('environment')).resolves.toBe(b.stream);
    expect(claimEarlyCamera('environment')).toBeNull();
  });

  it('never prompts: nothing opens where the camera is not yet allowed', async () => {
    const b = fakeBrowser('prompt');
    const { openCameraEarly, claimEarlyCamera } = await load();
    await openCameraEarly('environment');
    expect(b.getUserMedia).not.toHaveBeenCalled();
    expect(claimEarlyCamera('environment')).toBeNull();
  });

  it('turns an unclaimed camera off', async () => {
    const b = fakeBrowser('granted');
    const { openCameraEarly, claimEarlyCamera } = await load();
    await openCameraEarly('environment');
    await vi.advanceTimersByTimeAsync(5000);
    expect(b.track.stop).toHaveBeenCalled();
    expect(claimEarlyCamera('environment')).toBeNull();
  });

  it('releases a stream of the other camera and lets the caller open its own', async () => {
    const b = fakeBrowser('granted');
    const { openCameraEarly, claimEarlyCamera } = await load();
    await openCameraEarly('environment');
    expect(claimEarlyCamera('user')).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(b.track.stop).toHaveBeenCalled();
  });
});
