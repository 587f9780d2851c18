import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ApiError } from '../../lib/api-client.ts';

/**
 * Last-resort error boundary of the router: an unexpected error, with a way back. When the error
 * was an API answer, its request id is shown as the reference to quote to support.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const id = error instanceof ApiError ? error.requestId : undefined;
  return (
    <main id="main" className="dsp-main">
      <Heading1>{t('errors.pageTitle')}</Heading1>
      <Paragraph>{t('errors.unexpected')}</Paragraph>
      {id ? (
        <Paragraph className="dsp-problem-reference">
          {t('errors.reference')} <code>{id}</code>
        </Paragraph>
      ) : null}
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href="/">
          {t('notFound.home')}
        </a>
      </Paragraph>
    </main>
  );
}
