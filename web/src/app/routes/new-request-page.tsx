import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { NewRequestForm } from '../../features/interpretation-requests/components/new-request-form.tsx';

/** “Nieuw verzoek” (or a follow-up of an earlier request; the form introduces each request type itself): after saving, the user lands on the request with a status message. */
export function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // “Vervolgvraag stellen” on an earlier request opens this page with `?vervolgOp=<id>`.
  const followUpOfId = useSearchParams()[0].get('vervolgOp') ?? undefined;
  return (
    <>
      <PageHeading>{t('newRequest.title')}</PageHeading>
      {followUpOfId ? <Paragraph>{t('followUp.newIntro')}</Paragraph> : null}
      <NewRequestForm
        followUpOfId={followUpOfId}
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
