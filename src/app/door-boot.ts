// The door entry's first module (door-main.tsx imports it before anything else, so it runs before
// the door's own modules are evaluated): marks the start and begins opening the camera, the
// decoder and storage while the rest of the door's code runs.
import { markOnce } from './lib/marks';
import { startDoorEarly } from './scanner/door-early';

markOnce('main');
startDoorEarly(location.pathname);
