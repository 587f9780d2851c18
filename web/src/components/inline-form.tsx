import { Button, ButtonGroup } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame of a one-question form inside a row or a panel (a reason, a new estimate): `<form
 * noValidate>`, the field(s) with their own error, then the confirming button (disabled while the
 * call runs; `danger` for what cannot be undone) and “Terug”. `onSubmit` receives no event: the frame
 * prevents the browser's own submit. Errors stay at the field, so there is no error summary.
 */
export function InlineForm({
  onSubmit,
  submitLabel,
  pending,
  onBack,
  danger = false,
  children,
}: {
  onSubmit: () => void;
  submitLabel: ReactNode;
  pending: boolean;
  onBack: () => void;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
      className="dsp-form dsp-inline-form"
    >
      {children}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" hint={danger ? 'danger' : undefined} disabled={pending}>
          {submitLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onBack}>
          {t('common.back')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
