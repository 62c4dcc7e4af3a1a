import type { ComponentChildren } from 'preact';
import type { ApiFailure } from '../../lib/api';
import { useLang } from '../../i18n/i18n';
import { ErrorNotice } from './ErrorNotice';
import { Modal } from './Modal';

/** "Are you sure?" with the consequence spelled out; the confirm button shows work in progress. */
export function ConfirmDialog(props: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  busy: boolean;
  error: ApiFailure | null;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const en = useLang() === 'en';
  return (
    <Modal title={props.title} onClose={props.onCancel} testId="confirm-dialog">
      <div class="modal-body">{props.children}</div>
      <ErrorNotice error={props.error} />
      <div class="form-actions">
        <button
          type="button"
          class={props.danger ? 'danger' : undefined}
          disabled={props.busy}
          aria-busy={props.busy}
          onClick={props.onConfirm}
          data-testid="confirm-yes"
        >
          {props.busy ? (en ? 'Working…' : 'Memproses…') : props.confirmLabel}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel} disabled={props.busy}>
          {en ? 'Back' : 'Kembali'}
        </button>
      </div>
    </Modal>
  );
}
