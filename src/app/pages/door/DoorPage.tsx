// /scan: the door. Which screen shows is the door engine's `stage`: not paired → pairing,
// paired without a whole roster → download, no volunteer → their name, else scanning.
import { useEffect } from 'preact/hooks';
import { doorEngine } from '../../door/app-door';
import { useLocation } from '../../router';
import { DoorErrorBoundary } from './DoorErrorBoundary';
import { DoorScreen, preloadCameraView } from './DoorScreen';
import { lazyComponent } from '../../lib/lazy';
import { markOnce } from '../../lib/marks';
import { isScanningDoor } from '../../scanner/door-early';

// Steps a tablet passes once (pairing, download, shift start) load apart from the scanning screen.
const setup = () => import('./DoorSetup');
const PairStep = lazyComponent(() => setup().then((m) => m.PairStep));
const RosterStep = lazyComponent(() => setup().then((m) => m.RosterStep));
const VolunteerStep = lazyComponent(() => setup().then((m) => m.VolunteerStep));
const EvictedStep = lazyComponent(() => setup().then((m) => m.EvictedStep));
const RevokedStep = lazyComponent(() => import('./RevokedStep').then((m) => m.RevokedStep));
import './door.css';

// A restarted tablet should be scanning within a second: the door starts reading its storage
// before its first render, and meanwhile the camera view's code arrives (the camera and the
// decoder were started by the app's entry: scanner/door-early.ts).
doorEngine().preload();
if (isScanningDoor(location.pathname)) preloadCameraView();

/** The door route, inside an error boundary. */
export default function DoorPage() {
  return (
    <DoorErrorBoundary>
      <DoorRoute />
    </DoorErrorBoundary>
  );
}

/** Which of the door's screens shows now. */
function DoorRoute() {
  const { path } = useLocation();
  const door = doorEngine();
  useEffect(() => door.start(), []);
  const stage = door.stage.value;
  if (stage !== 'loading') markOnce('door-stage');
  const device = door.device.value;
  if (stage === 'loading') return <div class="loading" aria-busy="true" />;
  if (path.replace(/\/+$/, '') === '/scan/pair') return <PairStep paired={device} />;
  if (!device) return stage === 'evicted' ? <EvictedStep /> : <PairStep paired={null} />;
  switch (stage) {
    case 'revoked':
      return <RevokedStep device={device} />;
    case 'roster':
      return <RosterStep device={device} />;
    case 'volunteer':
      return <VolunteerStep device={device} />;
    default:
      return <DoorScreen device={device} />;
  }
}
