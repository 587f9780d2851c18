import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { useSiteInfo } from '../../lib/site-info.ts';

/** A section of a statement: a heading and its paragraphs (keys under `statements.<page>`). */
function Part({ page, heading, paragraphs, values }: { page: string; heading: string; paragraphs: string[]; values: Record<string, string | number> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${page}-${heading}`} className="dsp-section">
      <Heading2 id={`${page}-${heading}`}>{t(`statements.${page}.${heading}`)}</Heading2>
      {paragraphs.map((p) => (
        <Paragraph key={p}>{t(`statements.${page}.${p}`, values)}</Paragraph>
      ))}
    </section>
  );
}

/**
 * “Toegankelijkheidsverklaring”, readable without login, in the parts of the Dutch government's
 * statement (scope, compliance status, how it was checked, what is not accessible yet, feedback
 * and contact, enforcement, date); the contact comes from the server's configuration.
 */
export function AccessibilityStatementPage() {
  const { t } = useTranslation();
  const contact = useSiteInfo().data?.contact;
  const values = { name: contact?.name ?? t('app.name'), email: contact?.email ?? '' };
  return (
    <div className="dsp-narrow">
      <PageHeading>{t('statements.accessibility.title')}</PageHeading>
      <Paragraph className="dsp-lead">{t('statements.accessibility.intro', values)}</Paragraph>
      <Part page="accessibility" heading="scopeHeading" paragraphs={['scope']} values={values} />
      <Part page="accessibility" heading="statusHeading" paragraphs={['status']} values={values} />
      <Part page="accessibility" heading="methodHeading" paragraphs={['methodAxe', 'methodKeyboard', 'methodMobile', 'methodComponents']} values={values} />
      <Part page="accessibility" heading="knownHeading" paragraphs={['knownCharts', 'knownPreview', 'knownAudit']} values={values} />
      <Part page="accessibility" heading="feedbackHeading" paragraphs={['feedback']} values={values} />
      <Part page="accessibility" heading="enforcementHeading" paragraphs={['enforcement']} values={values} />
      <Part page="accessibility" heading="dateHeading" paragraphs={['date']} values={values} />
    </div>
  );
}

/**
 * “Privacyverklaring”, readable without login: what is processed, why, and how long — the two
 * retention clocks as the server is configured (docs/design.md §6) — and the user's rights.
 */
export function PrivacyStatementPage() {
  const { t } = useTranslation();
  const info = useSiteInfo().data;
  const values = { name: info?.contact.name ?? t('app.name'), email: info?.contact.email ?? '' };
  return (
    <div className="dsp-narrow">
      <PageHeading>{t('statements.privacy.title')}</PageHeading>
      <Paragraph className="dsp-lead">{t('statements.privacy.intro', values)}</Paragraph>
      <Part
        page="privacy"
        heading="whatHeading"
        paragraphs={['whatUsers', 'whatSpecialists', 'whatCases', 'whatMoney', 'whatLog', 'whatMail']}
        values={values}
      />
      <Part page="privacy" heading="whyHeading" paragraphs={['why']} values={values} />
      {info ? (
        <section aria-labelledby="privacy-retention" className="dsp-section">
          <Heading2 id="privacy-retention">{t('statements.privacy.retentionHeading')}</Heading2>
          <Paragraph>{t('statements.privacy.retentionCase', { count: info.retention.caseContentMonths })}</Paragraph>
          <Paragraph>{t('statements.privacy.retentionLedger', { count: info.retention.ledgerYears })}</Paragraph>
          <Paragraph>{t('statements.privacy.retentionAccounts')}</Paragraph>
        </section>
      ) : null}
      <Part page="privacy" heading="rightsHeading" paragraphs={['rights']} values={values} />
    </div>
  );
}
