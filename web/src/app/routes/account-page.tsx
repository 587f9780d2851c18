import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ChangePasswordForm } from '../../features/account/components/change-password-form.tsx';
import { TotpEnrolment } from '../../features/account/components/totp-enrolment.tsx';
import { PreferencesForm } from '../../features/notifications/components/preferences-form.tsx';
import { homePathFor, useMe } from '../../lib/auth.ts';

/**
 * “Mijn account”: the second factor, the password and how e-mails about one's events arrive. A session that must still set up its
 * second factor lands here and sees only that.
 */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  if (!me.data) return <Loading />;
  const user = me.data;
  return (
    <div className="dsp-narrow">
      <PageHeading>{t('account.title')}</PageHeading>
      {user.enrolmentOnly ? <Paragraph className="dsp-lead">{t('account.enrolFirst')}</Paragraph> : null}
      <section aria-labelledby="totp-heading" className="dsp-section">
        <Heading2 id="totp-heading">{t('account.totpHeading')}</Heading2>
        <TotpEnrolment me={user} onDone={() => navigate(homePathFor({ ...user, enrolmentOnly: false }), { replace: true })} />
      </section>
      {user.enrolmentOnly ? null : (
        <section aria-labelledby="password-heading" className="dsp-section">
          <Heading2 id="password-heading">{t('account.passwordHeading')}</Heading2>
          <Paragraph>{t('account.passwordIntro')}</Paragraph>
          <ChangePasswordForm />
        </section>
      )}
      {user.enrolmentOnly ? null : (
        <section aria-labelledby="preferences-heading" className="dsp-section">
          <Heading2 id="preferences-heading">{t('preferences.heading')}</Heading2>
          <Paragraph>{t('preferences.intro')}</Paragraph>
          <PreferencesForm />
        </section>
      )}
    </div>
  );
}
