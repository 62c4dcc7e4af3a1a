import { useState } from 'preact/hooks';
import type { SessionBody, SessionInfo, WaveInfo } from '../../../shared/api/schemas';
import { ConfirmDialog } from '../../components/admin/ConfirmDialog';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { pickText, useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, invalidFields } from './admin-api';
import type { FormProblem, SessionFormState } from './event-forms';
import { buildSessionBody, sessionFormState } from './event-forms';
import { formatWibRange } from './wib-time';
import { useCan } from './me';

const text = {
  id: {
    title: 'Sesi',
    none: 'Belum ada sesi. Kehadiran dihitung per sesi, jadi tambahkan minimal satu.',
    name: 'Nama sesi',
    startsAt: 'Mulai (WIB)',
    endsAt: 'Selesai (WIB)',
    add: 'Tambah sesi',
    save: 'Simpan sesi',
    saving: 'Menyimpan…',
    edit: 'Ubah',
    remove: 'Hapus',
    cancel: 'Batal',
    confirmTitle: 'Hapus sesi?',
    confirmText: (n: string) => `Sesi "${n}" akan dihapus dari gelombang ini.`,
  },
  en: {
    title: 'Sessions',
    none: 'No sessions yet. Attendance is counted per session, so add at least one.',
    name: 'Session name',
    startsAt: 'Starts (WIB)',
    endsAt: 'Ends (WIB)',
    add: 'Add session',
    save: 'Save session',
    saving: 'Saving…',
    edit: 'Edit',
    remove: 'Delete',
    cancel: 'Cancel',
    confirmTitle: 'Delete the session?',
    confirmText: (n: string) => `The session "${n}" will be removed from this wave.`,
  },
};

function SessionForm(props: {
  idPrefix: string;
  initial: SessionFormState;
  onSave: (body: SessionBody) => Promise<void>;
  onCancel: () => void;
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

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const built = buildSessionBody(f);
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
      setBusy(false);
    }
  };

  return (
    <form class="admin-form session-form" onSubmit={(e) => void submit(e)} noValidate>
      <div class="form-grid three">
        <TextField
          id={id('name')}
          label={t.name}
          value={f.name}
          onValue={(name) => setF({ ...f, name })}
          required
          invalid={msg('name')}
          maxLength={120}
        />
        <TextField
          id={id('startsAt')}
          label={t.startsAt}
          type="datetime-local"
          value={f.startsAt}
          onValue={(startsAt) => setF({ ...f, startsAt })}
          required
          invalid={msg('startsAt')}
        />
        <TextField
          id={id('endsAt')}
          label={t.endsAt}
          type="datetime-local"
          value={f.endsAt}
          onValue={(endsAt) => setF({ ...f, endsAt })}
          required
          invalid={msg('endsAt')}
        />
      </div>
      <ErrorNotice error={error} />
      <div class="form-actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t.saving : t.save}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel} disabled={busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

/** The sessions of one wave, with add, edit and delete. `onChanged` reloads the event. */
export function SessionList(props: { wave: WaveInfo; onChanged: () => void }) {
  const lang = useLang();
  const t = text[lang];
  const admin = useCan('admin');
  const { wave } = props;
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SessionInfo | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<ApiFailure | null>(null);

  const save = (session?: SessionInfo) => async (body: SessionBody) => {
    if (session) {
      await adminApi(`/api/sessions/${encodeURIComponent(session.id)}`, { method: 'PATCH', body });
    } else {
      await adminApi(`/api/waves/${encodeURIComponent(wave.id)}/sessions`, { body });
    }
    setEditing(null);
    props.onChanged();
  };

  const remove = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await adminApi(`/api/sessions/${encodeURIComponent(deleting.id)}`, { method: 'DELETE' });
      setDeleting(null);
      props.onChanged();
    } catch (err) {
      setDeleteError(asFailure(err));
    }
    setDeleteBusy(false);
  };

  return (
    <div class="sessions">
      <h4>{t.title}</h4>
      {wave.sessions.length === 0 ? <p class="muted">{t.none}</p> : null}
      <ul class="session-list">
        {wave.sessions.map((s) =>
          editing === s.id ? (
            <li key={s.id}>
              <SessionForm
                idPrefix={`session-${s.id}`}
                initial={sessionFormState(wave, s)}
                onSave={save(s)}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={s.id} class="session-row" data-session-id={s.id}>
              <span>
                <strong>{s.name}</strong>
                <br />
                <span class="muted">{formatWibRange(s.startsAt, s.endsAt, lang)}</span>
              </span>
              <span class="row-actions" hidden={!admin}>
                <button
                  type="button"
                  class="secondary small"
                  onClick={() => setEditing(s.id)}
                  aria-label={`${t.edit}: ${s.name}`}
                >
                  {t.edit}
                </button>
                <button
                  type="button"
                  class="secondary small"
                  onClick={() => {
                    setDeleteError(null);
                    setDeleting(s);
                  }}
                  aria-label={`${t.remove}: ${s.name}`}
                >
                  {t.remove}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <SessionForm
          idPrefix={`new-session-${wave.id}`}
          initial={sessionFormState(wave)}
          onSave={save()}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button
          type="button"
          class="secondary"
          onClick={() => setEditing('new')}
          data-testid="add-session"
          hidden={!admin}
        >
          {t.add}
        </button>
      )}
      {deleting ? (
        <ConfirmDialog
          title={t.confirmTitle}
          confirmLabel={t.remove}
          danger
          busy={deleteBusy}
          error={deleteError}
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(null)}
        >
          <p>{t.confirmText(deleting.name)}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
