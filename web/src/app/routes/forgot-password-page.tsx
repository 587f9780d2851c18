import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/app-link.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ForgotPasswordForm } from '../../features/account/components/forgot-password-form.tsx';

/** “Wachtwoord vergeten”: asks for a reset link by e-mail. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <div className="dsp-narrow">
      <PageHeading>{t('account.forgotTitle')}</PageHeading>
      <Paragraph>{t('account.forgotIntro')}</Paragraph>
      <ForgotPasswordForm />
      <Paragraph>
        <AppLink to="/login">{t('account.toLogin')}</AppLink>
      </Paragraph>
    </div>
  );
}
