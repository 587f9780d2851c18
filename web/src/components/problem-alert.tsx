import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';

/** Options of the message `useErrorMessage` builds. */
export interface ErrorMessageOptions {
  /** Append the request's reference for support (default true); ProblemAlert shows it on a line of its own. */
  withReference?: boolean;
}

/**
 * The message of an API problem or other error, for users. In Dutch the server's `detail` (the
 * user's message of the problem, often naming figures of this case); in another language the UI's
 * own text for the problem `type` (`problems.<type>` in the locale files), else the `detail`. An
 * API problem ends with its reference (`requestId`), which the user can quote to support and which
 * names the server's log line; the operator's message itself never reaches the browser.
 */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown, options: ErrorMessageOptions = {}): string => {
    if (error instanceof ApiError) {
      const message = problemMessage(error, i18n.language, t, i18n.exists.bind(i18n));
      const id = error.requestId;
      return options.withReference === false || !id ? message : `${message} ${t('errors.referenceSuffix', { id })}`;
    }
    if (error instanceof TypeError) return t('errors.network');
    return t('errors.unexpected');
  };
}

/** The user's message of an API problem in `language` (see `useErrorMessage`), without the reference. */
function problemMessage(error: ApiError, language: string, t: (key: string) => string, exists: (key: string) => boolean): string {
  const own = `problems.${error.type}`;
  if (!language.startsWith('nl') && exists(own)) return t(own);
  if (error.problem.detail) return error.problem.detail;
  if (exists(own)) return t(own);
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status >= 500) return t('errors.server');
  return error.problem.title;
}

/** An error alert (role="alert") showing an API problem's message and, below it, its reference for support. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  const id = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert type="error">
      {title ? <Paragraph className="dsp-alert-title">{title}</Paragraph> : null}
      <Paragraph>{message(error, { withReference: false })}</Paragraph>
      {id ? (
        <Paragraph className="dsp-problem-reference">
          {t('errors.reference')} <code>{id}</code>
        </Paragraph>
      ) : null}
    </Alert>
  );
}
