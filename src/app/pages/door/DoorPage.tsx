// /scan: the door. Which screen shows follows from what the tablet holds: not paired → pairing,
// paired without a whole roster → download, no volunteer → their name, else scanning.
import { useDoorStatus, useSyncStatus } from '../../db';
import { useLocation } from '../../router';
import { DoorErrorBoundary } from './DoorErrorBoundary';
import { DoorScreen } from './DoorScreen';
import { lazyComponent } from '../../lib/lazy';
import { PAIRED_MARKER } from '../../door/setup';

// Steps a tablet passes once (pairing, download, shift start) load apart from the scanning screen.
const setup = () => import('./DoorSetup');
const PairStep = lazyComponent(() => setup().then((m) => m.PairStep));
const RosterStep = lazyComponent(() => setup().then((m) => m.RosterStep));
const VolunteerStep = lazyComponent(() => setup().then((m) => m.VolunteerStep));
const EvictedStep = lazyComponent(() => setup().then((m) => m.EvictedStep));
const RevokedStep = lazyComponent(() => import('./RevokedStep').then((m) => m.RevokedStep));
import './door.css';

function pairedBefore(): boolean {
  try {
    return localStorage.getItem(PAIRED_MARKER) !== null;
  } catch {
    return false;
  }
}

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
  const status = useDoorStatus();
  const sync = useSyncStatus();
  if (!status || !sync) return <div class="loading" aria-busy="true" />;
  const { device } = status;
  if (path.replace(/\/+$/, '') === '/scan/pair') {
    return <PairStep paired={device} />;
  }
  if (!device) {
    return pairedBefore() ? <EvictedStep /> : <PairStep paired={null} />;
  }
  if (sync.revokedAt !== null) return <RevokedStep device={device} />;
  if (!status.ready) return <RosterStep status={status} device={device} />;
  if (!device.volunteer) return <VolunteerStep device={device} />;
  return <DoorScreen status={status} device={device} />;
}
