import { isoDateToInput, LogTimeBodySchema, REQUEST_TYPE_RULES, type RequestType, rangeOf, workDateProblem } from '@duidingspool/shared';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { ApiError, isProblem } from '../../../lib/api-client.ts';
import { today } from '../../../lib/dates.ts';
import { dateInput, durationInput, requiredChoice, textInput } from '../../../lib/form-inputs.ts';
import { formatCents, formatDate, formatMinutes } from '../../../lib/format.ts';
import { useReferenceData } from '../../../lib/reference-data.ts';
import { useLogTime } from '../api/log-time.ts';

const shape = LogTimeBodySchema.shape;

/**
 * “Uren registreren” on an assignment: date (`dd-mm-jjjj`, today by default), duration (`4:30`,
 * `4,5` or `4`), activity and description. The date runs from `hoursFrom` (the request's first
 * submission) through today and not in a closed month (the server's rule, `workDateProblem`); the
 * field says so. Shows `estimate-exceeded`, `no-rate` and `period-closed` answers in the summary.
 */
export function LogTimeForm({
  assignmentId,
  remainingMinutes,
  hoursFrom,
  requestType = 'case-interpretation',
}: {
  assignmentId: string;
  remainingMinutes: number;
  hoursFrom: string;
  /** The request's type: only its activity codes are offered (`REQUEST_TYPE_RULES`, decision 095). */
  requestType?: RequestType;
}) {
  const { t, i18n } = useTranslation();
  const referenceData = useReferenceData();
  const log = useLogTime(assignmentId);
  const errorMessage = useErrorMessage();
  // One key per entry being submitted: a double click sends it twice and the server charges once.
  const idempotencyKey = useRef(crypto.randomUUID());
  // Retired activities take no new hours (the server refuses them); their labels stay for history.
  const activities = (referenceData.data?.activities ?? []).filter((a) => !a.retired && REQUEST_TYPE_RULES[requestType].activities.includes(a.code));
  const english = i18n.language === 'en';
  const schema = useMemo(
    () =>
      z.object({
        workedOn: dateInput(shape.workedOn, t).superRefine((workedOn, ctx) => {
          const problem = workDateProblem(workedOn, hoursFrom, today());
          const text =
            problem === 'future'
              ? t('logTime.dateInFuture')
              : problem === 'before-request'
                ? t('logTime.dateBeforeRequest', { from: formatDate(hoursFrom) })
                : null;
          if (text) ctx.addIssue({ code: 'custom', message: text, params: { text } });
        }),
        minutes: durationInput(shape.minutes, t),
        activity: requiredChoice(t).pipe(shape.activity),
        description: textInput(shape.description, t, { personalData: true }),
      }),
    [t, hoursFrom],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { workedOn: isoDateToInput(today()), minutes: '', activity: '', description: '' },
    ids: { workedOn: 'log-workedOn', minutes: 'log-duration', activity: 'log-activity', description: 'log-description' },
    labels: { workedOn: t('logTime.workedOn'), minutes: t('logTime.duration'), activity: t('logTime.activity'), description: t('logTime.description') },
  });
  const firstActivity = activities[0]?.code;
  const { getValues, setValue } = form.rhf;
  // The first activity is chosen once the reference data is in.
  useEffect(() => {
    if (firstActivity && !getValues('activity')) setValue('activity', firstActivity);
  }, [firstActivity, getValues, setValue]);

  const submit = form.submit((body) =>
    log.mutate(
      { ...body, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (entry) => {
          idempotencyKey.current = crypto.randomUUID();
          form.succeed(t('logTime.done', { duration: formatMinutes(entry.minutes), date: formatDate(entry.workedOn), amount: formatCents(entry.amountCents) }));
          form.rhf.reset({ ...form.rhf.getValues(), minutes: '', description: '' });
        },
        onError: (error) => {
          // The server answered: the next submit is a new attempt. (After a network error the same key retries safely.)
          if (error instanceof ApiError) idempotencyKey.current = crypto.randomUUID();
          form.fail(error, (_, __, message) =>
            isProblem(error, 'estimate-exceeded') && error.problem.remainingMinutes !== undefined
              ? `${message} ${t('logTime.remaining', { duration: formatMinutes(error.problem.remainingMinutes) })}`
              : message,
          );
        },
      },
    ),
  );

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('logTime.submit')} pending={log.isPending} headingLevel={3}>
      <Paragraph className="dsp-muted">{t('logTime.remainingHint', { duration: formatMinutes(Math.max(0, remainingMinutes)) })}</Paragraph>
      <div className="dsp-form-row">
        <Field form={form} name="workedOn" kind="date" required hint={t('logTime.workedOnHint', { from: formatDate(hoursFrom) })} />
        <Field form={form} name="minutes" kind="duration" required />
        <Field form={form} name="activity" kind="select" options={activities.map((a) => ({ value: a.code, label: english ? a.nameEn : a.nameNl }))} required />
      </div>
      <Field form={form} name="description" kind="textarea" hint={t('logTime.descriptionHint')} rows={3} required checkPersonalData />
      {referenceData.isError ? (
        <Alert type="error">
          <Paragraph>{errorMessage(referenceData.error)}</Paragraph>
        </Alert>
      ) : null}
    </FormFrame>
  );
}
