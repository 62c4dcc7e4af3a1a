// The door while scanning: camera and USB scanner in, the verdict out (already on disk when it
// shows), plus search, walk-in, undo, the session and the health line. The door engine
// (src/app/door) owns the state and the logic; this file renders its signals and calls its actions.
import { useEffect, useState } from 'preact/hooks';
import { clockText } from '../../../shared/door/wib-format';
import type { DeviceRow } from '../../db';
import { doorEngine, startDoor } from '../../door/app-door';
import { pickText, useLang } from '../../i18n/i18n';
import { lazyComponent } from '../../lib/lazy';
import { useIdleValue } from '../../lib/use-idle-value';
import { doorSync } from '../../sync/door-sync';
import { registerUpdateGuard } from '../../update/update-state';
import { giveFeedback, unlockAudio } from './feedback';
import { HealthLine } from './HealthLine';
import { RecentScans } from './RecentScans';
import type { ScanOutcome } from '../../door/scan-pipeline';
import { VerdictPanel } from './VerdictPanel';
import { listenForWedge } from './wedge';

// Opened now and then, not on every scan: their code loads apart (and is preloaded when idle).
const panels = () => import('./ManualPanels');
const SearchPanel = lazyComponent(() => panels().then((m) => m.SearchPanel));
const WalkInPanel = lazyComponent(() => panels().then((m) => m.WalkInPanel));
const DoorMenu = lazyComponent(() => import('./DoorMenu').then((m) => m.DoorMenu));
// The camera loads beside the decoder it drives; a USB scanner works before either arrives.
const CameraView = lazyComponent(() => import('./CameraView').then((m) => m.CameraView));

/** Fetches the camera view's code now, so the scanning screen mounts it without waiting. */
export function preloadCameraView(): void {
  void CameraView.preload().catch(() => undefined); // A failure shows when it mounts.
}

type PanelName = 'none' | 'search' | 'walk-in' | 'menu';

/** When a camera code went through the door: its frame, the decoded code, the saved verdict. */
interface ScanTimes {
  frameAt: number;
  codeAt: number;
}

/**
 * Records scan-to-verdict measures once the verdict has been painted (for the benchmark): the
 * whole, and its parts — frame to decoded code, code to verdict saved, saved to painted.
 */
function measureAfterPaint(times: ScanTimes): void {
  const savedAt = performance.now();
  requestAnimationFrame(() =>
    setTimeout(() => {
      const end = performance.now();
      try {
        performance.measure('hadir:scan-to-verdict', { start: times.frameAt, end });
        performance.measure('hadir:frame-to-code', { start: times.frameAt, end: times.codeAt });
        performance.measure('hadir:code-to-saved', { start: times.codeAt, end: savedAt });
        performance.measure('hadir:saved-to-painted', { start: savedAt, end });
      } catch {
        // An old browser without measure options: nothing to report.
      }
    }, 0),
  );
}

// `/scan?bench` counts renders for `npm run bench`: of the whole screen, and of its live parts
// (the verdict, count, lists and health line each re-render alone when their signal changes).
const COUNT_RENDERS =
  typeof location !== 'undefined' && new URLSearchParams(location.search).has('bench');

function countRender(what: 'hadirDoorRenders' | 'hadirDoorPartRenders'): void {
  if (!COUNT_RENDERS) return;
  const g = globalThis as unknown as Record<string, number | undefined>;
  g[what] = (g[what] ?? 0) + 1;
}

/** Sound and vibration for a verdict the engine recorded; the measure for the benchmark. */
function feedback(outcome: ScanOutcome | null, times?: ScanTimes): void {
  if (!outcome) return;
  giveFeedback(outcome.presentation);
  if (times) measureAfterPaint(times);
}

/** The scanning screen. */
export function DoorScreen(props: { device: DeviceRow }) {
  const lang = useLang();
  const tx = (m: { id: string; en: string }) => pickText(m, lang);
  const door = doorEngine();
  const { device } = props;
  countRender('hadirDoorRenders');
  const [panel, setPanel] = useState<PanelName>('none');
  const session = door.session.value;
  const sessions = door.sessions.value;

  const waveName = (id: string) => door.waves.value.find((w) => w.id === id)?.name ?? id;

  useEffect(() => startDoor(), []);
  useEffect(
    () =>
      listenForWedge({
        onText: (text) => void door.scan(text, 'keyboard').then((o) => feedback(o)),
      }),
    [],
  );
  useEffect(() => {
    const id = setTimeout(() => {
      void SearchPanel.preload().catch(() => undefined);
      void DoorMenu.preload().catch(() => undefined);
    }, 2000);
    return () => clearTimeout(id);
  }, []);
  useEffect(() => {
    // Browsers allow sound only after a gesture; the first tap or key unlocks it.
    // Deferred: creating an AudioContext can take a few hundred ms, and a USB scanner's first
    // keys must not wait behind it.
    const unlock = () => void setTimeout(unlockAudio, 0);
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, []);
  useEffect(
    () =>
      registerUpdateGuard(() =>
        door.outcome.peek()
          ? { id: 'Hasil pindai sedang tampil', en: 'A verdict is on screen' }
          : doorSync().state().running
            ? { id: 'Sinkronisasi sedang berjalan', en: 'A sync is running' }
            : null,
      ),
    [],
  );

  if (!door.ready.value || !session) {
    return (
      <main class="page door-step">
        {door.ready.value && (
          <p class="notice problem" role="alert">
            {tx({
              id: 'Gelombang tablet ini belum punya sesi. Minta panitia menambahkan sesi; tablet ini menerimanya sendiri saat tersambung.',
              en: "This tablet's waves have no sessions yet. Ask the organizer to add one; this tablet receives it by itself when connected.",
            })}
          </p>
        )}
      </main>
    );
  }

  const show = (pending: Promise<ScanOutcome | null>) => void pending.then((o) => feedback(o));

  return (
    <div class="door">
      <header class="door-bar">
        <div class="door-where">
          <h1 class="door-title" data-testid="door-label">
            {device.door}
          </h1>
          <span>
            {device.eventName} · {tx({ id: 'Relawan', en: 'Volunteer' })}: {device.volunteer}
          </span>
        </div>
        <label class="door-session">
          <span>{tx({ id: 'Sesi', en: 'Session' })}</span>
          <select
            data-testid="session-select"
            value={session.id}
            onChange={(e) => door.chooseSession(e.currentTarget.value)}
          >
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {waveName(s.waveId)} · {s.name} · {tx(clockText(Date.parse(s.startsAt)))}
              </option>
            ))}
          </select>
        </label>
        <SessionCount />
        <button type="button" class="door-menu-button" onClick={() => setPanel('menu')}>
          {tx({ id: 'Menu', en: 'Menu' })}
        </button>
      </header>
      {!door.sessionOnNow.value && (
        <p class="notice problem door-session-warning" role="alert" data-testid="session-not-now">
          {tx({
            id: 'Sesi yang dipilih tidak sedang berlangsung: tiket akan dijawab "Bukan sesi ini". Periksa pilihan sesi dan jam tablet.',
            en: 'The chosen session is not on now: tickets will get "Not this session". Check the session and the tablet clock.',
          })}
        </p>
      )}
      <div class="door-main">
        <section class="door-camera" aria-label={tx({ id: 'Kamera', en: 'Camera' })}>
          <CameraView
            onCode={(text, { frameAt }) => {
              const codeAt = performance.now();
              return door.scan(text, 'camera').then((o) => feedback(o, { frameAt, codeAt }));
            }}
          />
        </section>
        <section class="door-side">
          <LiveVerdict show={show} />
          <div class="door-actions">
            <button type="button" data-testid="open-search" onClick={() => setPanel('search')}>
              {tx({ id: 'Cari peserta', en: 'Find participant' })}
            </button>
            <button type="button" data-testid="open-walk-in" onClick={() => setPanel('walk-in')}>
              {tx({ id: 'Tanpa tiket', en: 'Walk-in' })}
            </button>
            <UndoLast />
          </div>
          <LiveRecentScans />
        </section>
      </div>
      <LiveHealthLine />
      {panel === 'search' && (
        <SearchPanel
          onCheckIn={(entry) => {
            setPanel('none');
            show(door.checkInByHand(entry));
          }}
          onClose={() => setPanel('none')}
          waveName={waveName}
        />
      )}
      {panel === 'walk-in' && (
        <WalkInPanel
          onClose={() => setPanel('none')}
          onRegister={(w) => {
            setPanel('none');
            show(door.walkIn(w));
          }}
        />
      )}
      {panel === 'menu' && <DoorMenu device={device} onClose={() => setPanel('none')} />}
    </div>
  );
}

// The count, the undo button, the recent scans and the health line follow a verdict when the
// browser is idle (use-idle-value.ts): the verdict paints first, they come right after.

/** Who is in this session: re-renders alone when the count changes. */
function SessionCount() {
  countRender('hadirDoorPartRenders');
  const lang = useLang();
  const count = useIdleValue(doorEngine().sessionCount);
  return (
    <p class="door-count" data-testid="session-count" data-count={count}>
      {pickText({ id: 'Hadir', en: 'In' }, lang)}: <strong>{count}</strong>
    </p>
  );
}

/** The verdict on screen and the door's last problem, from the engine's signals. */
function LiveVerdict(props: { show: (pending: Promise<ScanOutcome | null>) => void }) {
  countRender('hadirDoorPartRenders');
  const lang = useLang();
  const door = doorEngine();
  const problem = door.problem.value;
  return (
    <>
      <VerdictPanel
        outcome={door.outcome.value}
        onDismiss={door.dismiss}
        onReEnter={(o) => props.show(door.reEnter(o))}
        onOverride={(o, who) => props.show(door.override(o, who))}
      />
      {problem && (
        <p class="notice problem" role="alert" data-testid="door-problem">
          {pickText(problem, lang)}
        </p>
      )}
    </>
  );
}

/** Undo of this tablet's last check-in, asked twice. */
function UndoLast() {
  countRender('hadirDoorPartRenders');
  const lang = useLang();
  const tx = (m: { id: string; en: string }) => pickText(m, lang);
  const door = doorEngine();
  const lastCheckIn = useIdleValue(door.lastCheckIn);
  const [confirmUndo, setConfirmUndo] = useState(false);
  if (!lastCheckIn) return null;
  if (!confirmUndo) {
    return (
      <button type="button" data-testid="undo" onClick={() => setConfirmUndo(true)}>
        {tx({ id: 'Batalkan check-in terakhir', en: 'Undo last check-in' })}
      </button>
    );
  }
  const at = tx(clockText(lastCheckIn.deviceTime));
  return (
    <button
      type="button"
      class="danger"
      data-testid="undo-confirm"
      onClick={() => {
        setConfirmUndo(false);
        void door.undoLast();
      }}
    >
      {tx({ id: `Ya, batalkan (${at})`, en: `Yes, undo (${at})` })}
    </button>
  );
}

function LiveRecentScans() {
  countRender('hadirDoorPartRenders');
  return <RecentScans scans={useIdleValue(doorEngine().recent)} />;
}

function LiveHealthLine() {
  countRender('hadirDoorPartRenders');
  const door = doorEngine();
  return <HealthLine status={useIdleValue(door.standing)} health={useIdleValue(door.health)} />;
}
