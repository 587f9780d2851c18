import type { MailPreview as MailPreviewData } from '@duidingspool/shared';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/**
 * A rendered mail: subject and recipient, the HTML in a sandboxed frame loaded from `pageUrl` (no
 * scripts; same origin only so the session cookie goes along, and the page's own CSP sandboxes it
 * again), and the plain text.
 */
export function MailPreview({ preview, pageUrl }: { preview: MailPreviewData; pageUrl: string }) {
  const { t } = useTranslation();
  return (
    <section className="dsp-mail-preview" aria-label={t('mail.previewOf', { subject: preview.subject })}>
      <dl className="dsp-mail-preview__meta">
        <dt>{t('mail.subject')}</dt>
        <dd>{preview.subject}</dd>
        <dt>{t('mail.to')}</dt>
        <dd>{preview.to ?? t('mail.sampleRecipient')}</dd>
        <dt>{t('mail.language')}</dt>
        <dd>{t(`mail.languages.${preview.language}`)}</dd>
      </dl>
      <Heading3>{t('mail.html')}</Heading3>
      <iframe className="dsp-mail-preview__frame" title={t('mail.htmlFrame', { subject: preview.subject })} sandbox="allow-same-origin" src={pageUrl} />
      <Heading3>{t('mail.text')}</Heading3>
      <pre className="dsp-mail-preview__text">{preview.text}</pre>
      <Paragraph className="dsp-mail-preview__note">{t('mail.noCaseContent')}</Paragraph>
      {preview.event === 'invitation' || preview.event === 'password-reset' ? (
        <Paragraph className="dsp-mail-preview__note">{t('mail.linksMasked')}</Paragraph>
      ) : null}
    </section>
  );
}
