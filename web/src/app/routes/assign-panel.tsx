import { DEFAULT_PROPOSAL_ESTIMATE_MINUTES, type InterpretationRequest } from '@duidingspool/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useCreateAssignment } from '../../features/assignments/api/create-assignment.ts';
import { AssignSpecialistForm } from '../../features/assignments/components/assign-specialist-form.tsx';
import { useBudgets } from '../../features/budgets/api/get-budgets.ts';
import { useSuggestions } from '../../features/specialists/api/suggestions.ts';
import { SuggestionPicker, suggestionRadioId } from '../../features/specialists/components/suggestion-picker.tsx';
import { isolate } from '../../lib/bidi.ts';
import { currentYear } from '../../lib/dates.ts';
import { formatCents } from '../../lib/format.ts';

/**
 * “Specialist toewijzen” (coordinator, request submitted): the ranked suggestions with their
 * reasons and who is left out (decision 100), and an estimate; shows the reservation against the
 * available budget. Choosing another than the top suggestion asks why; a standing specialist who
 * ranks first is proposed with one click at the default estimate (decision 101).
 */
export function AssignPanel({ request, onAssigned }: { request: InterpretationRequest; onAssigned: (message: string) => void }) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(request.id);
  const budgets = useBudgets();
  const propose = useCreateAssignment(request.id, (a) => {
    setSelectedId(undefined);
    onAssigned(t('assign.done', { name: isolate(a.specialistName), amount: formatCents(a.reservedCents ?? 0) }));
  });
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const year = currentYear();
  const budget = budgets.data?.items.find((b) => b.year === year);
  // Only specialists the server lets this coordinator assign (never themselves, docs/design.md §2).
  const list = (suggestions.data?.suggestions ?? []).filter((s) => s.allowedActions.includes('assign'));
  const top = list[0];
  const chosen = list.find((s) => s.specialistId === selectedId);
  const selected = chosen ? { id: chosen.specialistId, displayName: chosen.displayName, currentRateCents: chosen.currentRateCents } : undefined;

  return (
    <section aria-labelledby="assign-heading" className="dsp-section dsp-panel">
      <Heading2 id="assign-heading">{t('assign.heading')}</Heading2>
      <Paragraph>{t('match.intro')}</Paragraph>
      {propose.isError ? <ProblemAlert error={propose.error} /> : null}
      <QueryView query={suggestions}>
        {(data) => (
          <SuggestionPicker
            list={data}
            selectedId={selectedId}
            onSelect={(id) => {
              setSelectedId(id);
              setChoiceError(undefined);
            }}
            proposing={propose.isPending}
            onPropose={(id) => propose.mutate({ specialistId: id, estimatedMinutes: DEFAULT_PROPOSAL_ESTIMATE_MINUTES })}
            error={choiceError}
          />
        )}
      </QueryView>
      <AssignSpecialistForm
        requestId={request.id}
        specialist={selected}
        overrideNeeded={selected !== undefined && top !== undefined && selected.id !== top.specialistId}
        availableCents={budget?.lines.find((l) => l.isDefault)?.availableCents ?? budget?.availableCents}
        budgetYear={year}
        lines={budget?.lines}
        onMissingSpecialist={() => {
          setChoiceError(t('assign.chooseFirst'));
          const first = document.querySelector<HTMLInputElement>('input[name="specialist"]:not([disabled])');
          if (first) first.focus();
          else document.getElementById(suggestionRadioId(''))?.focus();
        }}
        onAssigned={(message) => {
          setSelectedId(undefined);
          onAssigned(message);
        }}
      />
    </section>
  );
}
