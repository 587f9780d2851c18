import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';

/** The message of an API problem or other error, for users (`detail` when the API gave one). */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.problem.detail) return error.problem.detail;
      if (error.status === 404) return t('errors.notFound');
      if (error.status === 403) return t('errors.forbidden');
      if (error.status >= 500) return t('errors.server');
      return error.problem.title;
    }
    if (error instanceof TypeError) return t('errors.network');
    return t('errors.unexpected');
  };
}

/** An error alert (role="alert") showing an API problem's `detail`. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert type="error">
      {title ? <Paragraph className="dsp-alert-title">{title}</Paragraph> : null}
      <Paragraph>{message(error)}</Paragraph>
    </Alert>
  );
}
