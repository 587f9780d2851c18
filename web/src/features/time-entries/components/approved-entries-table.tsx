import { CreateCorrectionBodySchema, type TimeEntry } from '@duidingspool/shared';
import { Button, TableCell, TableRow } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppLink } from '../../../components/app-link.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { PagedList } from '../../../components/query-view.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { focusPageHeading, focusWhenShown } from '../../../lib/focus.ts';
import { parsedBy, requiredTextInput } from '../../../lib/form-inputs.ts';
import { formatCents, formatDate, formatInstant, formatMinutes } from '../../../lib/format.ts';
import { usePaging } from '../../../lib/page-query.ts';
import { parseCorrectionMinutes } from '../../../lib/parse-input.ts';
import { useReferenceLabels } from '../../../lib/reference-data.ts';
import { useCorrectTimeEntry } from '../api/correct-time-entry.ts';
import { useTimeEntries } from '../api/get-time-entries.ts';

const PAGE_SIZE = 25;
const shape = CreateCorrectionBodySchema.shape;

/**
 * “Corrigeren” of one approved entry: the time to take off (`4:30`, `4,5` or `4`, with or without a
 * minus; sent as negative minutes, at most the entry's own) and a required reason, checked by
 * `CreateCorrectionBodySchema`; the server's refusals land on their fields.
 */
export function CorrectionForm({ entry, onDone, onCancel }: { entry: TimeEntry; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const correct = useCorrectTimeEntry();
  const schema = useMemo(
    () =>
      z.object({
        minutes: parsedBy(parseCorrectionMinutes, shape.minutes, t('form.durationInvalid'), t('form.required')).refine((minutes) => -minutes <= entry.minutes, {
          params: { text: t('corrections.minutesTooMany', { duration: formatMinutes(entry.minutes) }) },
        }),
        reason: requiredTextInput(shape.reason, t, { personalData: true }),
      }),
    [t, entry.minutes],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { minutes: '', reason: '' },
    ids: { minutes: `correction-minutes-${entry.id}`, reason: `correction-reason-${entry.id}` },
    labels: { minutes: t('corrections.minutes'), reason: t('corrections.reason') },
  });

  const submit = form.submit((body) =>
    correct.mutate(
      { id: entry.id, body },
      {
        onSuccess: (created) =>
          onDone(
            t('corrections.done', {
              duration: formatMinutes(created.minutes),
              amount: formatCents(created.amountCents),
              entry: `${entry.requestReference}, ${isolate(entry.specialistName)}, ${formatDate(entry.workedOn)}`,
            }),
          ),
        onError: (error) => form.fail(error),
      },
    ),
  );

  return (
    <FormFrame
      frame={form.frame}
      onSubmit={submit}
      submitLabel={t('corrections.submit')}
      pending={correct.isPending}
      headingLevel={3}
      className="dsp-form dsp-inline-form"
      label={t('corrections.formLabel', { entry: entry.requestReference })}
      secondaryAction={
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('common.back')}
        </Button>
      }
    >
      <Field form={form} name="minutes" kind="duration" hint={t('corrections.minutesHint', { duration: formatMinutes(entry.minutes) })} required />
      <Field form={form} name="reason" kind="textarea" rows={2} required checkPersonalData />
    </FormFrame>
  );
}

/**
 * Approved entries for the coordinator, each with “Corrigeren” where the server allows it
 * (`allowedActions`): a correcting entry with negative minutes and a reason. Correcting entries
 * themselves, and the coordinator's own entries, are listed but not offered for correction.
 */
export function ApprovedEntriesTable() {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const paging = usePaging('approvedPage');
  const [message, setMessage] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const query = useTimeEntries({ page: paging.page, pageSize: PAGE_SIZE, status: 'approved' });
  return (
    <PagedList status={message} query={query} {...paging} paginationLabel={t('corrections.paginationLabel')} empty={t('corrections.empty')}>
      {(items) => (
        <DataTable
          caption={t('corrections.caption')}
          columns={[
            t('timeEntries.columns.date'),
            t('timeEntries.columns.specialist'),
            t('requests.columns.reference'),
            t('timeEntries.columns.activity'),
            t('timeEntries.columns.duration'),
            { label: t('timeEntries.columns.amount'), className: 'dsp-num' },
            t('corrections.approvedBy'),
            t('common.actions'),
          ]}
        >
          {items.map((e) => (
            <TableRow key={e.id}>
              <TableCell className="dsp-nowrap">{formatDate(e.workedOn)}</TableCell>
              <TableCell>
                <bdi>{e.specialistName}</bdi>
              </TableCell>
              <TableCell className="dsp-nowrap">
                <AppLink to={`/requests/${e.requestId}`}>{e.requestReference}</AppLink>
              </TableCell>
              <TableCell>
                {labels.activity(e.activity)}
                {e.correctsEntryId ? <span className="dsp-cell-note">{t('corrections.isCorrection')}</span> : null}
                {e.description ? <bdi className="dsp-cell-note">{e.description}</bdi> : null}
              </TableCell>
              <TableCell className="dsp-nowrap">{formatMinutes(e.minutes)}</TableCell>
              <TableCell className="dsp-num dsp-nowrap">{formatCents(e.amountCents)}</TableCell>
              <TableCell>
                {e.reviewerName ? <bdi>{e.reviewerName}</bdi> : t('common.none')}
                {e.reviewedAt ? <span className="dsp-cell-note">{formatInstant(e.reviewedAt)}</span> : null}
              </TableCell>
              <TableCell>
                {!e.allowedActions.includes('correct') ? null : correcting === e.id ? (
                  <CorrectionForm
                    entry={e}
                    onCancel={() => setCorrecting(null)}
                    onDone={(text) => {
                      setCorrecting(null);
                      setMessage(text);
                      focusPageHeading();
                    }}
                  />
                ) : (
                  <Button
                    appearance="secondary-action-button"
                    onClick={() => {
                      setMessage(null);
                      setCorrecting(e.id);
                      focusWhenShown(`correction-minutes-${e.id}`);
                    }}
                  >
                    {t('corrections.action')}
                    <VisuallyHidden>
                      {' '}
                      {t('approvals.rowContext', { name: isolate(e.specialistName), date: formatDate(e.workedOn), reference: e.requestReference })}
                    </VisuallyHidden>
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </PagedList>
  );
}
