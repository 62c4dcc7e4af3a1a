import { useState } from 'preact/hooks';
import type { SendingQueue, SendingRow, SendingSettings } from '../../../shared/api/sending';
import { INSTRUCTIONS_MAX } from '../../../shared/api/sending';
import { normalizePhone } from '../../../shared/roster/phone';
import {
  DEFAULT_INSTRUCTIONS,
  TEMPLATE_MAX,
  defaultTemplateOf,
  placeholdersOf,
  templateProblems,
} from '../../../shared/sending/template';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, invalidFields } from './admin-api';
import { messageFor, savedTemplate } from './sending-queue';
import { settingsText } from './sending-text';

interface Draft {
  contact: string;
  instructions: string;
  template: string;
  certificateTemplate: string;
}

const draftOf = (s: SendingSettings): Draft => ({
  contact: s.contact ?? '',
  instructions: (s.instructions ?? DEFAULT_INSTRUCTIONS.map((l) => l.id)).join('\n'),
  template: savedTemplate(s, 'tiket'),
  certificateTemplate: savedTemplate(s, 'sertifikat'),
});

const sample = (queue: SendingQueue): SendingRow => ({
  participantId: 'CONTOH',
  name: 'Siti Aminah',
  business: '',
  phone: '+6281200000000',
  version: 1,
  link:
    queue.kind === 'sertifikat'
      ? `${queue.linkOrigin.origin}/c#HS1.CONTOH`
      : `${queue.linkOrigin.origin}/t#H1.CONTOH`,
  number: queue.kind === 'sertifikat' ? '001/PLT-UMKM/2026' : undefined,
  state: 'unsent',
  lastSent: null,
});

/**
 * The event's contact and the message of the queue's kind (ticket: with the ticket page's
 * instructions; certificate: its own template), with a live preview.
 */
export function MessageSettings(props: {
  eventId: string;
  queue: SendingQueue;
  /** Whom the preview is for: the next participant in the queue. */
  previewFor: SendingRow | null;
  onSaved: (settings: SendingSettings) => void;
}) {
  const lang = useLang();
  const t = settingsText(lang);
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.queue.settings));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };
  const savedDraft = draftOf(props.queue.settings);
  const dirty = (Object.keys(draft) as (keyof Draft)[]).some((k) => draft[k] !== savedDraft[k]);
  const { kind } = props.queue;
  const cert = kind === 'sertifikat';
  const field = cert ? 'certificateTemplate' : 'template';
  const template = draft[field];
  const problems = templateProblems(template, kind);
  const who = props.previewFor ?? sample(props.queue);
  // The preview shows the typed contact too, as it will read once saved.
  const preview = messageFor(
    {
      ...props.queue,
      settings: {
        ...props.queue.settings,
        contact: draft.contact ? previewContact(draft.contact) : null,
      },
    },
    who,
    template,
  );

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const settings = await adminApi<SendingSettings>(
        `/api/events/${encodeURIComponent(props.eventId)}/sending/settings`,
        {
          method: 'PUT',
          body: {
            contact: draft.contact.trim(),
            template: draft.template,
            certificateTemplate: draft.certificateTemplate,
            instructions: draft.instructions
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          },
        },
      );
      props.onSaved(settings);
      setDraft(draftOf(settings));
      setSaved(true);
    } catch (err) {
      setError(asFailure(err));
    } finally {
      setSaving(false);
    }
  };

  const bad = invalidFields(error);
  const lines = draft.instructions.split('\n').filter((l) => l.trim()).length;
  return (
    <form class="message-settings" onSubmit={(e) => void save(e)} data-testid="message-settings">
      <p class="muted">{cert ? t.certificateIntro : t.intro}</p>
      <TextField
        id="sending-contact"
        label={t.contact}
        type="tel"
        value={draft.contact}
        onValue={(contact) => set({ contact })}
        invalid={bad.has('contact')}
        hint={t.contactHint}
        inputMode="tel"
        maxLength={40}
        testId="sending-contact"
      />
      {cert ? null : (
        <div class="field">
          <label for="sending-instructions">{t.instructions}</label>
          <textarea
            id="sending-instructions"
            rows={4}
            value={draft.instructions}
            onInput={(e) => set({ instructions: e.currentTarget.value })}
            aria-describedby="sending-instructions-hint"
            aria-invalid={lines > INSTRUCTIONS_MAX ? 'true' : undefined}
            data-testid="sending-instructions"
          />
          <small
            id="sending-instructions-hint"
            class={lines > INSTRUCTIONS_MAX ? 'hint warn' : 'hint'}
          >
            {t.instructionsHint}
          </small>
        </div>
      )}
      <div class="message-editor">
        <div class="field">
          <label for="sending-template">{cert ? t.certificateTemplate : t.template}</label>
          <textarea
            id="sending-template"
            rows={12}
            maxLength={TEMPLATE_MAX}
            value={template}
            onInput={(e) => set({ [field]: e.currentTarget.value })}
            aria-describedby="sending-template-hint sending-template-problems"
            aria-invalid={problems.length > 0 ? 'true' : undefined}
            data-testid="sending-template"
          />
          <small id="sending-template-hint" class="hint">
            {t.placeholders}{' '}
            {Object.entries(placeholdersOf(kind))
              .map(([key, words]) => `{${key}} ${words[lang]}`)
              .join(' · ')}
          </small>
          <div id="sending-template-problems" aria-live="polite" data-testid="template-problems">
            {problems.map((p) => (
              <small key={p.id} class="field-error">
                {p[lang]}
              </small>
            ))}
          </div>
          <button
            type="button"
            class="secondary small"
            onClick={() => set({ [field]: defaultTemplateOf(kind) })}
          >
            {t.reset}
          </button>
        </div>
        <div class="field">
          <span class="label">
            {props.previewFor ? t.preview(props.previewFor.name) : t.previewNobody}
          </span>
          <pre class="message-preview" data-testid="template-preview">
            {preview}
          </pre>
        </div>
      </div>
      <ErrorNotice error={error} />
      <div class="form-actions">
        <button
          type="submit"
          disabled={saving || !dirty || problems.length > 0}
          data-testid="sending-settings-save"
        >
          {saving ? t.saving : t.save}
        </button>
        <span role="status" class={saved ? 'saved' : 'warn-text'}>
          {saved ? t.saved : problems.length > 0 ? t.fixFirst : dirty ? t.unsaved : ''}
        </span>
      </div>
    </form>
  );
}

/** The typed contact as the preview shows it: E.164 when it reads as a number, else as typed. */
function previewContact(typed: string): string {
  return normalizePhone(typed) ?? typed;
}
