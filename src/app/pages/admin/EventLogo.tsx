import { useEffect, useState } from 'preact/hooks';
import type { EventDetail } from '../../../shared/api/schemas';
import { LOGO_MAX_BYTES } from '../../../shared/badges/logo';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure } from './admin-api';

const KB = Math.round(LOGO_MAX_BYTES / 1024);
const text = {
  id: {
    title: 'Logo di badge',
    intro: `Opsional. Dicetak di pojok kiri atas setiap badge. PNG atau JPEG, maksimal ${KB} KB.`,
    current: 'Logo sekarang',
    none: 'Belum ada logo; badge dicetak tanpa logo.',
    choose: 'Pilih berkas logo',
    preview: 'Pratinjau logo baru',
    save: 'Simpan logo',
    saving: 'Menyimpan…',
    cancel: 'Batal',
    remove: 'Hapus logo',
    saved: 'Logo tersimpan; badge berikutnya memakai logo ini.',
    removed: 'Logo dihapus.',
  },
  en: {
    title: 'Logo on badges',
    intro: `Optional. Printed at the top left of every badge. PNG or JPEG, at most ${KB} KB.`,
    current: 'Current logo',
    none: 'No logo yet; badges print without one.',
    choose: 'Choose a logo file',
    preview: 'Preview of the new logo',
    save: 'Save logo',
    saving: 'Saving…',
    cancel: 'Cancel',
    remove: 'Remove logo',
    saved: 'Logo saved; badges printed from now on carry it.',
    removed: 'Logo removed.',
  },
};

/** The event's optional badge logo: the current one, a preview of a new file, save or remove. */
export function EventLogo(props: { event: EventDetail; onChanged: () => void }) {
  const t = text[useLang()];
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [status, setStatus] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const path = `/api/events/${encodeURIComponent(props.event.id)}/logo`;

  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const reset = () => {
    setFile(null);
    setInputKey((k) => k + 1);
  };
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await action();
      reset();
      setStatus(done);
      props.onChanged();
    } catch (err) {
      setError(asFailure(err));
    }
    setBusy(false);
  };
  const save = () =>
    file &&
    run(
      () =>
        adminApi(path, {
          method: 'PUT',
          raw: file,
          contentType: file.type || 'application/octet-stream',
        }),
      t.saved,
    );
  const remove = () => run(() => adminApi(path, { method: 'DELETE' }), t.removed);

  const logoUrl = props.event.logoUrl;
  return (
    <section class="card event-logo" aria-labelledby="logo-title" data-testid="event-logo">
      <h2 id="logo-title">{t.title}</h2>
      <p class="muted">{t.intro}</p>
      {logoUrl ? (
        <figure class="logo-preview">
          <img src={logoUrl} alt={t.current} data-testid="event-logo-current" />
          <figcaption>{t.current}</figcaption>
        </figure>
      ) : (
        <p>{t.none}</p>
      )}
      <div class="field">
        <label for="event-logo-file">{t.choose}</label>
        <input
          key={inputKey}
          id="event-logo-file"
          type="file"
          accept="image/png,image/jpeg"
          onChange={(e) => {
            setError(null);
            setStatus('');
            setFile(e.currentTarget.files?.[0] ?? null);
          }}
        />
      </div>
      {preview ? (
        <figure class="logo-preview">
          <img src={preview} alt={t.preview} data-testid="event-logo-preview" />
          <figcaption>{t.preview}</figcaption>
        </figure>
      ) : null}
      <ErrorNotice error={error} />
      <div class="form-actions">
        {file ? (
          <>
            <button
              type="button"
              disabled={busy}
              aria-busy={busy}
              onClick={() => void save()}
              data-testid="event-logo-save"
            >
              {busy ? t.saving : t.save}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={reset}>
              {t.cancel}
            </button>
          </>
        ) : null}
        {logoUrl && !file ? (
          <button
            type="button"
            class="secondary danger-text"
            disabled={busy}
            onClick={() => void remove()}
            data-testid="event-logo-remove"
          >
            {t.remove}
          </button>
        ) : null}
        <span role="status" class="saved">
          {status}
        </span>
      </div>
    </section>
  );
}
