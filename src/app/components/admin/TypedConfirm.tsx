// A destructive action confirmed by typing a name again (the event's): the button stays off until
// the text matches as people type it. Used for deleting an event and erasing its personal data;
// the server checks the name too.
import { useState } from 'preact/hooks';
import { sameEventName } from '../../pages/admin/housekeeping-text';
import { TextField } from './TextField';

/** The field and the danger button; `onConfirm` gets the typed text once it matches `name`. */
export function TypedConfirm(props: {
  id: string;
  name: string;
  label: string;
  button: string;
  busyLabel: string;
  busy: boolean;
  fieldTestId: string;
  buttonTestId: string;
  onConfirm: (typed: string) => void;
}) {
  const [typed, setTyped] = useState('');
  const matches = sameEventName(typed, props.name);
  return (
    <form
      class="admin-form narrow"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (matches) props.onConfirm(typed);
      }}
    >
      <TextField
        id={props.id}
        label={props.label}
        value={typed}
        onValue={setTyped}
        autoComplete="off"
        testId={props.fieldTestId}
      />
      <div class="form-actions">
        <button
          type="submit"
          class="danger"
          disabled={props.busy || !matches}
          data-testid={props.buttonTestId}
        >
          {props.busy ? props.busyLabel : props.button}
        </button>
      </div>
    </form>
  );
}
