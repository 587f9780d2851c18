import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { homePathFor } from '../../lib/auth.ts';
import { requestHeadingFocus } from '../../lib/focus.ts';

/** “Inloggen”: after signing in the user lands where they were going, or on their role's home. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return (
    <div className="dsp-narrow">
      <PageHeading>{t('login.title')}</PageHeading>
      <Paragraph>{t('login.intro')}</Paragraph>
      <LoginForm
        onSuccess={(me) => {
          requestHeadingFocus();
          navigate(from && from !== '/login' ? from : homePathFor(me), { replace: true });
        }}
      />
    </div>
  );
}
