import { CreateRateBodySchema, isoDateToInput } from '@duidingspool/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { isolate } from '../../../lib/bidi.ts';
import { today } from '../../../lib/dates.ts';
import { amountInput, dateInput } from '../../../lib/form-inputs.ts';
import { formatCents, formatDate } from '../../../lib/format.ts';
import { useAddRate } from '../api/add-rate.ts';

/**
 * “Nieuw tarief”: an hourly rate in euros (`1.234,56`, sent as cents, within the range of
 * `CreateRateBodySchema`) valid from a date (`dd-mm-jjjj`). A 400 or 409 answer (e.g. a rate from
 * that date exists) is shown in the error summary.
 */
export function AddRateForm({ specialistId, name }: { specialistId: string; name: string }) {
  const { t } = useTranslation();
  const add = useAddRate(specialistId);
  const schema = useMemo(
    () => z.object({ rateCents: amountInput(CreateRateBodySchema.shape.rateCents, t), validFrom: dateInput(CreateRateBodySchema.shape.validFrom, t) }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { rateCents: '', validFrom: isoDateToInput(today()) },
    ids: { rateCents: 'rate-amount', validFrom: 'rate-validFrom' },
    labels: { rateCents: t('rates.amount'), validFrom: t('rates.validFrom') },
  });

  const submit = form.submit((body) =>
    add.mutate(body, {
      onSuccess: (rate) => {
        form.succeed(t('rates.added', { name: isolate(name), amount: formatCents(rate.rateCents), date: formatDate(rate.validFrom) }));
        form.rhf.reset({ ...form.rhf.getValues(), rateCents: '' });
      },
      onError: (error) =>
        form.fail(error, (_, fieldErrors, message) => {
          // 409 `conflict`: a rate from this date exists; point at the date field as well.
          if (isProblem(error, 'conflict')) fieldErrors.validFrom ??= t('rates.conflict', { date: formatDate(body.validFrom) });
          return message;
        }),
    }),
  );

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('rates.submit')} pending={add.isPending} headingLevel={3}>
      <Paragraph className="dsp-muted">{t('rates.formIntro')}</Paragraph>
      <div className="dsp-form-row">
        <Field form={form} name="rateCents" kind="amount" required />
        <Field form={form} name="validFrom" kind="date" required />
      </div>
    </FormFrame>
  );
}
