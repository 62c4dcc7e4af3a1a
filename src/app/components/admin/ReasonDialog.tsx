// A decision that needs a written reason (revoking a certificate, overriding eligibility): a modal
// with the reason box, refused in words under 3 characters, then the action; its failure shows
// in the dialog, which stays open.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiFailure } from '../../lib/api';
import { asFailure } from '../../pages/admin/admin-api';
import { ErrorNotice } from './ErrorNotice';
import { Modal } from './Modal';

/** The shortest reason accepted (the server refuses shorter ones too). */
export const REASON_MIN = 3;

let seq = 0;

export function ReasonDialog(props: {
  title: string;
  /** Shown above the reason box. */
  children?: ComponentChildren;
  label: string;
  /** Said when the reason is too short. */
  needReason: string;
  confirm: string;
  cancel: string;
  danger?: boolean;
  testId: string;
  confirmTestId?: string;
  /** Does the thing with the trimmed reason; throws to keep the dialog open with the error. */
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [id] = useState(() => `reason-${++seq}`);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (reason.trim().length < REASON_MIN) {
      setProblem(props.needReason);
      return;
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      await props.onSubmit(reason.trim());
    } catch (err) {
      setError(asFailure(err));
      setBusy(false);
    }
  };
  return (
    <Modal title={props.title} onClose={props.onClose} testId={props.testId}>
      <form class="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        {props.children}
        <div class="field">
          <label for={id}>{props.label}</label>
          <textarea
            id={id}
            rows={3}
            maxLength={500}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          {problem && (
            <small id={`${id}-problem`} class="hint error-text">
              {problem}
            </small>
          )}
        </div>
        <ErrorNotice error={error} />
        <div class="form-actions">
          <button
            type="submit"
            class={props.danger ? 'danger' : undefined}
            disabled={busy}
            aria-busy={busy}
            data-testid={props.confirmTestId}
          >
            {props.confirm}
          </button>
          <button type="button" class="secondary" onClick={props.onClose} disabled={busy}>
            {props.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
