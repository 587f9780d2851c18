import { Checkbox, Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage, FormLabel, RadioButton } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** One option of a checkbox or radio group. */
export interface ChoiceOption {
  value: string;
  label: string;
}

interface GroupProps {
  id: string;
  legend: ReactNode;
  options: readonly ChoiceOption[];
  description?: ReactNode;
  error?: string | undefined;
}

/** The element id of option `value` in group `id` (for error-summary links). */
export function choiceId(groupId: string, value: string): string {
  return `${groupId}-${value}`;
}

function GroupShell({ id, legend, description, error, children }: Omit<GroupProps, 'options'> & { children: ReactNode }) {
  const describedBy = [error ? `${id}-error` : '', description ? `${id}-description` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset id={id} invalid={!!error} aria-describedby={describedBy} className="dsp-field">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description ? <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
      <div className="dsp-choices">{children}</div>
    </Fieldset>
  );
}

/** A fieldset of checkboxes holding a list of selected values. */
export function CheckboxGroup({ value, onChange, ...props }: GroupProps & { value: readonly string[]; onChange: (value: string[]) => void }) {
  return (
    <GroupShell {...props}>
      {props.options.map((o) => {
        const optionId = choiceId(props.id, o.value);
        const checked = value.includes(o.value);
        return (
          <div key={o.value} className="utrecht-form-field utrecht-form-field--checkbox dsp-choice">
            <Checkbox
              id={optionId}
              name={props.id}
              value={o.value}
              checked={checked}
              invalid={!!props.error}
              onChange={() => onChange(checked ? value.filter((v) => v !== o.value) : [...value, o.value])}
            />
            <FormLabel htmlFor={optionId} type="checkbox">
              {o.label}
            </FormLabel>
          </div>
        );
      })}
    </GroupShell>
  );
}

/** A fieldset of radio buttons holding one selected value. */
export function RadioGroup({ value, onChange, ...props }: GroupProps & { value: string; onChange: (value: string) => void }) {
  return (
    <GroupShell {...props}>
      {props.options.map((o) => {
        const optionId = choiceId(props.id, o.value);
        return (
          <div key={o.value} className="utrecht-form-field utrecht-form-field--radio dsp-choice">
            <RadioButton id={optionId} name={props.id} value={o.value} checked={value === o.value} invalid={!!props.error} onChange={() => onChange(o.value)} />
            <FormLabel htmlFor={optionId} type="radio">
              {o.label}
            </FormLabel>
          </div>
        );
      })}
    </GroupShell>
  );
}
