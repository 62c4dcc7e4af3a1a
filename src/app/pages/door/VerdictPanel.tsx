// The verdict, big: its own colour, icon and words (never colour alone), the person, and the
// explicit follow-ups — re-entry after "already in", a supervisor's override after a refusal.
// A live region announces each new verdict to screen readers.
import { useState } from 'preact/hooks';
import type { VerdictIcon } from '../../../shared/door/look';
import { pickText, useLang } from '../../i18n/i18n';
import type { ScanOutcome } from '../../door/scan-pipeline';
import { canOverride } from '../../door/scan-pipeline';

const ICON_PATHS: Record<VerdictIcon, string> = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  'user-plus': 'M9 11a4 4 0 100-8 4 4 0 000 8zM2 21c0-4 3-6.5 7-6.5s7 2.5 7 6.5M19 8v6M16 11h6',
  repeat: 'M17 2l4 4-4 4M3 11V9a3 3 0 013-3h15M7 22l-4-4 4-4M21 13v2a3 3 0 01-3 3H3',
  'map-pin':
    'M12 22s7-6.2 7-12a7 7 0 10-14 0c0 5.8 7 12 7 12zM12 12.5a2.5 2.5 0 100-5 2.5 2.5 0 000 5z',
  clock: 'M12 22a10 10 0 100-20 10 10 0 000 20zM12 6v6l4 2',
  ban: 'M12 22a10 10 0 100-20 10 10 0 000 20zM4.9 4.9l14.2 14.2',
  question: 'M12 22a10 10 0 100-20 10 10 0 000 20zM9.1 9a3 3 0 015.8 1c0 2-3 3-3 3M12 17h.01',
  'shield-alert': 'M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10zM12 8v4M12 16h.01',
};

/** The verdict's icon as an inline SVG (no network, no icon font). */
export function VerdictGlyph(props: { icon: VerdictIcon; size?: number }) {
  const size = props.size ?? 72;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2.2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      data-icon={props.icon}
    >
      <path d={ICON_PATHS[props.icon]} />
    </svg>
  );
}

export interface VerdictPanelProps {
  outcome: ScanOutcome | null;
  onReEnter: (outcome: ScanOutcome) => void;
  onOverride: (outcome: ScanOutcome, supervisor: string) => void;
  onDismiss: () => void;
}

/** The current verdict, or what to do when there is none. */
export function VerdictPanel(props: VerdictPanelProps) {
  const lang = useLang();
  const tx = (m: { id: string; en: string }) => pickText(m, lang);
  const { outcome } = props;
  const p = outcome?.presentation;
  const announcement = p ? [tx(p.title), p.person, tx(p.detail)].filter(Boolean).join('. ') : '';
  return (
    <section class="verdict-area" aria-label={tx({ id: 'Hasil pindai', en: 'Scan result' })}>
      {/* Announced politely but promptly; the visible panel below carries the same words. */}
      <div
        class="visually-hidden"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="verdict-announcer"
      >
        {announcement}
      </div>
      {!outcome || !p ? (
        <div class="verdict verdict-idle" data-testid="verdict-idle">
          <p class="verdict-title">{tx({ id: 'Siap memindai', en: 'Ready to scan' })}</p>
          <p>
            {tx({
              id: 'Arahkan QR tiket ke kotak di kamera, atau pindai dengan pemindai USB/Bluetooth.',
              en: 'Hold the ticket QR inside the box on the camera, or use a USB/Bluetooth scanner.',
            })}
          </p>
        </div>
      ) : (
        <div
          class={`verdict verdict-${p.tone}`}
          style={{ background: p.colour.background, color: p.colour.text }}
          data-testid="verdict"
          data-kind={p.kind}
          data-event-kind={outcome.event.kind}
          data-event-id={outcome.event.id}
        >
          <div class="verdict-head">
            <VerdictGlyph icon={p.icon} />
            <p class="verdict-title" data-testid="verdict-title">
              {tx(p.title)}
            </p>
          </div>
          {p.person && (
            <p class="verdict-person" data-testid="verdict-person">
              {p.person}
            </p>
          )}
          <p class="verdict-detail">{tx(p.detail)}</p>
          <VerdictActions {...props} outcome={outcome} />
        </div>
      )}
    </section>
  );
}

function VerdictActions(props: VerdictPanelProps & { outcome: ScanOutcome }) {
  const lang = useLang();
  const tx = (m: { id: string; en: string }) => pickText(m, lang);
  const { outcome } = props;
  const [asking, setAsking] = useState(false);
  const [supervisor, setSupervisor] = useState('');
  const reEnter =
    outcome.verdict?.kind === 'already-in' &&
    outcome.event.kind === 'check-in' &&
    outcome.event.participantId !== null;
  const override = canOverride(outcome) && outcome.event.kind === 'check-in';
  return (
    <div class="verdict-actions">
      {reEnter && (
        <button type="button" data-testid="re-entry" onClick={() => props.onReEnter(outcome)}>
          {tx({ id: 'Masuk ulang', en: 'Re-entry' })}
        </button>
      )}
      {override && !asking && (
        <button type="button" data-testid="override" onClick={() => setAsking(true)}>
          {tx({ id: 'Izinkan (supervisor)', en: 'Allow (supervisor)' })}
        </button>
      )}
      {override && asking && (
        <form
          class="override-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (supervisor.trim()) props.onOverride(outcome, supervisor);
          }}
        >
          <label for="supervisor-name">
            {tx({ id: 'Nama supervisor', en: 'Supervisor name' })}
          </label>
          <input
            id="supervisor-name"
            value={supervisor}
            maxLength={60}
            onInput={(e) => setSupervisor(e.currentTarget.value)}
          />
          <button type="submit" disabled={!supervisor.trim()}>
            {tx({ id: 'Izinkan masuk', en: 'Let in' })}
          </button>
        </form>
      )}
      <button type="button" data-testid="verdict-dismiss" onClick={props.onDismiss}>
        {tx({ id: 'Tutup', en: 'Close' })}
      </button>
    </div>
  );
}
