import type { CaseTable } from '@duidingspool/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/choice-group.tsx';
import { SelectField } from '../../../components/form-field.tsx';
import { FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { useSpecialists } from '../api/get-specialists.ts';
import { usePutStandingSpecialists, useStandingSpecialists } from '../api/standing.ts';

type Field = 'caseTable' | 'specialistIds';
const FIELD_IDS: Record<Field, string> = { caseTable: 'standing-caseTable', specialistIds: 'standing-specialistIds' };

/**
 * “Vaste specialisten per casustafel” (coordinator, decision 101): choose a casustafel and tick its
 * standing specialists; they rank first in the suggestions for its requests when they fit.
 */
export function StandingSpecialistsPanel({ caseTables }: { caseTables: readonly CaseTable[] }) {
  const { t } = useTranslation();
  const [caseTableId, setCaseTableId] = useState('');
  return (
    <section aria-labelledby="standing-heading" className="dsp-section dsp-panel">
      <Heading2 id="standing-heading">{t('standing.heading')}</Heading2>
      <Paragraph>{t('standing.intro')}</Paragraph>
      <SelectField
        id={FIELD_IDS.caseTable}
        label={t('standing.caseTable')}
        value={caseTableId}
        onChange={setCaseTableId}
        options={caseTables.map((c) => ({ value: c.id, label: c.name }))}
        placeholder={t('standing.chooseCaseTable')}
      />
      {caseTableId ? <StandingForm key={caseTableId} caseTableId={caseTableId} /> : null}
    </section>
  );
}

function StandingForm({ caseTableId }: { caseTableId: string }) {
  const { t } = useTranslation();
  const standing = useStandingSpecialists(caseTableId);
  const pool = useSpecialists({ pageSize: 100 });
  const save = usePutStandingSpecialists(caseTableId);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const labels: Record<Field, string> = { caseTable: t('standing.caseTable'), specialistIds: t('standing.specialists') };
  const form = useProblemForm(FIELD_IDS, labels);
  useEffect(() => {
    if (standing.data && chosen === null) setChosen(standing.data.items.map((i) => i.specialistId));
  }, [standing.data, chosen]);
  if (!standing.isSuccess) return <QueryFallback query={standing} />;
  if (!pool.isSuccess) return <QueryFallback query={pool} />;
  // Only specialists this coordinator may assign (never themselves): a standing specialist ranks first.
  const options = pool.data.items.filter((s) => s.allowedActions.includes('assign')).map((s) => ({ value: s.id, label: s.displayName }));
  const submit = () => {
    form.begin();
    save.mutate(
      { specialistIds: chosen ?? [] },
      {
        onSuccess: (list) => form.succeed(t('standing.saved', { count: list.items.length })),
        onError: (error) => form.fail(error, fieldsOrMessage),
      },
    );
  };
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('standing.submit')} pending={save.isPending} headingLevel={3}>
      <CheckboxGroup
        id={FIELD_IDS.specialistIds}
        legend={t('standing.specialists')}
        options={options}
        value={chosen ?? []}
        onChange={setChosen}
        error={form.errors.specialistIds}
      />
    </FormFrame>
  );
}
