import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';
import { problemText } from '../lib/problem-text.ts';

/** Options of the message `useErrorMessage` builds. */
export interface ErrorMessageOptions {
  /** Append the request's reference for support (default true); ProblemAlert shows it on a line of its own. */
  withReference?: boolean;
  /** Fields a form shows the server's errors on: left out of the message. */
  except?: readonly string[];
}

/**
 * The message of an API problem or other error, for users, in the UI's language: written by the UI
 * from the problem's `type`, figures and field errors (`problemText`, decision 120), never the
 * server's `detail` or a JSON pointer as such. An API problem ends with its reference
 * (`requestId`), which the user can quote to support and which names the server's log line; the
 * operator's message itself never reaches the browser.
 */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown, options: ErrorMessageOptions = {}): string => {
    if (error instanceof ApiError) {
      const message = problemText(i18n, error.problem, options.except ? { except: options.except } : {});
      const id = error.requestId;
      return options.withReference === false || !id ? message : `${message} ${t('errors.referenceSuffix', { id })}`;
    }
    if (error instanceof TypeError) return t('errors.network');
    return t('errors.unexpected');
  };
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
