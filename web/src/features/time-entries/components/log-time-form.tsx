import { isIsoDate, LogTimeBodySchema, REQUEST_TYPE_RULES, type RequestType, rangeOf, workDateProblem } from '@duidingspool/shared';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, ShortField, TextareaField, TextField } from '../../../components/form-field.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { ApiError, isProblem } from '../../../lib/api-client.ts';
import { today } from '../../../lib/dates.ts';
import { formatCents, formatDate, formatMinutes, parseDuration } from '../../../lib/format.ts';
import { useReferenceData } from '../../../lib/reference-data.ts';
import { useLogTime } from '../api/log-time.ts';

type Field = 'workedOn' | 'minutes' | 'activity' | 'description';
const FIELD_IDS: Record<Field, string> = {
  workedOn: 'log-workedOn',
  minutes: 'log-duration',
  activity: 'log-activity',
  description: 'log-description',
};

/**
 * “Uren registreren” on an assignment: date (today by default), duration as `h:mm`, activity and
 * description. The date runs from `hoursFrom` (the request's first submission) through today and
 * not in a closed month (the server's rule, `workDateProblem`); the field says so. Shows
 * `estimate-exceeded`, `no-rate` and `period-closed` answers inline.
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
  const [workedOn, setWorkedOn] = useState(today());
  const [duration, setDuration] = useState('');
  const [activity, setActivity] = useState('');
  const [description, setDescription] = useState('');
  // One key per entry being submitted: a double click sends it twice and the server charges once.
  const idempotencyKey = useRef(crypto.randomUUID());

  // Retired activities take no new hours (the server refuses them); their labels stay for history.
  const activities = (referenceData.data?.activities ?? []).filter((a) => !a.retired && REQUEST_TYPE_RULES[requestType].activities.includes(a.code));
  const english = i18n.language === 'en';
  const chosenActivity = activity || activities[0]?.code || '';
  const labels: Record<Field, string> = {
    workedOn: t('logTime.workedOn'),
    minutes: t('logTime.duration'),
    activity: t('logTime.activity'),
    description: t('logTime.description'),
  };
  const form = useProblemForm(FIELD_IDS, labels);

  const submit = () => {
    form.begin();
    const minutes = parseDuration(duration);
    const e: Partial<Record<Field, string>> = {};
    if (!isIsoDate(workedOn)) e.workedOn = t('form.invalidDate');
    else {
      const problem = workDateProblem(workedOn, hoursFrom, today());
      if (problem === 'future') e.workedOn = t('logTime.dateInFuture');
      if (problem === 'before-request') e.workedOn = t('logTime.dateBeforeRequest', { from: formatDate(hoursFrom) });
    }
    if (minutes === null || minutes < 1) e.minutes = t('logTime.durationInvalid');
    else if (minutes > rangeOf(LogTimeBodySchema.shape.minutes).max) e.minutes = t('logTime.durationTooLong');
    if (!chosenActivity) e.activity = t('form.required');
    if (!description.trim()) e.description = t('form.required');
    else if (hasBlockingPersonalData(description)) e.description = t('personalData.fieldError');
    if (!form.check(e) || minutes === null) return;
    log.mutate(
      { workedOn, minutes, activity: chosenActivity, description: description.trim(), idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (entry) => {
          idempotencyKey.current = crypto.randomUUID();
          form.succeed(
            t('logTime.done', {
              duration: formatMinutes(entry.minutes),
              date: formatDate(entry.workedOn),
              amount: formatCents(entry.amountCents),
            }),
          );
          setDuration('');
          setDescription('');
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
    );
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('logTime.submit')} pending={log.isPending} headingLevel={3}>
      <Paragraph className="dsp-muted">{t('logTime.remainingHint', { duration: formatMinutes(Math.max(0, remainingMinutes)) })}</Paragraph>
      <div className="dsp-form-row">
        <TextField
          {...form.field('workedOn')}
          type="date"
          value={workedOn}
          onChange={setWorkedOn}
          size="small"
          required
          min={hoursFrom}
          max={today()}
          description={t('logTime.workedOnHint', { from: formatDate(hoursFrom) })}
        />
        <ShortField {...form.field('minutes')} description={t('logTime.durationHint')} value={duration} onChange={setDuration} />
        <SelectField
          {...form.field('activity')}
          value={chosenActivity}
          onChange={setActivity}
          options={activities.map((a) => ({ value: a.code, label: english ? a.nameEn : a.nameNl }))}
          required
        />
      </div>
      <TextareaField
        {...form.field('description')}
        description={t('logTime.descriptionHint')}
        value={description}
        onChange={setDescription}
        rows={3}
        required
        checkPersonalData
      />
      {referenceData.isError ? (
        <Alert type="error">
          <Paragraph>{errorMessage(referenceData.error)}</Paragraph>
        </Alert>
      ) : null}
    </FormFrame>
  );
}
