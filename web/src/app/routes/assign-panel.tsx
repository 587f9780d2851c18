import type { InterpretationRequest } from '@duidingspool/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/query-view.tsx';
import { AssignSpecialistForm } from '../../features/assignments/components/assign-specialist-form.tsx';
import { useBudgets } from '../../features/budgets/api/get-budgets.ts';
import { useSpecialists } from '../../features/specialists/api/get-specialists.ts';
import { SpecialistPicker, specialistRadioId } from '../../features/specialists/components/specialist-picker.tsx';
import { currentYear } from '../../lib/dates.ts';

/**
 * “Specialist toewijzen” (coordinator, request submitted): choose a specialist, filtered by the
 * request's expertise areas, and an estimate; shows the reservation against the available budget.
 */
export function AssignPanel({ request, onAssigned }: { request: InterpretationRequest; onAssigned: (message: string) => void }) {
  const { t } = useTranslation();
  // Assignability is answered for the request's meeting date (today when it has none or it passed).
  const specialists = useSpecialists({ pageSize: 100, meetingDate: request.meetingDate ?? undefined });
  const budgets = useBudgets();
  const [showAll, setShowAll] = useState(false);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const year = currentYear();
  const budget = budgets.data?.items.find((b) => b.year === year);
  // Only specialists the server lets this coordinator assign (never themselves, docs/design.md §2).
  const list = (specialists.data?.items ?? []).filter((s) => s.allowedActions.includes('assign'));
  const selected = list.find((s) => s.id === selectedId);

  return (
    <section aria-labelledby="assign-heading" className="dsp-section dsp-panel">
      <Heading2 id="assign-heading">{t('assign.heading')}</Heading2>
      <Paragraph>{t('assign.intro')}</Paragraph>
      <QueryView query={specialists}>
        {() => (
          <SpecialistPicker
            specialists={list}
            expertiseAreaCodes={request.expertiseAreaCodes}
            showAll={showAll}
            onShowAllChange={setShowAll}
            selectedId={selectedId}
            onSelect={(id) => {
              setSelectedId(id);
              setChoiceError(undefined);
            }}
            error={choiceError}
          />
        )}
      </QueryView>
      <AssignSpecialistForm
        requestId={request.id}
        specialist={selected}
        availableCents={budget?.availableCents}
        budgetYear={year}
        onMissingSpecialist={() => {
          setChoiceError(t('assign.chooseFirst'));
          const first = document.querySelector<HTMLInputElement>('input[name="specialist"]:not([disabled])');
          if (first) first.focus();
          else document.getElementById(specialistRadioId(''))?.focus();
        }}
        onAssigned={(message) => {
          setSelectedId(undefined);
          onAssigned(message);
        }}
      />
    </section>
  );
}
