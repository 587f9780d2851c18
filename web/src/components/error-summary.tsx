import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** One entry of an error summary: the field's element id and its message. */
export interface SummaryError {
  fieldId: string;
  label: string;
  message: string;
}

/**
 * A list of the form's errors, each linking to its field. Takes focus when it appears after a
 * failed submit (once per `focusKey`), so keyboard and screen-reader users learn what to fix.
 */
export function ErrorSummary({
  errors,
  general,
  focusKey,
  headingLevel = 2,
}: {
  errors: SummaryError[];
  general?: string | null;
  focusKey: number;
  /** 3 inside a section that already has an `<h2>`. */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  // Unique per summary: two forms on one page may each show one.
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  const hasContent = errors.length > 0 || !!general;
  // Focus once per failed submit: an error that comes back while the user types a fix (`4,` on the
  // way to `4,5`) shows the summary again but must not take the focus out of the field.
  const focusedKey = useRef(0);
  useEffect(() => {
    if (focusKey > focusedKey.current && hasContent) {
      focusedKey.current = focusKey;
      ref.current?.focus();
    }
  }, [focusKey, hasContent]);
  if (!hasContent) return null;
  return (
    <section ref={ref} tabIndex={-1} className="dsp-error-summary" aria-labelledby={titleId}>
      <Alert type="error">
        <Heading id={titleId} level={headingLevel} className="dsp-error-summary__title">
          {t('form.errorSummaryTitle')}
        </Heading>
        {general ? <Paragraph>{general}</Paragraph> : null}
        {errors.length > 0 ? (
          <ul className="dsp-error-summary__list">
            {errors.map((e) => (
              <li key={e.fieldId}>
                <a
                  href={`#${e.fieldId}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    focusField(e.fieldId);
                  }}
                >
                  {e.label}: {e.message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </Alert>
    </section>
  );
}

/**
 * Focuses the field a summary entry links to; for a group of boxes (its `fieldset`, which cannot
 * take focus) its chosen box, else its first.
 */
function focusField(id: string) {
  const target = document.getElementById(id);
  if (!target || target.matches('input, select, textarea, button, a[href], [tabindex]')) target?.focus();
  else (target.querySelector<HTMLInputElement>('input:checked') ?? target.querySelector<HTMLInputElement>('input, select, textarea'))?.focus();
}
