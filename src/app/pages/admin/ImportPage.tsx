import { useEffect, useState } from 'preact/hooks';
import type { ImportPreview, ImportResult } from '../../../shared/api/schemas';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { asFailure, useEventDetail } from './admin-api';
import { saveFile } from '../../lib/save-file';
import { commitImport, uploadPreview } from './import-upload';
import { importText } from './import-text';
import { ImportPreviewView } from './ImportPreviewView';

type Step =
  | { kind: 'choose' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'committing'; preview: ImportPreview; done: number; total: number }
  | { kind: 'done'; result: ImportResult };

/** /admin/events/:eventId/import: upload a CSV, preview what changes, then commit with progress. */
export default function ImportPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = importText[lang];
  const eventId = params.eventId ?? '';
  const base = `/admin/events/${encodeURIComponent(eventId)}`;
  const event = useEventDetail(eventId);
  const waves = event.data?.waves ?? [];
  const [file, setFile] = useState<File | null>(null);
  const [waveId, setWaveId] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<ApiFailure | null>(null);
  const [noFile, setNoFile] = useState(false);
  // An .xlsx with several sheets: the server names them, the organizer picks one.
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState('');
  const num = (n: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID');

  useEffect(() => {
    if (!waveId && waves[0]) setWaveId(waves[0].id);
  }, [waves, waveId]);

  const upload = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setNoFile(!file);
    if (!file) {
      document.getElementById('import-file')?.focus();
      return;
    }
    setStep({ kind: 'uploading', fraction: 0 });
    try {
      const preview = await uploadPreview({
        eventId,
        waveId,
        file,
        sheet: sheet || null,
        onProgress: (fraction) => setStep({ kind: 'uploading', fraction }),
      });
      setStep({ kind: 'preview', preview });
    } catch (err) {
      const failure = asFailure(err);
      const named = (failure.details as { sheets?: unknown } | undefined)?.sheets;
      if (Array.isArray(named) && named.length > 0) {
        setSheets(named.map(String));
        setSheet((s) => s || String(named[0]));
      }
      setError(failure);
      setStep({ kind: 'choose' });
    }
  };

  const commit = async (preview: ImportPreview) => {
    setError(null);
    const total = preview.creates.length + preview.updates.length;
    setStep({ kind: 'committing', preview, done: 0, total });
    try {
      const result = await commitImport({
        eventId,
        draftId: preview.draftId,
        onProgress: (done, n) => setStep({ kind: 'committing', preview, done, total: n }),
      });
      setStep({ kind: 'done', result });
      event.reload();
    } catch (err) {
      setError(asFailure(err));
      setStep({ kind: 'preview', preview });
    }
  };

  const restart = () => {
    setFile(null);
    setError(null);
    setStep({ kind: 'choose' });
  };

  const busy = step.kind === 'uploading' || step.kind === 'committing';
  const preview = step.kind === 'preview' || step.kind === 'committing' ? step.preview : null;
  const toWrite = preview ? preview.creates.length + preview.updates.length : 0;
  const errorLines = preview ? new Set(preview.errors.map((x) => x.line)).size : 0;

  return (
    <AdminLayout section="import" eventId={eventId} eventName={event.data?.name}>
      <h1>{t.title}</h1>
      <ErrorNotice error={event.error} onRetry={event.reload} />
      {event.data && waves.length === 0 ? (
        <p class="notice">
          {t.noWaves} <a href={base}>{event.data.name}</a>
        </p>
      ) : null}

      {step.kind === 'choose' || step.kind === 'uploading' ? (
        <form class="admin-form card" onSubmit={(e) => void upload(e)}>
          <p>{t.intro}</p>
          <p data-testid="import-templates">
            {t.template}{' '}
            <a href={`/api/events/${encodeURIComponent(eventId)}/import/template.xlsx`} download>
              {t.templateXlsx}
            </a>{' '}
            ·{' '}
            <a href={`/api/events/${encodeURIComponent(eventId)}/import/template.csv`} download>
              {t.templateCsv}
            </a>
          </p>
          <div class="field">
            <label for="import-file">{t.file}</label>
            <input
              id="import-file"
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              aria-describedby="import-file-hint"
              aria-invalid={noFile ? 'true' : undefined}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setSheets([]);
                setSheet('');
                setNoFile(false);
                setError(null);
              }}
            />
            <small id="import-file-hint" class="hint">
              {t.fileHint}
            </small>
            {noFile ? <small class="field-error">{t.chooseFile}</small> : null}
          </div>
          {sheets.length > 0 ? (
            <div class="field">
              <label for="import-sheet">{t.sheet}</label>
              <select
                id="import-sheet"
                value={sheet}
                disabled={busy}
                onChange={(e) => setSheet(e.currentTarget.value)}
              >
                {sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div class="field">
            <label for="import-wave">{t.wave}</label>
            <select
              id="import-wave"
              value={waveId}
              disabled={busy || waves.length === 0}
              onChange={(e) => setWaveId(e.currentTarget.value)}
              aria-describedby="import-wave-hint"
            >
              {waves.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} — {w.venue}
                </option>
              ))}
            </select>
            <small id="import-wave-hint" class="hint">
              {t.waveHint}
            </small>
            <details class="hint" data-testid="wave-match-help">
              <summary>
                {lang === 'en' ? 'How waves are matched' : 'Cara gelombang dicocokkan'}
              </summary>
              <p>{t.waveMatch}</p>
            </details>
          </div>
          <ErrorNotice error={error} />
          <div class="form-actions">
            <button
              type="submit"
              disabled={busy || waves.length === 0}
              aria-busy={busy}
              data-testid="import-upload"
            >
              {step.kind === 'uploading' ? t.uploading : t.preview}
            </button>
          </div>
          {step.kind === 'uploading' ? (
            <div class="progress-row">
              <label for="upload-progress">{t.uploadLabel}</label>
              <progress
                id="upload-progress"
                max={1}
                value={step.fraction}
                data-testid="upload-progress"
              />
              <span>{Math.round(step.fraction * 100)}%</span>
            </div>
          ) : null}
        </form>
      ) : null}

      {preview ? (
        <section class="card" aria-labelledby="preview-title" data-testid="import-preview">
          <h2 id="preview-title">
            {t.previewTitle}
            {file ? `: ${file.name}` : ''}
          </h2>
          <p>{t.nothingWritten}</p>
          <ImportPreviewView preview={preview} />
          <ErrorNotice error={error} />
          {step.kind === 'committing' ? (
            <div class="progress-row">
              <label for="commit-progress">{t.commitLabel}</label>
              <progress
                id="commit-progress"
                max={Math.max(step.total, 1)}
                value={step.done}
                data-testid="import-progress"
              />
              <span>{t.progress(step.done, step.total)}</span>
            </div>
          ) : null}
          {toWrite === 0 ? <p class="notice">{t.nothing}</p> : null}
          {toWrite > 0 && errorLines > 0 ? <p class="warn-text">{t.skipping(errorLines)}</p> : null}
          <div class="form-actions">
            {toWrite > 0 ? (
              <button
                type="button"
                class="big"
                disabled={busy}
                aria-busy={busy}
                onClick={() => void commit(preview)}
                data-testid="import-commit"
              >
                {step.kind === 'committing' ? t.committing : t.commit(toWrite)}
              </button>
            ) : null}
            <button type="button" class="secondary" disabled={busy} onClick={restart}>
              {t.other}
            </button>
          </div>
        </section>
      ) : null}

      {step.kind === 'done' ? (
        <section class="card" aria-labelledby="done-title" data-testid="import-result">
          <h2 id="done-title">{t.doneTitle}</h2>
          <dl class="counts">
            {(
              [
                [t.created, step.result.created, 'created'],
                [t.updated, step.result.updated, 'updated'],
                [t.unchanged, step.result.unchanged, 'unchanged'],
                [t.skipped, step.result.skipped, 'skipped'],
              ] as const
            ).map(([label, n, key]) => (
              <div key={key} class="count" data-count={key}>
                <dt>{label}</dt>
                <dd>{num(n)}</dd>
              </div>
            ))}
          </dl>
          {step.result.rejectedCsv ? (
            <p>
              <button
                type="button"
                class="secondary"
                data-testid="download-rejected"
                onClick={() =>
                  saveFile(
                    'baris-ditolak.csv',
                    step.result.rejectedCsv ?? '',
                    'text/csv;charset=utf-8',
                  )
                }
              >
                {t.downloadRejected}
              </button>
            </p>
          ) : null}
          <div class="form-actions">
            <a class="button" href={`${base}/participants`}>
              {t.toParticipants}
            </a>
            <button type="button" class="secondary" onClick={restart}>
              {t.again}
            </button>
          </div>
        </section>
      ) : null}
    </AdminLayout>
  );
}
