import { isIsoDate, MAX_RATE_CENTS } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { isolate } from '../../../lib/bidi.ts';
import { today } from '../../../lib/dates.ts';
import { serverFieldErrors, summaryOf } from '../../../lib/form-errors.ts';
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
  const errorMessage = useErrorMessage();
  const [amount, setAmount] = useState('');
  const [validFrom, setValidFrom] = useState(today());
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const labels: Record<Field, string> = { rateCents: t('rates.amount'), validFrom: t('rates.validFrom') };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setGeneral(null);
    const rateCents = parseEuros(amount);
    const e: Partial<Record<Field, string>> = {};
    if (!amount.trim()) e.rateCents = t('form.required');
    else if (rateCents === null) e.rateCents = t('rates.amountInvalid');
    else if (rateCents < 1 || rateCents > MAX_RATE_CENTS) e.rateCents = t('rates.amountRange', { max: formatCents(MAX_RATE_CENTS) });
    if (!isIsoDate(validFrom)) e.validFrom = t('form.invalidDate');
    setErrors(e);
    if (Object.keys(e).length > 0 || rateCents === null) {
      setAttempt((a) => a + 1);
      return;
    }
    add.mutate(
      { rateCents, validFrom },
      {
        onSuccess: (rate) => {
          setDone(t('rates.added', { name: isolate(name), amount: formatCents(rate.rateCents), date: formatDate(rate.validFrom) }));
          setAmount('');
        },
        onError: (error) => {
          const fieldErrors = serverFieldErrors(error, FIELD_IDS);
          // 409 `conflict`: a rate from this date exists; point at the date field as well.
          if (isProblem(error, 'conflict')) fieldErrors.validFrom ??= t('rates.conflict', { date: formatDate(validFrom) });
          setErrors(fieldErrors);
          setGeneral(errorMessage(error));
          setAttempt((a) => a + 1);
        },
      },
    );
  };

  const summary: SummaryError[] = summaryOf(FIELD_IDS, labels, errors);

  return (
    <form onSubmit={submit} noValidate className="dsp-form">
      <ErrorSummary errors={summary} general={general} focusKey={attempt} headingLevel={3} />
      <StatusMessage message={done} />
      <Paragraph className="dsp-muted">{t('rates.formIntro')}</Paragraph>
      <div className="dsp-form-row">
        <TextField
          id={FIELD_IDS.rateCents}
          label={labels.rateCents}
          description={t('rates.amountHint')}
          value={amount}
          onChange={setAmount}
          error={errors.rateCents}
          inputMode="decimal"
          autoComplete="off"
          size="small"
          required
        />
        <TextField
          id={FIELD_IDS.validFrom}
          label={labels.validFrom}
          type="date"
          value={validFrom}
          onChange={setValidFrom}
          error={errors.validFrom}
          size="small"
          required
        />
      </div>
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" disabled={add.isPending}>
          {t('rates.submit')}
        </Button>
      </Paragraph>
    </form>
  );
}
