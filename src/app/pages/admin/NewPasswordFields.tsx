// A new password typed twice: the setup, invitation and password-change forms all ask for it
// the same way (hint, minimum length, the browser's new-password autofill).
import { TextField } from '../../components/admin/TextField';
import { MIN_PASSWORD } from './auth-forms';

/** The password and its confirmation, marked invalid with the form's own messages. */
export function NewPasswordFields(props: {
  /** Prefix of the input ids: `${idPrefix}-password`, `${idPrefix}-confirm` unless given. */
  idPrefix: string;
  passwordId?: string;
  labels: { password: string; confirm: string; hint: string };
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  invalid: (field: 'password' | 'confirm') => string | boolean;
}) {
  return (
    <>
      <TextField
        id={props.passwordId ?? `${props.idPrefix}-password`}
        label={props.labels.password}
        type="password"
        value={props.password}
        onValue={props.onPassword}
        required
        hint={props.labels.hint}
        autoComplete="new-password"
        minLength={MIN_PASSWORD}
        invalid={props.invalid('password')}
      />
      <TextField
        id={`${props.idPrefix}-confirm`}
        label={props.labels.confirm}
        type="password"
        value={props.confirm}
        onValue={props.onConfirm}
        required
        autoComplete="new-password"
        invalid={props.invalid('confirm')}
      />
    </>
  );
}
