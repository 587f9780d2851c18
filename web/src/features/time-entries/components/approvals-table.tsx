import { maxLengthOf, ReviewTimeEntryBodySchema, type TimeEntry } from '@duidingspool/shared';
import { Button, Checkbox, FormLabel, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { DecisionControls } from '../../../components/decision-controls.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { PagedList } from '../../../components/query-view.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { focusPageHeading } from '../../../lib/focus.ts';
import { formatCents, formatDate, formatMinutes } from '../../../lib/format.ts';
import { usePaging } from '../../../lib/page-query.ts';
import { useReferenceLabels } from '../../../lib/reference-data.ts';
import { useTimeEntries } from '../api/get-time-entries.ts';
import { useReviewTimeEntries } from '../api/review-time-entries.ts';
import { useReviewTimeEntry } from '../api/review-time-entry.ts';
import { WithdrawEntry } from './time-entry-table.tsx';

const PAGE_SIZE = 25;

function ReviewControls({ entry, onReviewed }: { entry: TimeEntry; onReviewed: (message: string) => void }) {
  const { t } = useTranslation();
  const review = useReviewTimeEntry();
  const context = (
    <VisuallyHidden>
      {' '}
      {t('approvals.rowContext', { name: isolate(entry.specialistName), date: formatDate(entry.workedOn), reference: entry.requestReference })}
    </VisuallyHidden>
  );
  const describe = `${entry.requestReference}, ${isolate(entry.specialistName)}, ${formatDate(entry.workedOn)}`;
  return (
    <DecisionControls
      id={`reject-reason-${entry.id}`}
      labels={{
        accept: t('approvals.approve'),
        refuse: t('approvals.reject'),
        reason: t('approvals.reasonLabel'),
        confirmRefuse: t('approvals.confirmReject'),
        reasonRequired: t('approvals.reasonRequired'),
      }}
      context={context}
      pending={review.isPending}
      reasonMaxLength={maxLengthOf(ReviewTimeEntryBodySchema.shape.reason)}
      mutationError={review.isError ? review.error : null}
      onAccept={() =>
        review.mutate({ id: entry.id, body: { status: 'approved' } }, { onSuccess: () => onReviewed(t('approvals.approvedMessage', { entry: describe })) })
      }
      onRefuse={(reason) =>
        review.mutate(
          { id: entry.id, body: { status: 'rejected', reason } },
          { onSuccess: () => onReviewed(t('approvals.rejectedMessage', { entry: describe })) },
        )
      }
    />
  );
}

/**
 * The coordinator's “Uren goedkeuren”: submitted entries with date, specialist, reference,
 * activity, duration, rate and amount; approve, or reject with a reason, per row, or tick rows and
 * approve them together (`POST /time-entry-reviews`, all or nothing). Only rows whose
 * `allowedActions` allow it get the controls: the coordinator's own hours are reviewed by another.
 */
export function ApprovalsTable() {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const errorMessage = useErrorMessage();
  const paging = usePaging();
  const [message, setMessage] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkError, setBulkError] = useState<string | null>(null);
  const query = useTimeEntries({ page: paging.page, pageSize: PAGE_SIZE, status: 'submitted' });
  const bulk = useReviewTimeEntries();
  const visibleIds = query.data?.items.map((e) => e.id) ?? [];
  const visibleKey = visibleIds.join(',');

  // Keep only rows that are still on screen (reviewed rows disappear, another page shows others).
  useEffect(() => {
    const visible = visibleKey ? visibleKey.split(',') : [];
    setSelected((current) => {
      const kept = current.filter((id) => visible.includes(id));
      return kept.length === current.length ? current : kept;
    });
  }, [visibleKey]);

  // Only entries the server lets this user decide on can be ticked (not their own, docs/design.md §2).
  const decidableIds = query.data?.items.filter((e) => e.allowedActions.includes('approve')).map((e) => e.id) ?? [];
  const allSelected = decidableIds.length > 0 && decidableIds.every((id) => selected.includes(id));
  const toggle = (id: string, on: boolean) => setSelected((current) => (on ? [...current, id] : current.filter((x) => x !== id)));
  const approveSelected = () => {
    setBulkError(null);
    if (selected.length === 0) {
      setBulkError(t('approvals.bulk.noneSelected'));
      return;
    }
    bulk.mutate(
      { entryIds: selected, status: 'approved' },
      {
        onSuccess: (result) => {
          setSelected([]);
          setMessage(t('approvals.bulk.done', { count: result.reviewed, amount: formatCents(result.amountCents) }));
          focusPageHeading();
        },
        onError: (e) => setBulkError(errorMessage(e)),
      },
    );
  };

  return (
    <PagedList status={message} query={query} {...paging} paginationLabel={t('approvals.paginationLabel')} empty={t('approvals.empty')}>
      {(items) => (
        <>
          <div className="dsp-toolbar">
            <Button appearance="primary-action-button" onClick={approveSelected} disabled={bulk.isPending} aria-describedby="bulk-count">
              {t('approvals.bulk.approve')}
            </Button>
            <Paragraph id="bulk-count" className="dsp-muted" aria-live="polite">
              {t('approvals.bulk.count', { count: selected.length })}
            </Paragraph>
          </div>
          {bulkError ? (
            <Paragraph className="dsp-error-text" role="alert">
              {bulkError}
            </Paragraph>
          ) : null}
          <DataTable
            caption={t('approvals.caption')}
            columns={[
              <>
                <Checkbox
                  id="approvals-select-all"
                  checked={allSelected}
                  disabled={decidableIds.length === 0}
                  onChange={(ev) => setSelected(ev.target.checked ? decidableIds : [])}
                />
                <FormLabel htmlFor="approvals-select-all" className="dsp-visually-hidden">
                  {t('approvals.bulk.selectAll')}
                </FormLabel>
              </>,
              t('timeEntries.columns.date'),
              t('timeEntries.columns.specialist'),
              t('requests.columns.reference'),
              t('timeEntries.columns.activity'),
              t('timeEntries.columns.duration'),
              t('timeEntries.columns.rate'),
              { label: t('timeEntries.columns.amount'), className: 'dsp-num' },
              t('common.actions'),
            ]}
          >
            {items.map((e) => (
              <TableRow key={e.id}>
                <TableCell>
                  {e.allowedActions.includes('approve') ? (
                    <>
                      <Checkbox id={`approve-${e.id}`} checked={selected.includes(e.id)} onChange={(ev) => toggle(e.id, ev.target.checked)} />
                      <FormLabel htmlFor={`approve-${e.id}`} className="dsp-visually-hidden">
                        {t('approvals.bulk.select', {
                          entry: `${e.requestReference}, ${isolate(e.specialistName)}, ${formatDate(e.workedOn)}, ${formatMinutes(e.minutes)}`,
                        })}
                      </FormLabel>
                    </>
                  ) : null}
                </TableCell>
                <TableCell className="dsp-nowrap">{formatDate(e.workedOn)}</TableCell>
                <TableCell>
                  <bdi>{e.specialistName}</bdi>
                </TableCell>
                <TableCell className="dsp-nowrap">
                  <AppLink to={`/requests/${e.requestId}`}>{e.requestReference}</AppLink>
                </TableCell>
                <TableCell>
                  {labels.activity(e.activity)}
                  {e.description ? <bdi className="dsp-cell-note">{e.description}</bdi> : null}
                </TableCell>
                <TableCell className="dsp-nowrap">{formatMinutes(e.minutes)}</TableCell>
                <TableCell className="dsp-nowrap">{t('format.perHour', { amount: formatCents(e.rateCents) })}</TableCell>
                <TableCell className="dsp-num dsp-nowrap">{formatCents(e.amountCents)}</TableCell>
                <TableCell>
                  {e.allowedActions.includes('approve') ? (
                    <ReviewControls
                      entry={e}
                      onReviewed={(text) => {
                        setMessage(text);
                        focusPageHeading();
                      }}
                    />
                  ) : (
                    <>
                      <span className="dsp-muted">{t(e.correctsEntryId === null ? 'approvals.ownWork' : 'approvals.ownCorrection')}</span>{' '}
                      <WithdrawEntry
                        entry={e}
                        onWithdrawn={(text) => {
                          setMessage(text);
                          focusPageHeading();
                        }}
                      />
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        </>
      )}
    </PagedList>
  );
}
