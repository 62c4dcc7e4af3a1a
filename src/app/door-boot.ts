// The door entry's first module (door-main.tsx imports it before anything else): marks the start
// and begins opening the camera, the decoder and storage; `doorStarted` settles once the camera's
// frames reach the decoder's worker (or will not; at most HAND_OVER_MS), when the door's code
// (door-app.tsx) may take the main thread.
import { markOnce } from './lib/marks';
import { startDoorEarly } from './scanner/door-early';

markOnce('main');
export const doorStarted = startDoorEarly(location.pathname);
