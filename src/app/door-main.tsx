// The door's own entry (door.html, answered for /scan and everything under it): small on purpose.
// It starts opening the camera, the decoder and storage first (door-boot.ts) — the decoder then
// reads the camera itself, off this thread — then evaluates the door's code (door-app.tsx). The build lists door-app's files in door.html for preloading
// (vite.config.ts), so they are fetched with the page while the camera opens, rather than after
// this module has run (e2e/bench/first-second.ts, docs/door-cold-start.md).
import { doorStarted } from './door-boot';
import './styles.css';

void doorStarted.then(() => import('./door-app'));
