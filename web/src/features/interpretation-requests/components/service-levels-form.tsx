import type { ServiceLevelTargets } from '@duidingspool/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShortField } from '../../../components/form-field.tsx';
import { FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { useServiceLevels, useUpdateServiceLevels } from '../api/service-levels.ts';

type Field = keyof ServiceLevelTargets;
const FIELDS: Field[] = ['triageWorkingDays', 'triageUrgentWorkingHours', 'proposalAnswerWorkingDays', 'adviceWorkingDays'];
const FIELD_IDS = Object.fromEntries(FIELDS.map((f) => [f, `sla-${f}`])) as Record<Field, string>;

/** “Servicenormen” (coordinator, decision 102): the four targets in whole working days or hours; the server checks the bounds. */
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
  const [values, setValues] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map((f) => [f, String(initial[f])])) as Record<Field, string>);
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`serviceLevels.fields.${f}`)])) as Record<Field, string>;
  const form = useProblemForm(FIELD_IDS, labels);
  const submit = () => {
    form.begin();
    const found: Partial<Record<Field, string>> = {};
    for (const f of FIELDS) if (!/^[0-9]{1,3}$/.test(values[f].trim())) found[f] = t('serviceLevels.wholeNumber');
    if (!form.check(found)) return;
    const n = (f: Field) => Number(values[f].trim());
    const body: ServiceLevelTargets = {
      triageWorkingDays: n('triageWorkingDays'),
      triageUrgentWorkingHours: n('triageUrgentWorkingHours'),
      proposalAnswerWorkingDays: n('proposalAnswerWorkingDays'),
      adviceWorkingDays: n('adviceWorkingDays'),
    };
    save.mutate(body, { onSuccess: () => form.succeed(t('serviceLevels.saved')), onError: (error) => form.fail(error, fieldsOrMessage) });
  };
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('serviceLevels.submit')} pending={save.isPending} headingLevel={3}>
      <div className="dsp-form-row">
        {FIELDS.map((f) => (
          <ShortField key={f} {...form.field(f)} inputMode="numeric" value={values[f]} onChange={(v) => setValues((old) => ({ ...old, [f]: v }))} />
        ))}
      </div>
    </FormFrame>
  );
}
