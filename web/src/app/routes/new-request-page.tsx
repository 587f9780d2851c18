import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { NewRequestForm } from '../../features/interpretation-requests/components/new-request-form.tsx';

/** “Nieuw verzoek”: after saving, the user lands on the request with a status message. */
export function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeading>{t('newRequest.title')}</PageHeading>
      <Paragraph>{t('newRequest.intro')}</Paragraph>
      <NewRequestForm
        onCreated={(request, submitted) =>
          navigate(`/requests/${request.id}`, {
            state: {
              message: submitted ? t('newRequest.submitted', { reference: request.reference }) : t('newRequest.savedDraft'),
            },
          })
        }
      />
    </>
  );
}
