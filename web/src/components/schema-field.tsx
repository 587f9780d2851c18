import { parseDutchDate } from '@duidingspool/shared';
import { Alert, Paragraph, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { type ChangeEvent, type ReactNode, useEffect, useState } from 'react';
import { type FieldValues, type Path, useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { today } from '../lib/dates.ts';
import { CheckboxGroup, RadioGroup } from './choice-group.tsx';
import { describedBy, FieldShell, type SelectFieldOption } from './form-field.tsx';
import { PersonalDataWarning } from './personal-data-warning.tsx';
import type { SchemaForm } from './schema-form.tsx';

/** What a field asks for: the control and the format hint follow from it. */
export type FieldKind = 'text' | 'email' | 'password' | 'textarea' | 'select' | 'date' | 'duration' | 'amount';

/** Share of the maximum from which a one-line field shows its character count (GOV.UK's threshold). */
const ONE_LINE_THRESHOLD = 0.75;

/** The length the server counts: UTF-16 units after NFC normalisation (as `singleLineText` in shared). */
const countedLength = (text: string) => text.normalize('NFC').length;

/**
 * The GOV.UK character count: below the field, “U hebt nog 12 tekens” (or “U hebt 3 tekens te
 * veel”, marked as an error), and the same announced politely once typing pauses for `announceDelay`
 * ms, so a screen reader is not interrupted at every key. The field's `aria-describedby` names
 * `${id}-count-info` (“U kunt maximaal N tekens invullen.”). `visible`: show the count (a one-line
 * field shows it only near its maximum).
 */
export function CharacterCount({
  id,
  max,
  text,
  visible = true,
  announceDelay = 1000,
}: {
  id: string;
  max: number;
  text: string;
  visible?: boolean;
  announceDelay?: number;
}) {
  const { t } = useTranslation();
  const remaining = max - countedLength(text);
  const message = remaining >= 0 ? t('form.charactersLeft', { count: remaining }) : t('form.charactersTooMany', { count: -remaining });
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (!visible) return;
    const timer = setTimeout(() => setAnnounced(message), announceDelay);
    return () => clearTimeout(timer);
  }, [message, visible, announceDelay]);
  return (
    <div className="dsp-character-count">
      <span id={`${id}-count-info`} className="dsp-visually-hidden">
        {t('form.charactersMax', { count: max })}
      </span>
      {visible ? (
        <Paragraph aria-hidden="true" className={`dsp-character-count__status${remaining < 0 ? ' dsp-character-count__status--error' : ''}`}>
          {message}
        </Paragraph>
      ) : null}
      <span id={`${id}-count-status`} className="dsp-visually-hidden" aria-live="polite">
        {visible ? announced : ''}
      </span>
    </div>
  );
}

/** A warning, announced politely, when a date typed in a date field lies before today (e.g. a meeting date). */
function PastDateWarning({ id, text }: { id: string; text: string }) {
  const { t } = useTranslation();
  const iso = parseDutchDate(text);
  const past = iso !== null && iso < today();
  return (
    <div id={`${id}-past`} aria-live="polite" className="dsp-past-date">
      {past ? (
        <Alert type="warning" role="presentation">
          <Paragraph>{t('form.dateInPast')}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}

/** Props of `Field`. */
export interface FieldProps<V extends FieldValues, Out> {
  form: SchemaForm<V, Out>;
  name: Path<V> & string;
  kind?: FieldKind;
  /** Shown below the label, after the format hint of a date, duration or amount. */
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email';
  size?: 'small' | 'medium' | 'full';
  /** For `select`: the options, and the empty first option's text. */
  options?: readonly SelectFieldOption[];
  placeholder?: string;
  rows?: number;
  /** Warn while typing when the text seems to hold personal data (`${id}-pd`). */
  checkPersonalData?: boolean;
  /** For `date`: warn when the date lies in the past. */
  warnIfPast?: boolean;
  /** Called after each change with the new value (e.g. to reset a dependent field). */
  onValueChange?: (value: string) => void;
  /** Delay of the character count's announcement (tests use 0). */
  announceDelay?: number;
  /** Ids of more elements that describe the field (e.g. a live preview of what it leads to). */
  describedByExtra?: string;
  /** Shown but not changeable (e.g. the casustafel of a saved draft); the value is still sent. */
  disabled?: boolean;
}

/**
 * The one field of a form (docs/decisions/125-one-form-pattern.md): label, hint (with the format of
 * a date `dd-mm-jjjj`, a duration `4:30`/`4,5`/`4` or an amount `1.234,56`), the error (linked by
 * `aria-describedby` and listed in the summary), the character count of text with a maximum from
 * the shared schema (GOV.UK pattern; no hard `maxlength`, so pasted text is not cut silently), the
 * personal-data warning and, for a date, the warning for a date in the past.
 */
export function Field<V extends FieldValues, Out>(props: FieldProps<V, Out>) {
  const { form, name, kind = 'text', hint, required } = props;
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control: form.rhf.control, name });
  const id = form.ids[name];
  const value = typeof field.value === 'string' ? field.value : '';
  const error = fieldState.error?.message;
  const max = kind === 'select' ? undefined : form.maxLengthOf(name);
  const countVisible = max !== undefined && (kind === 'textarea' || countedLength(value) >= max * ONE_LINE_THRESHOLD);
  const formatHint = kind === 'date' ? t('form.dateHint') : kind === 'duration' ? t('form.durationHint') : kind === 'amount' ? t('form.amountHint') : null;
  const description =
    formatHint || hint ? (
      <>
        {formatHint}
        {formatHint && hint ? ' ' : null}
        {hint}
      </>
    ) : undefined;
  const extra = [
    max !== undefined ? `${id}-count-info` : '',
    props.checkPersonalData ? `${id}-pd` : '',
    props.warnIfPast ? `${id}-past` : '',
    props.describedByExtra ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const aria = describedBy(id, { description: !!description, error: !!error, extra });
  const onChange = (next: string) => {
    field.onChange(next);
    props.onValueChange?.(next);
  };
  const after = (
    <>
      {max !== undefined ? <CharacterCount id={id} max={max} text={value} visible={countVisible} announceDelay={props.announceDelay} /> : null}
      {props.checkPersonalData ? <PersonalDataWarning id={`${id}-pd`} text={value} /> : null}
      {props.warnIfPast ? <PastDateWarning id={id} text={value} /> : null}
    </>
  );
  const common = {
    id,
    name: field.name,
    ref: field.ref,
    onBlur: field.onBlur,
    invalid: !!error,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': aria,
    required,
    disabled: props.disabled,
  };
  let control: ReactNode;
  if (kind === 'textarea') {
    control = <Textarea {...common} rows={props.rows ?? 5} value={value} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} />;
  } else if (kind === 'select') {
    control = (
      <Select {...common} value={value} onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)}>
        {props.placeholder !== undefined ? <SelectOption value="">{props.placeholder}</SelectOption> : null}
        {(props.options ?? []).map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    );
  } else {
    const short = kind === 'date' || kind === 'duration' || kind === 'amount';
    control = (
      <Textbox
        {...common}
        type={kind === 'email' || kind === 'password' ? kind : 'text'}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        autoComplete={props.autoComplete ?? (short ? 'off' : undefined)}
        inputMode={props.inputMode ?? (kind === 'amount' || kind === 'duration' ? 'decimal' : undefined)}
        spellCheck={short ? false : undefined}
        className={`dsp-input--${props.size ?? (short ? 'small' : 'full')}`}
      />
    );
  }
  return (
    <FieldShell id={id} label={form.labels[name]} description={description} error={error} required={required} after={after}>
      {control}
    </FieldShell>
  );
}

/** A group of checkboxes bound to a list field of the form; its error is shown on the group and linked from the summary. */
export function ChoicesField<V extends FieldValues, Out>({
  form,
  name,
  options,
  hint,
}: {
  form: SchemaForm<V, Out>;
  name: Path<V> & string;
  options: readonly SelectFieldOption[];
  hint?: ReactNode;
}) {
  const { field, fieldState } = useController({ control: form.rhf.control, name });
  const value = Array.isArray(field.value) ? (field.value as string[]) : [];
  return (
    <CheckboxGroup
      id={form.ids[name]}
      legend={form.labels[name]}
      description={hint}
      options={options}
      value={value}
      onChange={field.onChange}
      error={fieldState.error?.message}
    />
  );
}

/** A group of radio buttons bound to one field of the form, with `legend` (the form's label for it unless given). */
export function RadioField<V extends FieldValues, Out>({
  form,
  name,
  options,
  legend,
  hint,
}: {
  form: SchemaForm<V, Out>;
  name: Path<V> & string;
  options: readonly SelectFieldOption[];
  legend?: ReactNode;
  /** Shown below the legend. */
  hint?: ReactNode;
}) {
  const { field, fieldState } = useController({ control: form.rhf.control, name });
  return (
    <RadioGroup
      id={form.ids[name]}
      legend={legend ?? form.labels[name]}
      description={hint}
      options={options}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      error={fieldState.error?.message}
    />
  );
}
