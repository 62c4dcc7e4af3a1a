import { useState } from 'preact/hooks';
import type { WaveBody } from '../../../shared/api/schemas';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { pickText, useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { asFailure, invalidFields } from './admin-api';
import type { FormProblem, WaveFormState } from './event-forms';
import { buildWaveBody } from './event-forms';

const text = {
  id: {
    name: 'Nama gelombang',
    venue: 'Tempat',
    address: 'Alamat',
    mapUrl: 'Tautan peta',
    mapHint: 'Misalnya tautan Google Maps (https://…).',
    startsAt: 'Mulai (WIB)',
    endsAt: 'Selesai (WIB)',
    saving: 'Menyimpan…',
    cancel: 'Batal',
  },
  en: {
    name: 'Wave name',
    venue: 'Venue',
    address: 'Address',
    mapUrl: 'Map link',
    mapHint: 'E.g. a Google Maps link (https://…).',
    startsAt: 'Starts (WIB)',
    endsAt: 'Ends (WIB)',
    saving: 'Saving…',
    cancel: 'Cancel',
  },
};

/** Name, venue, address, map link and WIB start/end of a wave; validated before sending. */
export function WaveForm(props: {
  idPrefix: string;
  initial: WaveFormState;
  submitLabel: string;
  onSave: (body: WaveBody) => Promise<void>;
  onCancel?: () => void;
}) {
  const lang = useLang();
  const t = text[lang];
  const [f, setF] = useState(props.initial);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const bad = invalidFields(error);
  const msg = (field: string) =>
    problem?.field === field ? pickText(problem.message, lang) : bad.has(field);
  const id = (field: string) => `${props.idPrefix}-${field}`;
  const set = (field: keyof WaveFormState) => (value: string) => setF({ ...f, [field]: value });

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const built = buildWaveBody(f);
    setProblem(built.problem);
    if (!built.body) {
      document.getElementById(id(built.problem.field))?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.onSave(built.body);
    } catch (err) {
      setError(asFailure(err));
    }
    setBusy(false);
  };

  return (
    <form class="admin-form wave-form" onSubmit={(e) => void submit(e)} noValidate>
      <div class="form-grid">
        <TextField
          id={id('name')}
          label={t.name}
          value={f.name}
          onValue={set('name')}
          required
          invalid={msg('name')}
          maxLength={120}
        />
        <TextField
          id={id('venue')}
          label={t.venue}
          value={f.venue}
          onValue={set('venue')}
          required
          invalid={msg('venue')}
          maxLength={200}
        />
        <TextField
          id={id('address')}
          label={t.address}
          value={f.address}
          onValue={set('address')}
          invalid={msg('address')}
          maxLength={400}
        />
        <TextField
          id={id('mapUrl')}
          label={t.mapUrl}
          type="url"
          value={f.mapUrl}
          onValue={set('mapUrl')}
          hint={t.mapHint}
          invalid={msg('mapUrl')}
          maxLength={2000}
        />
        <TextField
          id={id('startsAt')}
          label={t.startsAt}
          type="datetime-local"
          value={f.startsAt}
          onValue={set('startsAt')}
          required
          invalid={msg('startsAt')}
        />
        <TextField
          id={id('endsAt')}
          label={t.endsAt}
          type="datetime-local"
          value={f.endsAt}
          onValue={set('endsAt')}
          required
          invalid={msg('endsAt')}
        />
      </div>
      <ErrorNotice error={error} />
      <div class="form-actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t.saving : props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" class="secondary" onClick={props.onCancel} disabled={busy}>
            {t.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
