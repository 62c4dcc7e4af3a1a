// Opening and closing the camera, with errors a volunteer can act on: the part of camera.ts the
// door's first moments need, small enough for the app's entry chunk (scanner/door-early.ts opens
// the camera from there, before the door's own code has arrived).

export type CameraProblemCode =
  'denied' | 'not-found' | 'in-use' | 'insecure' | 'unsupported' | 'failed' | 'decoder';

/** A camera failure with its code; `cause` keeps the browser's own error for diagnostics. */
export class CameraError extends Error {
  override readonly name = 'CameraError';
  constructor(
    readonly code: CameraProblemCode,
    options?: { cause?: unknown },
  ) {
    super(`camera: ${code}`, options);
  }
}

/**
 * Maps what getUserMedia threw to a problem code. Names per the Media Capture spec, plus the
 * old Chrome names (PermissionDeniedError, DevicesNotFoundError, TrackStartError).
 */
export function classifyCameraError(err: unknown): CameraProblemCode {
  if (err instanceof CameraError) return err.code;
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError': // A permissions policy forbids the camera in this frame.
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not-found';
    case 'NotReadableError':
    case 'TrackStartError':
      return 'in-use';
    default:
      return 'failed';
  }
}

export type CameraFacing = 'environment' | 'user';

export interface OpenCameraOptions {
  facing: CameraFacing;
  /** A specific camera (from enumerateDevices); falls back to `facing` if it is gone. */
  deviceId?: string;
  /** For tests; default navigator.mediaDevices and window.isSecureContext. */
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'> | undefined;
  secure?: boolean;
}

/** Opens the camera (video only); rejects with a CameraError whose code says what went wrong. */
export async function openCamera(opts: OpenCameraOptions): Promise<MediaStream> {
  const secure = opts.secure ?? globalThis.isSecureContext !== false;
  const media = 'mediaDevices' in opts ? opts.mediaDevices : globalThis.navigator?.mediaDevices;
  // Browsers hide navigator.mediaDevices entirely outside https and localhost.
  if (!secure) throw new CameraError('insecure');
  if (typeof media?.getUserMedia !== 'function') throw new CameraError('unsupported');
  // 720p is enough: small codes are decoded at native resolution up to 1280×720.
  const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
  const byFacing: MediaTrackConstraints = { ...size, facingMode: { ideal: opts.facing } };
  try {
    if (opts.deviceId) {
      try {
        return await media.getUserMedia({
          audio: false,
          video: { ...size, deviceId: { exact: opts.deviceId } },
        });
      } catch (err) {
        if (classifyCameraError(err) !== 'not-found') throw err;
      }
    }
    return await media.getUserMedia({ audio: false, video: byFacing });
  } catch (err) {
    throw new CameraError(classifyCameraError(err), { cause: err });
  }
}

/** Stops every track, which turns the camera (and its light) off. */
export function releaseStream(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((t) => t.stop());
}
