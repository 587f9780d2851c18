import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** Last-resort error boundary of the router: an unexpected error, with a way back. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="dsp-main">
      <Heading1>{t('errors.pageTitle')}</Heading1>
      <Paragraph>{t('errors.unexpected')}</Paragraph>
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href="/">
          {t('notFound.home')}
        </a>
      </Paragraph>
    </main>
  );
}
