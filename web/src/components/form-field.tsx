import { Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import type { ChangeEvent, ReactNode } from 'react';
import { describedBy, FieldShell } from './field-shell.tsx';
import { PersonalDataWarning } from './personal-data-warning.tsx';

export { describedBy, FieldShell } from './field-shell.tsx';

/** What every labelled free-text control takes. */
interface TextControlProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  describedByExtra?: string;
  after?: ReactNode;
  maxLength?: number;
  /** Warn while typing when the text seems to hold personal data (the warning is `${id}-pd`). */
  checkPersonalData?: boolean;
}

interface TextFieldProps extends TextControlProps {
  type?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email';
  placeholder?: string;
  size?: 'small' | 'medium' | 'full';
  name?: string;
  /** For a date: the first and last day the browser's picker offers (`YYYY-MM-DD`). */
  min?: string;
  max?: string;
}

/** A labelled single-line text input with optional description and inline error. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, description, error, required, type = 'text', size = 'full' } = props;
  const { extra, after } = personalDataParts(id, value, props.checkPersonalData, props.describedByExtra, props.after);
  return (
    <FieldShell id={id} label={label} description={description} error={error} required={required} after={after}>
      <Textbox
        id={id}
        name={props.name ?? id}
        type={type}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        invalid={!!error}
        aria-invalid={error ? true : undefined}
        required={required}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        className={`dsp-input--${size}`}
        aria-describedby={describedBy(id, { description: !!description, error: !!error, extra })}
      />
    </FieldShell>
  );
}

/** The props of a short required input that the browser does not fill in (amounts, durations, codes). */
type ShortFieldProps = Omit<TextFieldProps, 'size' | 'autoComplete' | 'required'>;

/** A short, required, labelled input that the browser does not fill in: a duration (`h:mm`), a list of percents, a year. */
export function ShortField(props: ShortFieldProps) {
  return <TextField {...props} size="small" autoComplete="off" required />;
}

/** A short, required input of an amount in euros (`125,00`), with the decimal keyboard on touch screens. */
export function AmountField(props: Omit<ShortFieldProps, 'inputMode'>) {
  return <ShortField {...props} inputMode="decimal" />;
}

interface TextareaFieldProps extends TextControlProps {
  rows?: number;
}

/** Extra `aria-describedby` ids and the content below a free-text control: its personal-data warning when asked for. */
function personalDataParts(id: string, value: string, check: boolean | undefined, extra: string | undefined, after: ReactNode) {
  if (!check) return { extra, after };
  return {
    extra: [extra, `${id}-pd`].filter(Boolean).join(' '),
    after: (
      <>
        <PersonalDataWarning id={`${id}-pd`} text={value} />
        {after}
      </>
    ),
  };
}

/** A labelled multi-line text input with optional description and inline error. */
export function TextareaField(props: TextareaFieldProps) {
  const { id, label, value, onChange, description, error, required, rows = 5 } = props;
  const { extra, after } = personalDataParts(id, value, props.checkPersonalData, props.describedByExtra, props.after);
  return (
    <FieldShell id={id} label={label} description={description} error={error} required={required} after={after}>
      <Textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
        invalid={!!error}
        aria-invalid={error ? true : undefined}
        required={required}
        maxLength={props.maxLength}
        aria-describedby={describedBy(id, { description: !!description, error: !!error, extra })}
      />
    </FieldShell>
  );
}

/** One option of a SelectField. */
export interface SelectFieldOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectFieldOption[];
  placeholder?: string;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}

/** A labelled select with an optional empty first option. */
export function SelectField(props: SelectFieldProps) {
  const { id, label, value, onChange, options, placeholder, description, error, required, disabled } = props;
  return (
    <FieldShell id={id} label={label} description={description} error={error} required={required}>
      <Select
        id={id}
        name={id}
        value={value}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)}
        invalid={!!error}
        aria-invalid={error ? true : undefined}
        required={required}
        disabled={disabled}
        aria-describedby={describedBy(id, { description: !!description, error: !!error })}
      >
        {placeholder !== undefined ? <SelectOption value="">{placeholder}</SelectOption> : null}
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    </FieldShell>
  );
}
