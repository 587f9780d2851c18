import { type CaseTable, PutStandingSpecialistsBodySchema } from '@duidingspool/shared';
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SelectField, type SelectFieldOption } from '../../../components/form-field.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { ChoicesField } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { useSpecialists } from '../api/get-specialists.ts';
import { usePutStandingSpecialists, useStandingSpecialists } from '../api/standing.ts';

const FIELD_IDS = { caseTable: 'standing-caseTable', specialistIds: 'standing-specialistIds' };

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

/** Loads a casustafel's standing specialists and the specialists this coordinator may assign, then shows the form. */
function StandingForm({ caseTableId }: { caseTableId: string }) {
  const { t } = useTranslation();
  const standing = useStandingSpecialists(caseTableId);
  const pool = useSpecialists({ pageSize: 100 });
  if (!standing.isSuccess) return <QueryFallback query={standing} />;
  if (!pool.isSuccess) return <QueryFallback query={pool} />;
  // Only specialists this coordinator may assign (never themselves): a standing specialist ranks first.
  // One who declared a conflict with this casustafel after being linked is marked, to be unticked.
  const conflicted = new Set(standing.data.items.filter((i) => i.conflictOfInterest).map((i) => i.specialistId));
  const options = pool.data.items
    .filter((s) => s.allowedActions.includes('assign'))
    .map((s) => ({ value: s.id, label: conflicted.has(s.id) ? t('standing.conflictLabel', { name: s.displayName }) : s.displayName }));
  return (
    <>
      {conflicted.size > 0 ? (
        <Alert type="warning">
          <Paragraph>{t('standing.conflictNotice', { count: conflicted.size })}</Paragraph>
        </Alert>
      ) : null}
      <StandingChoices caseTableId={caseTableId} chosen={standing.data.items.map((i) => i.specialistId)} options={options} />
    </>
  );
}

/** The ticked standing specialists of one casustafel (at most as many as `PutStandingSpecialistsBodySchema` takes). */
export function StandingChoices({ caseTableId, chosen, options }: { caseTableId: string; chosen: string[]; options: SelectFieldOption[] }) {
  const { t } = useTranslation();
  const save = usePutStandingSpecialists(caseTableId);
  const schema = useMemo(() => z.object({ specialistIds: z.array(z.string()).pipe(PutStandingSpecialistsBodySchema.shape.specialistIds) }), []);
  const form = useSchemaForm({
    schema,
    defaultValues: { specialistIds: chosen },
    ids: { specialistIds: FIELD_IDS.specialistIds },
    labels: { specialistIds: t('standing.specialists') },
  });
  const submit = form.submit((body) =>
    save.mutate(body, {
      onSuccess: (list) => form.succeed(t('standing.saved', { count: list.items.length })),
      onError: (error) => form.fail(error, fieldsOrMessage),
    }),
  );
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('standing.submit')} pending={save.isPending} headingLevel={3}>
      <ChoicesField form={form} name="specialistIds" options={options} />
    </FormFrame>
  );
}
