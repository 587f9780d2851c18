import { FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

// The frame of one form field, apart from the controls in form-field.tsx so the login page (which
// has only text boxes) does not load what the other controls bring along (docs/decisions/070-a-light-spa.md).

/** Ids of a field's description and error message, for `aria-describedby`. */
export function describedBy(id: string, opts: { description?: boolean; error?: boolean; extra?: string }): string | undefined {
  const ids = [opts.error ? `${id}-error` : '', opts.description ? `${id}-description` : '', opts.extra ?? ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export interface FieldShellProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  children: ReactNode;
  after?: ReactNode;
}

/** Label, description, error message and control of one form field (NL Design System markup). */
export function FieldShell({ id, label, description, error, children, after }: FieldShellProps) {
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''} dsp-field`}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      ) : null}
      {error ? (
        <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
      {after}
    </div>
  );
}
