import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/app-link.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { SetPasswordForm, tokenFromHash } from '../../features/account/components/set-password-form.tsx';

/** “Wachtwoord instellen” from the link in an invitation or reset mail (`/set-password#token=…`). */
export function SetPasswordPage() {
  const { t } = useTranslation();
  // Read once, then dropped from the address bar so it is not in the history or a screenshot.
  const [token] = useState(() => {
    const found = tokenFromHash(window.location.hash);
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
    return found;
  });
  return (
    <div className="dsp-narrow">
      <PageHeading>{t('account.setPasswordTitle')}</PageHeading>
      {token ? (
        <>
          <Paragraph>{t('account.setPasswordIntro')}</Paragraph>
          <SetPasswordForm token={token} />
        </>
      ) : (
        <>
          <Paragraph>{t('account.linkInvalid')}</Paragraph>
          <Paragraph>
            <AppLink to="/forgot-password">{t('account.requestNewLink')}</AppLink>
          </Paragraph>
        </>
      )}
    </div>
  );
}
