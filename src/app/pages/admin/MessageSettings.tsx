import { useState } from 'preact/hooks';
import type { SendingQueue, SendingRow, SendingSettings } from '../../../shared/api/sending';
import { INSTRUCTIONS_MAX } from '../../../shared/api/sending';
import { normalizePhone } from '../../../shared/roster/phone';
import {
  DEFAULT_INSTRUCTIONS,
  DEFAULT_TEMPLATE,
  TEMPLATE_MAX,
  PLACEHOLDERS,
  templateProblems,
} from '../../../shared/sending/template';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, invalidFields } from './admin-api';
import { messageFor } from './sending-queue';
import { settingsText } from './sending-text';

interface Draft {
  contact: string;
  instructions: string;
  template: string;
}

const draftOf = (s: SendingSettings): Draft => ({
  contact: s.contact ?? '',
  instructions: (s.instructions ?? DEFAULT_INSTRUCTIONS.map((l) => l.id)).join('\n'),
  template: s.template ?? DEFAULT_TEMPLATE,
});

const sample = (queue: SendingQueue): SendingRow => ({
  participantId: 'CONTOH',
  name: 'Siti Aminah',
  business: '',
  phone: '+6281200000000',
  version: 1,
  link: `${queue.linkOrigin.origin}/t#H1.CONTOH`,
  state: 'unsent',
  lastSent: null,
});

/** The event's contact, ticket-page instructions and message template, with a live preview. */
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
  const dirty =
    draft.contact !== savedDraft.contact ||
    draft.instructions !== savedDraft.instructions ||
    draft.template !== savedDraft.template;
  const problems = templateProblems(draft.template);
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
    draft.template,
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
      <p class="muted">{t.intro}</p>
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
      <div class="message-editor">
        <div class="field">
          <label for="sending-template">{t.template}</label>
          <textarea
            id="sending-template"
            rows={12}
            maxLength={TEMPLATE_MAX}
            value={draft.template}
            onInput={(e) => set({ template: e.currentTarget.value })}
            aria-describedby="sending-template-hint sending-template-problems"
            aria-invalid={problems.length > 0 ? 'true' : undefined}
            data-testid="sending-template"
          />
          <small id="sending-template-hint" class="hint">
            {t.placeholders}{' '}
            {Object.entries(PLACEHOLDERS)
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
            onClick={() => set({ template: DEFAULT_TEMPLATE })}
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
