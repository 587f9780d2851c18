import { type ServiceLevelTargets, ServiceLevelTargetsSchema } from '@duidingspool/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { wholeNumberHint, wholeNumberInput } from '../../../lib/form-inputs.ts';
import { useServiceLevels, useUpdateServiceLevels } from '../api/service-levels.ts';

type Target = keyof ServiceLevelTargets;
const FIELDS: Target[] = ['triageWorkingDays', 'triageUrgentWorkingHours', 'proposalAnswerWorkingDays', 'adviceWorkingDays'];
const FIELD_IDS = Object.fromEntries(FIELDS.map((f) => [f, `sla-${f}`])) as Record<Target, string>;

/** “Servicenormen” (coordinator, decision 102): the four targets in whole working days or hours, their bounds from `ServiceLevelTargetsSchema` (shown as hints). */
export function ServiceLevelsForm() {
  const { t } = useTranslation();
  const current = useServiceLevels();
  return (
    <section aria-labelledby="sla-heading" className="dsp-section dsp-panel">
      <Heading2 id="sla-heading">{t('serviceLevels.heading')}</Heading2>
      <Paragraph>{t('serviceLevels.intro')}</Paragraph>
      {current.isSuccess ? <TargetsForm initial={current.data} /> : <QueryFallback query={current} />}
    </section>
  );
}

function TargetsForm({ initial }: { initial: ServiceLevelTargets }) {
  const { t } = useTranslation();
  const save = useUpdateServiceLevels();
  const schema = useMemo(
    () =>
      z.object({
        triageWorkingDays: wholeNumberInput(ServiceLevelTargetsSchema.shape.triageWorkingDays, t),
        triageUrgentWorkingHours: wholeNumberInput(ServiceLevelTargetsSchema.shape.triageUrgentWorkingHours, t),
        proposalAnswerWorkingDays: wholeNumberInput(ServiceLevelTargetsSchema.shape.proposalAnswerWorkingDays, t),
        adviceWorkingDays: wholeNumberInput(ServiceLevelTargetsSchema.shape.adviceWorkingDays, t),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: Object.fromEntries(FIELDS.map((f) => [f, String(initial[f])])) as Record<Target, string>,
    ids: FIELD_IDS,
    labels: Object.fromEntries(FIELDS.map((f) => [f, t(`serviceLevels.fields.${f}`)])) as Record<Target, string>,
  });
  const submit = form.submit((body) =>
    save.mutate(body, { onSuccess: () => form.succeed(t('serviceLevels.saved')), onError: (error) => form.fail(error, fieldsOrMessage) }),
  );
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('serviceLevels.submit')} pending={save.isPending} headingLevel={3}>
      <div className="dsp-form-row">
        {FIELDS.map((f) => (
          <Field
            key={f}
            form={form}
            name={f}
            hint={wholeNumberHint(ServiceLevelTargetsSchema.shape[f], t)}
            inputMode="numeric"
            size="small"
            autoComplete="off"
            required
          />
        ))}
      </div>
    </FormFrame>
  );
}
