// The door engine: one headless owner of the scanning door's state (ARCHITECTURE.md, "The door
// engine"). It holds what the screen shows — the verdict, the session on now, how many are in,
// what "undo" would cancel — as signals, and the actions that change it. Components render its
// signals and call its actions; they hold no door logic. The attendance count is kept in memory
// by the incremental fold (no refold per scan), and the session on now is re-evaluated by a timer
// at each session boundary, so an idle tablet never judges against a session that has ended.
import type { ReadonlySignal } from '@preact/signals';
import { batch, computed, signal } from '@preact/signals';
import type { AttendanceState } from '../../shared/door/attendance';
import { applyEvent, createAttendanceState } from '../../shared/door/attendance';
import { isSessionCurrent, pickSession } from '../../shared/door/session-time';
import type {
  DeviceRow,
  DoorHealth,
  DoorStatus,
  HadirDb,
  RecentScan,
  RosterEntry,
  ScanEvent,
  SessionRef,
  WalkIn,
  WaveRef,
} from '../db';
import { isUndoable, RECENT_SCANS, readDoorSnapshot } from '../db';
import type { ScanContext, ScanFlow, ScanOutcome, ScanSource } from './scan-pipeline';
import { createScanFlow } from './scan-pipeline';
import type { DoorSetup } from './setup-state';
import { createDoorSetup } from './setup-state';
import type { VerdictDisplay } from './verdict-display';
import { createVerdictDisplay } from './verdict-display';

type Bi = { id: string; en: string };

/** How long a verdict stays: a green one briefly, anything the volunteer must act on longer. */
const SHOW_MS = { success: 4000, warning: 12000, error: 12000 } as const;
/** The longest the session clock sleeps between checks, ms. */
const MAX_TICK_MS = 30_000;
const SESSION_KEY = 'hadir.door.session';

export interface DoorEngineOptions {
  db: HadirDb;
  /** The device clock; tests pass their own. */
  now?: () => number;
  /** Where the chosen session and the pairing marker are remembered; default localStorage. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Called after each recorded scan (the app asks for a sync). */
  afterScan?: () => void;
}

export interface DoorEngine extends DoorSetup {
  /** False until the pairing, sessions and attendance are read from the tablet. */
  readonly ready: ReadonlySignal<boolean>;
  /** The pairing (door, volunteer, token), or null when the tablet is not paired. */
  readonly device: ReadonlySignal<DeviceRow | null>;
  readonly sessions: ReadonlySignal<readonly SessionRef[]>;
  readonly waves: ReadonlySignal<readonly WaveRef[]>;
  /** The session scans are checked into: the volunteer's choice, else the one on now. */
  readonly session: ReadonlySignal<SessionRef | undefined>;
  /** The volunteer's explicit choice, or null when the clock decides. */
  readonly chosenSessionId: ReadonlySignal<string | null>;
  /** The server's time now as this tablet estimates it (device clock + offset), ms. */
  readonly serverNow: ReadonlySignal<number>;
  /** Whether the session is on now (with the usual grace); changes only when that flips. */
  readonly sessionOnNow: ReadonlySignal<boolean>;
  /** People in at the current session, across every door this tablet has heard from. */
  readonly sessionCount: ReadonlySignal<number>;
  /** What "undo" would cancel now, or null. */
  readonly lastCheckIn: ReadonlySignal<ScanEvent | null>;
  readonly outcome: VerdictDisplay<ScanOutcome>['current'];
  /** A scan that could not be saved, in words; cleared by the next verdict. */
  readonly problem: ReadonlySignal<Bi | null>;
  /** Unsynced scans, roster size and sync bookkeeping, for the health line; null until read. */
  readonly health: ReadonlySignal<DoorHealth | null>;
  /** This tablet's latest scans with names, newest first. */
  readonly recent: ReadonlySignal<readonly RecentScan[]>;

  scan(text: string, source: ScanSource, frameAt?: number): Promise<ScanOutcome | null>;
  checkInByHand(participant: RosterEntry): Promise<ScanOutcome | null>;
  reEnter(outcome: ScanOutcome): Promise<ScanOutcome | null>;
  override(outcome: ScanOutcome, supervisor: string): Promise<ScanOutcome | null>;
  walkIn(walkIn: WalkIn): Promise<ScanOutcome | null>;
  undoLast(): Promise<void>;
  chooseSession(sessionId: string | null): void;
  dismiss(): void;
  /** Re-reads pairing, keys, clock offset, sessions and attendance (after a sync or refresh). */
  reload(options?: { attendance?: boolean }): Promise<void>;
  /**
   * Starts reading the state now, ahead of start() (which then waits for this read rather than
   * starting another): the door reads it while its page is still rendering.
   */
  preload(): void;
  /** Loads the state and starts the session clock (once); returns the stop function. */
  start(): () => void;
}

function defaultStorage(): DoorEngineOptions['storage'] {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked: the choice lasts for this page only
  }
}

/** The door engine over one database. */
export function createDoorEngine(options: DoorEngineOptions): DoorEngine {
  const { db } = options;
  const now = options.now ?? Date.now;
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const display = createVerdictDisplay<ScanOutcome>();
  const ready = signal(false);
  const context = signal<ScanContext | null>(null);
  const sessions = signal<readonly SessionRef[]>([]);
  const waves = signal<readonly WaveRef[]>([]);
  const clock = signal(now());
  const chosenSessionId = signal<string | null>(readChoice(storage));
  const problem = signal<Bi | null>(null);
  const lastCheckIn = signal<ScanEvent | null>(null);
  const health = signal<DoorHealth | null>(null);
  const recent = signal<readonly RecentScan[]>([]);
  // The fold mutates in place; `folded` is bumped to tell the signals that read it.
  let attendance: AttendanceState = createAttendanceState();
  const folded = signal(0);

  const serverNow = computed(() => clock.value + (context.value?.serverMinusDeviceMs ?? 0));
  const session = computed(() => {
    const list = sessions.value;
    return list.find((s) => s.id === chosenSessionId.value) ?? pickSession(list, serverNow.value);
  });
  // A boolean of its own, so the screen does not re-render on every tick of the clock.
  const sessionOnNow = computed(() => {
    const current = session.value;
    return current !== undefined && isSessionCurrent(current, serverNow.value);
  });
  const sessionCount = computed(() => {
    void folded.value;
    const id = session.value?.id;
    if (id === undefined) return 0;
    let count = 0;
    for (const bySession of attendance.attendance.values()) if (bySession.has(id)) count += 1;
    return count;
  });

  const device = computed(() => context.value?.device ?? null);
  const standing = signal<DoorStatus | null>(null);
  const setup = createDoorSetup({
    db,
    standing,
    storage,
    loaded: ready,
    device,
    revokedAt: computed(() => health.value?.sync.revokedAt ?? null),
    reload: () => engine.reload({ attendance: false }),
  });

  const flow: ScanFlow = createScanFlow({
    db,
    now,
    context: () => {
      const c = context.peek();
      if (!c) throw new Error('device-not-paired');
      return c;
    },
  });

  // A scan of this tablet's own: counted, listed and waiting in the outbox, without a re-read.
  const remember = (event: ScanEvent, person: string | null) => {
    applyEvent(attendance, event);
    folded.value++;
    // A re-read of the tablet that ran after the write already holds it: count it once.
    if (recent.peek().some((r) => r.event.id === event.id)) return;
    recent.value = [{ event, person }, ...recent.peek()].slice(0, RECENT_SCANS);
    const h = health.peek();
    if (h) {
      health.value = {
        ...h,
        unsynced: h.unsynced + 1,
        oldestUnsyncedAt: h.oldestUnsyncedAt ?? event.deviceTime,
      };
    }
  };

  // Every recorded outcome goes the same way: in memory, on screen, then a sync is asked for.
  const shown = (outcome: ScanOutcome | null): ScanOutcome | null => {
    if (!outcome) return null;
    batch(() => {
      remember(outcome.event, outcome.presentation.person ?? null);
      if (isUndoable(outcome.event)) lastCheckIn.value = outcome.event;
      problem.value = null;
      display.show(outcome, SHOW_MS[outcome.presentation.tone]);
    });
    options.afterScan?.();
    return outcome;
  };
  const failed = (err: unknown): null => {
    console.error(err);
    problem.value = {
      id: 'Pemindaian gagal disimpan. Coba lagi; jika berulang, muat ulang halaman.',
      en: 'The scan could not be saved. Try again; if it keeps happening, reload the page.',
    };
    return null;
  };
  // The session at the moment of the scan, whatever the screen last drew.
  const sessionNow = (): SessionRef | undefined => {
    clock.value = now();
    return session.peek();
  };
  const act = (run: (s: SessionRef) => Promise<ScanOutcome | null>) => {
    const current = sessionNow();
    if (!current) return Promise.resolve(null);
    return run(current).then(shown, failed);
  };

  let tickTimer: ReturnType<typeof setTimeout> | undefined;
  // Wakes at the next session start or end (at most every 30 s), so the screen shows the session
  // on now even when nobody touches the tablet.
  const scheduleTick = () => {
    clearTimeout(tickTimer);
    const t = serverNow.peek();
    let next = t + MAX_TICK_MS;
    for (const s of sessions.peek()) {
      for (const edge of [Date.parse(s.startsAt), Date.parse(s.endsAt)]) {
        if (edge > t && edge < next) next = edge;
      }
    }
    tickTimer = setTimeout(
      () => {
        clock.value = now();
        scheduleTick();
      },
      Math.max(250, next - t + 50),
    );
  };

  let starts = 0;
  let preloaded: Promise<void> | null = null;
  const engine: DoorEngine = {
    ...setup,
    ready,
    device,
    sessions,
    waves,
    session,
    chosenSessionId,
    serverNow,
    sessionOnNow,
    sessionCount,
    lastCheckIn,
    outcome: display.current,
    problem,
    health,
    recent,

    scan: (text, source) => act((s) => flow.scan(text, { session: s, source })),
    checkInByHand: (participant) => act((s) => flow.checkInByHand(participant, s)),
    reEnter: (outcome) => flow.reEnter(outcome).then(shown, failed),
    override: (outcome, who) => flow.override(outcome, who).then(shown, failed),
    walkIn: (walkIn) => act((s) => flow.walkIn(walkIn, s)),
    async undoLast() {
      const target = lastCheckIn.peek();
      if (!target) return;
      display.dismiss();
      try {
        const person = recent.peek().find((r) => r.event.id === target.id)?.person ?? null;
        remember(await flow.undo(target.id), person);
        await engine.reload({ attendance: false });
        options.afterScan?.();
      } catch (err) {
        failed(err);
      }
    },
    chooseSession(id) {
      chosenSessionId.value = id;
      try {
        if (id === null) storage?.removeItem(SESSION_KEY);
        else storage?.setItem(SESSION_KEY, id);
      } catch {
        // remembered for this page only
      }
    },
    dismiss: display.dismiss,

    async reload(opts = {}) {
      const snap = await readDoorSnapshot(db, { events: opts.attendance !== false });
      batch(() => {
        context.value = snap.device
          ? { device: snap.device, keys: snap.keys, serverMinusDeviceMs: snap.serverMinusDeviceMs }
          : null;
        if (!sameRows(sessions.peek(), snap.sessions)) sessions.value = snap.sessions;
        if (!sameRows(waves.peek(), snap.waves)) waves.value = snap.waves;
        if (snap.events) {
          attendance = createAttendanceState(snap.events);
          folded.value++;
        }
        lastCheckIn.value = snap.lastCheckIn;
        if (!sameRows([health.peek()], [snap.health])) health.value = snap.health;
        if (!sameRows(recent.peek(), snap.recent)) recent.value = snap.recent;
        if (!sameRows([standing.peek()], [snap.standing])) standing.value = snap.standing;
        clock.value = now();
        ready.value = true;
      });
      scheduleTick();
    },
    preload() {
      if (starts > 0 || preloaded) return;
      preloaded = engine.reload();
      preloaded.catch(() => {}); // Reported by start(), which takes this read.
    },
    start() {
      // The page and the scanning screen both start it; the last stop stops it.
      if (starts++ === 0) {
        const first = preloaded ?? engine.reload();
        preloaded = null;
        void first.catch(failed);
      }
      return () => {
        if (--starts > 0) return;
        clearTimeout(tickTimer);
        setup.stop();
        display.dispose();
      };
    },
  };
  return engine;
}

/** Same rows: a reload that changed nothing must not re-render the door. */
function sameRows(a: readonly unknown[], b: readonly unknown[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function readChoice(storage: DoorEngineOptions['storage']): string | null {
  try {
    return storage?.getItem(SESSION_KEY) ?? null;
  } catch {
    return null;
  }
}
