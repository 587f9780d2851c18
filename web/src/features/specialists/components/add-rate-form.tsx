import { isIsoDate, MAX_RATE_CENTS } from '@duidingspool/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountField, TextField } from '../../../components/form-field.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { isolate } from '../../../lib/bidi.ts';
import { today } from '../../../lib/dates.ts';
import { formatCents, formatDate } from '../../../lib/format.ts';
import { parseEuros } from '../../../lib/parse-input.ts';
import { useAddRate } from '../api/add-rate.ts';

type Field = 'rateCents' | 'validFrom';
const FIELD_IDS: Record<Field, string> = { rateCents: 'rate-amount', validFrom: 'rate-validFrom' };

/**
 * “Nieuw tarief”: an hourly rate in euros (`125,00`, sent as cents) valid from a date. A 400 or 409
 * answer (e.g. a rate from that date exists) is shown in the error summary.
 */
export function AddRateForm({ specialistId, name }: { specialistId: string; name: string }) {
  const { t } = useTranslation();
  const add = useAddRate(specialistId);
  const [amount, setAmount] = useState('');
  const [validFrom, setValidFrom] = useState(today());
  const labels: Record<Field, string> = { rateCents: t('rates.amount'), validFrom: t('rates.validFrom') };
  const form = useProblemForm(FIELD_IDS, labels);

  const submit = () => {
    form.begin();
    const rateCents = parseEuros(amount);
    const e: Partial<Record<Field, string>> = {};
    if (!amount.trim()) e.rateCents = t('form.required');
    else if (rateCents === null) e.rateCents = t('rates.amountInvalid');
    else if (rateCents < 1 || rateCents > MAX_RATE_CENTS) e.rateCents = t('rates.amountRange', { max: formatCents(MAX_RATE_CENTS) });
    if (!isIsoDate(validFrom)) e.validFrom = t('form.invalidDate');
    if (!form.check(e) || rateCents === null) return;
    add.mutate(
      { rateCents, validFrom },
      {
        onSuccess: (rate) => {
          form.succeed(t('rates.added', { name: isolate(name), amount: formatCents(rate.rateCents), date: formatDate(rate.validFrom) }));
          setAmount('');
        },
        onError: (error) =>
          form.fail(error, (_, fieldErrors, message) => {
            // 409 `conflict`: a rate from this date exists; point at the date field as well.
            if (isProblem(error, 'conflict')) fieldErrors.validFrom ??= t('rates.conflict', { date: formatDate(validFrom) });
            return message;
          }),
      },
    );
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('rates.submit')} pending={add.isPending} headingLevel={3}>
      <Paragraph className="dsp-muted">{t('rates.formIntro')}</Paragraph>
      <div className="dsp-form-row">
        <AmountField {...form.field('rateCents')} description={t('rates.amountHint')} value={amount} onChange={setAmount} />
        <TextField {...form.field('validFrom')} type="date" value={validFrom} onChange={setValidFrom} size="small" required />
      </div>
    </FormFrame>
  );
}
