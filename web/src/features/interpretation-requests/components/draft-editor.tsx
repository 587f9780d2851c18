import type { InterpretationRequest } from '@duidingspool/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmAction } from '../../../components/confirm-action.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useDeleteDraft } from '../api/draft.ts';
import { NewRequestForm } from './new-request-form.tsx';

/**
 * A draft on its page, for its casustafel's members: the request form filled with what was saved
 * (“Opslaan als concept” again, or “Indienen”, checked in full), and “Concept verwijderen” after a
 * confirmation. A request waiting for information is edited the same way (“Wijzigingen opslaan” or
 * “Indienen” to resubmit), without deleting. `onSaved` announces the result.
 */
export function DraftEditor({ draft, onSaved }: { draft: InterpretationRequest; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteDraft(draft.id);
  const isDraft = draft.status === 'draft';
  return (
    <section aria-labelledby="draft-heading" className="dsp-section">
      <Heading2 id="draft-heading">{isDraft ? t('drafts.heading') : t('drafts.amendHeading')}</Heading2>
      <Paragraph>{isDraft ? t('drafts.intro') : t('drafts.amendIntro')}</Paragraph>
      <NewRequestForm
        draft={draft}
        onCreated={(request, submitted) => onSaved(submitted ? t('newRequest.submitted', { reference: request.reference }) : t('newRequest.savedDraft'))}
      />
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      {isDraft ? (
        <ConfirmAction
          label={t('drafts.delete')}
          pending={remove.isPending}
          text={{
            question: t('drafts.deleteConfirm.question'),
            consequences: [t('drafts.deleteConfirm.gone'), t('drafts.deleteConfirm.noReference')],
            confirmLabel: t('drafts.deleteConfirm.submit'),
          }}
          onConfirm={() => {
            remove.mutate(undefined, { onSuccess: () => navigate('/requests', { state: { message: t('drafts.deleted') } }) });
            return true;
          }}
        />
      ) : null}
    </section>
  );
}
