import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DeviceInfo, PairingOffer } from '../../../shared/api/door';
import type { WaveInfo } from '../../../shared/api/schemas';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { pickText, useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { qrSvg, svgDataUrl } from '../ticket/qr-svg';
import { adminApi, asFailure, invalidFields } from './admin-api';
import type { FormProblem } from './event-forms';
import type { DeviceFormState } from './devices-forms';
import { buildPairingBody, formatCountdown, remainingMs, toggleWave } from './devices-forms';
import { devicesText } from './devices-text';

/** Asks the server for a pairing code for this door and these waves. */
export function requestPairing(eventId: string, body: DeviceFormState): Promise<PairingOffer> {
  return adminApi<PairingOffer>(`/api/events/${encodeURIComponent(eventId)}/devices/pairings`, {
    body,
  });
}

/** "Tambah perangkat": the device name, its door and the waves it may check in. */
export function DeviceForm(props: {
  eventId: string;
  waves: WaveInfo[];
  initial: DeviceFormState;
  onCreated: (offer: PairingOffer) => void;
  onCancel: () => void;
}) {
  const lang = useLang();
  const t = devicesText[lang];
  const [f, setF] = useState(props.initial);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const bad = invalidFields(error);
  const msg = (field: string) =>
    problem?.field === field ? pickText(problem.message, lang) : bad.has(field);
  const wavesMsg = msg('waveIds');

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const built = buildPairingBody(f);
    setProblem(built.problem);
    if (!built.body) {
      const target =
        built.problem.field === 'waveIds' ? 'device-wave-0' : `device-${built.problem.field}`;
      document.getElementById(target)?.focus();
      return;
    }
    setBusy(true);
    try {
      props.onCreated(await requestPairing(props.eventId, built.body));
    } catch (err) {
      setError(asFailure(err));
      setBusy(false);
    }
  };

  return (
    <form class="admin-form" onSubmit={(e) => void submit(e)} noValidate data-testid="device-form">
      <div class="form-grid">
        <TextField
          id="device-name"
          label={t.name}
          value={f.name}
          onValue={(name) => setF({ ...f, name })}
          required
          maxLength={60}
          hint={t.nameHint}
          invalid={msg('name')}
        />
        <TextField
          id="device-door"
          label={t.door}
          value={f.door}
          onValue={(door) => setF({ ...f, door })}
          required
          maxLength={80}
          hint={t.doorHint}
          invalid={msg('door')}
        />
      </div>
      <fieldset
        class="device-waves"
        aria-invalid={wavesMsg ? 'true' : undefined}
        aria-describedby={wavesMsg ? 'device-waves-error' : undefined}
      >
        <legend>{t.waves}</legend>
        {props.waves.map((w, i) => (
          <label class="check-row" key={w.id}>
            <input
              type="checkbox"
              id={`device-wave-${i}`}
              checked={f.waveIds.includes(w.id)}
              onChange={(e) => setF(toggleWave(f, props.waves, w.id, e.currentTarget.checked))}
            />
            <span>
              {w.name} — {w.venue}
            </span>
          </label>
        ))}
        {wavesMsg ? (
          <small id="device-waves-error" class="field-error">
            {typeof wavesMsg === 'string'
              ? wavesMsg
              : lang === 'en'
                ? 'Check this field.'
                : 'Periksa isian ini.'}
          </small>
        ) : null}
      </fieldset>
      <div class="form-actions">
        <button type="submit" disabled={busy} aria-busy={busy} data-testid="device-make-code">
          {busy ? t.making : t.makeCode}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel} disabled={busy}>
          {t.cancel}
        </button>
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}

/**
 * The pairing QR, the short code in large type and the time left. After expiry the QR fades and
 * "Buat kode baru" asks for a fresh code with the same door and waves.
 */
export function PairingPanel(props: {
  eventId: string;
  offer: PairingOffer;
  /** When the code expires by this browser's clock. */
  deadline: number;
  now: number;
  paired: DeviceInfo | undefined;
  onOffer: (offer: PairingOffer) => void;
  onAnother: () => void;
  onClose: () => void;
}) {
  const lang = useLang();
  const t = devicesText[lang];
  const { offer, paired } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const qr = useMemo(() => svgDataUrl(qrSvg(offer.qrText).svg), [offer.qrText]);
  const left = remainingMs(props.deadline, props.now);
  const expired = left === 0 && !paired;

  // A new code or a paired tablet replaces the buttons; keep keyboard focus in the panel.
  useEffect(() => heading.current?.focus(), [offer.code, paired?.id]);

  const again = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onOffer(
        await requestPairing(props.eventId, {
          name: offer.name,
          door: offer.door,
          waveIds: offer.waveIds,
        }),
      );
    } catch (err) {
      setError(asFailure(err));
    }
    setBusy(false);
  };

  return (
    <section class="card pairing" aria-labelledby="pairing-title" data-testid="pairing-panel">
      <h2 id="pairing-title" ref={heading} tabIndex={-1}>
        {t.pairTitle(offer.name, offer.door)}
      </h2>
      {paired ? (
        <p class="pairing-done" role="status" data-testid="pairing-done">
          {t.paired(paired.name)}
        </p>
      ) : (
        <div class="pairing-panel">
          <img
            class={expired ? 'pairing-qr expired' : 'pairing-qr'}
            src={qr}
            alt={t.qrAlt(offer.code)}
            data-testid="pairing-qr"
            data-qr-text={offer.qrText}
          />
          <div>
            <p>{t.steps}</p>
            <p class="muted">{t.codeLabel}</p>
            <p
              class={expired ? 'pairing-code expired' : 'pairing-code'}
              aria-label={t.codeSpoken(offer.code)}
              data-testid="pairing-code"
            >
              {offer.code}
            </p>
            <p class={expired ? 'pairing-timer expired' : 'pairing-timer'} role="timer">
              {expired ? '0:00' : t.validFor(formatCountdown(left))}
            </p>
            <p role="status" class={expired ? 'warn-text' : 'muted'}>
              {expired ? t.expired : t.oneUse}
            </p>
            {expired ? null : <p class="muted">{t.waiting}</p>}
          </div>
        </div>
      )}
      <ErrorNotice error={error} />
      <div class="form-actions">
        {expired ? (
          <button
            type="button"
            onClick={() => void again()}
            disabled={busy}
            aria-busy={busy}
            data-testid="pairing-new-code"
          >
            {busy ? t.making : t.newCode}
          </button>
        ) : null}
        {paired ? (
          <button type="button" onClick={props.onAnother}>
            {t.another}
          </button>
        ) : null}
        <button type="button" class="secondary" onClick={props.onClose} disabled={busy}>
          {t.close}
        </button>
      </div>
    </section>
  );
}
