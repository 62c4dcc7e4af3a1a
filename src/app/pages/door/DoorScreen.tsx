// The door while scanning: camera and USB scanner in, the verdict out (already on disk when it
// shows), plus search, walk-in, undo, the session and the health line. Logic lives in
// scan-flow.ts; this file wires inputs to it and shows what it returns.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SessionRef } from '../../../shared/door/types';
import { isSessionCurrent, pickSession } from '../../../shared/door/session-time';
import { clockText } from '../../../shared/door/wib-format';
import type { DeviceRow, DoorStatus, RosterEntry } from '../../db';
import { getWaves, hadirDb, useLastCheckIn, useLive, useSessions } from '../../db';
import { SessionCount } from './SessionCount';
import { pickText, useLang } from '../../i18n/i18n';
import { lazyComponent } from '../../lib/lazy';
import { doorSync, syncAfterScan } from '../../sync/door-sync';
import { registerUpdateGuard } from '../../update/update-state';
import { giveFeedback, unlockAudio } from './feedback';
import { HealthLine } from './HealthLine';
import { RecentScans } from './RecentScans';
import type { ScanOutcome, ScanSource } from './scan-flow';
import { createScanFlow } from './scan-flow';
import { VerdictPanel } from './VerdictPanel';
import { listenForWedge } from './wedge';

// Opened now and then, not on every scan: their code loads apart (and is preloaded when idle).
const panels = () => import('./ManualPanels');
const SearchPanel = lazyComponent(() => panels().then((m) => m.SearchPanel));
const WalkInPanel = lazyComponent(() => panels().then((m) => m.WalkInPanel));
const DoorMenu = lazyComponent(() => import('./DoorMenu').then((m) => m.DoorMenu));
// The camera loads beside the decoder it drives; a USB scanner works before either arrives.
const CameraView = lazyComponent(() => import('./CameraView').then((m) => m.CameraView));

type Bi = { id: string; en: string };
type PanelName = 'none' | 'search' | 'walk-in' | 'menu';

const SESSION_KEY = 'hadir.door.session';
/** How long a verdict stays: a green one briefly, anything the volunteer must act on longer. */
const SHOW_MS = { success: 4000, warning: 12000, error: 12000 } as const;

function savedSessionId(): string | null {
  try {
    return localStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
}

/** Records a scan-to-verdict measure once the verdict has been painted (for the benchmark). */
function measureAfterPaint(frameAt: number): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      try {
        performance.measure('hadir:scan-to-verdict', { start: frameAt, end: performance.now() });
      } catch {
        // An old browser without measure options: nothing to report.
      }
    }, 0),
  );
}

/** The scanning screen. */
export function DoorScreen(props: { status: DoorStatus; device: DeviceRow }) {
  const lang = useLang();
  const tx = (m: Bi) => pickText(m, lang);
  const db = hadirDb();
  const { device, status } = props;
  const flow = useMemo(() => createScanFlow({ db }), [db]);
  const sessions = useSessions();
  const waves = useLive(() => getWaves(db), [db]);
  const lastCheckIn = useLastCheckIn();
  const [chosen, setChosen] = useState<string | null>(savedSessionId);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [panel, setPanel] = useState<PanelName>('none');
  const [error, setError] = useState<Bi | null>(null);
  const [confirmUndo, setConfirmUndo] = useState(false);
  const now = Date.now() + (status.serverMinusDeviceMs ?? 0);
  const session: SessionRef | undefined =
    sessions?.find((s) => s.id === chosen) ?? (sessions ? pickSession(sessions, now) : undefined);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const outcomeRef = useRef(outcome);
  outcomeRef.current = outcome;

  const waveName = (id: string) => waves?.find((w) => w.id === id)?.name ?? id;

  const show = (next: ScanOutcome | null, frameAt?: number) => {
    if (!next) return;
    setError(null);
    setOutcome(next);
    giveFeedback(next.presentation);
    if (frameAt !== undefined) measureAfterPaint(frameAt);
    syncAfterScan();
  };
  const fail = (err: unknown) => {
    console.error(err);
    setError({
      id: 'Pemindaian gagal disimpan. Coba lagi; jika berulang, muat ulang halaman.',
      en: 'The scan could not be saved. Try again; if it keeps happening, reload the page.',
    });
  };
  const handleText = (text: string, source: ScanSource, frameAt?: number) => {
    const current = sessionRef.current;
    if (!current) return;
    flow.scan(text, { session: current, source }).then((o) => show(o, frameAt), fail);
  };

  useEffect(() => listenForWedge({ onText: (text) => handleText(text, 'keyboard') }), []);
  useEffect(() => doorSync().start(), []);
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
        outcomeRef.current
          ? { id: 'Hasil pindai sedang tampil', en: 'A verdict is on screen' }
          : doorSync().state().running
            ? { id: 'Sinkronisasi sedang berjalan', en: 'A sync is running' }
            : null,
      ),
    [],
  );
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), SHOW_MS[outcome.presentation.tone]);
    return () => clearTimeout(timer);
  }, [outcome]);

  if (!sessions || !session) {
    return (
      <main class="page door-step">
        {sessions && (
          <p class="notice problem" role="alert">
            {tx({
              id: 'Gelombang tablet ini belum punya sesi. Minta panitia menambahkan sesi, lalu perbarui daftar.',
              en: "This tablet's waves have no sessions yet. Ask the organizer to add one, then update the roster.",
            })}
          </p>
        )}
      </main>
    );
  }

  const current = isSessionCurrent(session, now);
  const checkIn = (entry: RosterEntry) => {
    setPanel('none');
    flow.checkInByHand(entry, session).then(show, fail);
  };

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
            onChange={(e) => {
              const id = e.currentTarget.value;
              setChosen(id);
              try {
                localStorage.setItem(SESSION_KEY, id);
              } catch {
                // remembered for this page only
              }
            }}
          >
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {waveName(s.waveId)} · {s.name} · {tx(clockText(Date.parse(s.startsAt)))}
              </option>
            ))}
          </select>
        </label>
        <SessionCount sessionId={session.id} />
        <button type="button" class="door-menu-button" onClick={() => setPanel('menu')}>
          {tx({ id: 'Menu', en: 'Menu' })}
        </button>
      </header>
      {!current && (
        <p class="notice problem door-session-warning" role="alert" data-testid="session-not-now">
          {tx({
            id: 'Sesi yang dipilih tidak sedang berlangsung: tiket akan dijawab "Bukan sesi ini". Periksa pilihan sesi dan jam tablet.',
            en: 'The chosen session is not on now: tickets will get "Not this session". Check the session and the tablet clock.',
          })}
        </p>
      )}
      <div class="door-main">
        <section class="door-camera" aria-label={tx({ id: 'Kamera', en: 'Camera' })}>
          <CameraView onCode={(text, info) => handleText(text, 'camera', info.frameAt)} />
        </section>
        <section class="door-side">
          <VerdictPanel
            outcome={outcome}
            onDismiss={() => setOutcome(null)}
            onReEnter={(o) => flow.reEnter(o).then(show, fail)}
            onOverride={(o, who) => flow.override(o, who).then(show, fail)}
          />
          {error && (
            <p class="notice problem" role="alert" data-testid="door-problem">
              {tx(error)}
            </p>
          )}
          <div class="door-actions">
            <button type="button" data-testid="open-search" onClick={() => setPanel('search')}>
              {tx({ id: 'Cari peserta', en: 'Find participant' })}
            </button>
            <button type="button" data-testid="open-walk-in" onClick={() => setPanel('walk-in')}>
              {tx({ id: 'Tanpa tiket', en: 'Walk-in' })}
            </button>
            {lastCheckIn && !confirmUndo && (
              <button type="button" data-testid="undo" onClick={() => setConfirmUndo(true)}>
                {tx({ id: 'Batalkan check-in terakhir', en: 'Undo last check-in' })}
              </button>
            )}
            {lastCheckIn && confirmUndo && (
              <button
                type="button"
                class="danger"
                data-testid="undo-confirm"
                onClick={() => {
                  setConfirmUndo(false);
                  setOutcome(null);
                  flow.undo(lastCheckIn.id).then(syncAfterScan, fail);
                }}
              >
                {tx({
                  id: `Ya, batalkan (${tx(clockText(lastCheckIn.deviceTime))})`,
                  en: `Yes, undo (${tx(clockText(lastCheckIn.deviceTime))})`,
                })}
              </button>
            )}
          </div>
          <RecentScans />
        </section>
      </div>
      <HealthLine status={status} />
      {panel === 'search' && (
        <SearchPanel onCheckIn={checkIn} onClose={() => setPanel('none')} waveName={waveName} />
      )}
      {panel === 'walk-in' && (
        <WalkInPanel
          onClose={() => setPanel('none')}
          onRegister={(w) => {
            setPanel('none');
            flow.walkIn(w, session).then(show, fail);
          }}
        />
      )}
      {panel === 'menu' && <DoorMenu device={device} onClose={() => setPanel('none')} />}
    </div>
  );
}
