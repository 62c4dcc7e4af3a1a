import type { JSX } from 'preact';
import { useLang } from '../../i18n/i18n';

type InputProps = JSX.HTMLAttributes<HTMLInputElement>;

/** A labelled input; when the API rejected this field it is marked invalid and says so. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'password' | 'email' | 'tel' | 'url' | 'datetime-local' | 'date' | 'search';
  required?: boolean;
  /** true: the API rejected it; a string: what is wrong with it. */
  invalid?: boolean | string;
  hint?: string;
  autoComplete?: string;
  minLength?: number;
  maxLength?: number;
  inputMode?: InputProps['inputMode'];
  pattern?: string;
  testId?: string;
}) {
  const en = useLang() === 'en';
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errId = props.invalid ? `${props.id}-error` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        {props.required ? null : <span class="optional"> {en ? '(optional)' : '(opsional)'}</span>}
      </label>
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        required={props.required}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={describedBy}
        autoComplete={props.autoComplete}
        minLength={props.minLength}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        pattern={props.pattern}
        data-testid={props.testId}
      />
      {props.hint ? (
        <small id={hintId} class="hint">
          {props.hint}
        </small>
      ) : null}
      {props.invalid ? (
        <small id={errId} class="field-error">
          {typeof props.invalid === 'string'
            ? props.invalid
            : en
              ? 'Check this field.'
              : 'Periksa isian ini.'}
        </small>
      ) : null}
    </div>
  );
}
