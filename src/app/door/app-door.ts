// The app's one door engine over the tablet's database, wired to the app's sync: each scan asks
// for a sync, a poke on the tablet's live stream asks for one, other doors' scans carried in the
// stream are stored (or, when they do not follow on from the tablet's cursor, ask for one), and
// each finished sync round refreshes what the engine holds (clock offset, sessions, and — when
// other doors' events arrived — the attendance).
import { getPullCursor, hadirDb } from '../db';
import { whenIdle } from '../lib/when-idle';
import { listenForPokes } from '../sync/door-live';
import { doorSync, syncAfterScan } from '../sync/door-sync';
import { applyStreamedScans } from '../sync/stream-scans';
import type { DoorEngine } from './door-engine';
import { createDoorEngine } from './door-engine';

let engine: DoorEngine | undefined;

/** The door engine (created on first use). */
export function doorEngine(): DoorEngine {
  // The sync a scan asks for starts once the verdict has painted, not in the same frame.
  engine ??= createDoorEngine({ db: hadirDb(), afterScan: () => void whenIdle(syncAfterScan) });
  return engine;
}

/** Starts the door: the engine's state and clock, sync, and refreshes after sync rounds. */
export function startDoor(): () => void {
  const door = doorEngine();
  const sync = doorSync();
  const stopEngine = door.start();
  let seen = sync.state().last;
  const unsubscribe = sync.subscribe((state) => {
    const report = state.last;
    if (state.running || !report || report === seen) return;
    seen = report;
    void door.reload({ attendance: report.pulled > 0 }).catch((err: unknown) => {
      console.error(err);
    });
  });
  // Sync starts once the browser is idle (within 250 ms): its first round would otherwise take the
  // main thread and storage while a restarted door is still bringing its camera up.
  let stopSync = () => {};
  const cancelSync = whenIdle(() => (stopSync = sync.start()));
  const stopLive = listenForPokes({
    token: () => door.device.peek()?.token ?? null,
    onPoke: () => void sync.request(),
    cursor: () => getPullCursor(hadirDb()),
    onScans: (scans) => {
      void applyStreamedScans(hadirDb(), scans)
        .then((outcome) => {
          if (outcome === 'gap') return void sync.request();
          if (outcome !== 'held' && outcome.stored > 0) return door.reload({ attendance: true });
        })
        .catch((err: unknown) => {
          console.error(err);
          void sync.request();
        });
    },
    onConnected: (connected) => sync.setLive(connected),
  });
  return () => {
    stopLive();
    unsubscribe();
    cancelSync();
    stopSync();
    stopEngine();
  };
}
