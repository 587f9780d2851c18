import { CLOSE_CAUSES_KEEPING_ACCESS } from '@duidingspool/shared';
import { Alert, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/app-link.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { PagedList, QueryFallback } from '../../components/query-view.tsx';
import { AssignmentStatusBadge } from '../../components/status-badge.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { AdviceForm } from '../../features/advice/components/advice-form.tsx';
import { CorrectAdvice } from '../../features/advice/components/correct-advice.tsx';
import { useAssignment } from '../../features/assignments/api/get-assignment.ts';
import { AssignmentResponse } from '../../features/assignments/components/assignment-response.tsx';
import { EndAssignment } from '../../features/assignments/components/end-assignment.tsx';
import { AssignmentExtensions } from '../../features/extension-requests/components/assignment-extensions.tsx';
import { ExtensionRequestForm } from '../../features/extension-requests/components/extension-request-form.tsx';
import { useRequest } from '../../features/interpretation-requests/api/get-request.ts';
import { AdviceView } from '../../features/interpretation-requests/components/advice-view.tsx';
import { RequestContent, RequestFacts, RequestSummary } from '../../features/interpretation-requests/components/request-details.tsx';
import { useAssignmentTimeEntries } from '../../features/time-entries/api/get-assignment-time-entries.ts';
import { LogTimeForm } from '../../features/time-entries/components/log-time-form.tsx';
import { TimeEntryTable } from '../../features/time-entries/components/time-entry-table.tsx';
import { hasRole, isOwnAssignment, useMe } from '../../lib/auth.ts';
import { isolate } from '../../lib/bidi.ts';
import { focusPageHeading } from '../../lib/focus.ts';
import { formatCents, formatMinutes } from '../../lib/format.ts';
import { usePaging } from '../../lib/page-query.ts';
import { SectionBackLink } from '../section-back-link.tsx';

function EntriesSection({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const paging = usePaging();
  const entries = useAssignmentTimeEntries(assignmentId, paging.page);
  const [status, setStatus] = useState<string | undefined>();
  return (
    <section aria-labelledby="entries-heading" className="dsp-section">
      <Heading2 id="entries-heading">{t('timeEntries.heading')}</Heading2>
      <PagedList query={entries} {...paging} paginationLabel={t('timeEntries.paginationLabel')} empty={t('timeEntries.empty')} status={status ?? null}>
        {(items) => <TimeEntryTable entries={items} caption={t('timeEntries.heading')} onWithdrawn={setStatus} />}
      </PagedList>
    </section>
  );
}

/**
 * An assignment as its specialist works on it: accept or decline a proposal, read the question,
 * log hours, see own entries, and write and deliver the advice while the request is in progress.
 */
export function AssignmentDetailPage() {
  const { t } = useTranslation();
  const { assignmentId } = useParams();
  const me = useMe().data;
  const assignment = useAssignment(assignmentId);
  // The request is read only while it exists for this user: a coordinator always; the specialist
  // while the assignment holds it (live, or accepted and closed with the request — need to know).
  const holdsRequest =
    !!assignment.data &&
    (assignment.data.closedAt === null ||
      (assignment.data.status === 'accepted' && assignment.data.closeCause !== null && CLOSE_CAUSES_KEEPING_ACCESS.includes(assignment.data.closeCause)));
  const readsRequest = !!assignment.data && (holdsRequest || hasRole(me, 'coordinator'));
  const request = useRequest(readsRequest ? assignment.data?.requestId : undefined);
  const [message, setMessage] = useState<string | null>(null);

  if (!assignment.isSuccess) return <QueryFallback query={assignment} problemHeading={t('assignmentDetail.notFoundTitle')} />;
  const a = assignment.data;
  const isOwn = isOwnAssignment(me, a);
  const remaining = a.estimatedMinutes - a.loggedMinutes;
  const closed = a.closedAt !== null;
  const r = request.data;
  const canLog = a.allowedActions.includes('log-time');
  const canAskMore = a.allowedActions.includes('request-extension');
  const showExtensions = a.status === 'accepted' && (isOwn || hasRole(me, 'coordinator'));
  const canAdvise = a.allowedActions.includes('deliver-advice');

  return (
    <>
      <SectionBackLink />
      <PageHeading>{t('assignmentDetail.title', { reference: a.requestReference })}</PageHeading>
      <StatusMessage message={message} />
      <DataList className="dsp-facts">
        <DataListItem>
          <DataListKey>{t('assignments.columns.status')}</DataListKey>
          <DataListValue>
            <AssignmentStatusBadge status={a.status} closedAt={a.closedAt} />
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('assignments.columns.estimate')}</DataListKey>
          <DataListValue>{formatMinutes(a.estimatedMinutes)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('assignments.columns.logged')}</DataListKey>
          <DataListValue>{formatMinutes(a.loggedMinutes)}</DataListValue>
        </DataListItem>
        {closed ? null : (
          <DataListItem>
            <DataListKey>{t('assignmentDetail.remaining')}</DataListKey>
            <DataListValue>{formatMinutes(Math.max(0, remaining))}</DataListValue>
          </DataListItem>
        )}
        {a.rateCents !== null ? (
          <DataListItem>
            <DataListKey>{t('assignments.columns.rate')}</DataListKey>
            <DataListValue>{t('format.perHour', { amount: formatCents(a.rateCents) })}</DataListValue>
          </DataListItem>
        ) : null}
      </DataList>
      {closed && a.closeCause ? (
        <Alert type="info">
          <Paragraph>
            <strong>{t('assignmentDetail.closed.heading')}</strong> {t(`closeCause.${a.closeCause}`)}
          </Paragraph>
          {a.endReason ? <Paragraph>{t('assignments.endReason', { reason: isolate(a.endReason) })}</Paragraph> : null}
          {readsRequest ? null : (
            <Paragraph>{t(a.status === 'accepted' ? 'assignmentDetail.closed.noAccess' : 'assignmentDetail.closed.noAccessProposal')}</Paragraph>
          )}
        </Alert>
      ) : a.endReason ? (
        <Paragraph>{t('assignments.endReason', { reason: a.endReason })}</Paragraph>
      ) : null}
      {hasRole(me, 'coordinator') ? (
        <Paragraph>
          <AppLink to={`/requests/${a.requestId}`}>{t('assignmentDetail.toRequest')}</AppLink>
        </Paragraph>
      ) : null}
      {!a.specialistActive && a.allowedActions.includes('end') ? (
        <Alert type="warning">
          <Paragraph>{t('endAssignment.strandedNotice', { name: a.specialistName })}</Paragraph>
        </Alert>
      ) : null}
      {a.allowedActions.includes('end') ? (
        <section aria-labelledby="end-heading" className="dsp-section">
          <Heading2 id="end-heading">{t('endAssignment.heading')}</Heading2>
          <EndAssignment
            assignment={a}
            onEnded={(text) => {
              setMessage(text);
              focusPageHeading();
            }}
          />
        </section>
      ) : null}
      {r?.summaryOnly ? <RequestSummary request={r} estimatedMinutes={a.estimatedMinutes} /> : null}
      {a.allowedActions.includes('accept') || a.allowedActions.includes('confirm-no-conflict') ? (
        <section aria-labelledby="respond-heading" className="dsp-section dsp-panel">
          <Heading2 id="respond-heading">{t('assignmentDetail.respondHeading')}</Heading2>
          <Paragraph>{t(a.allowedActions.includes('confirm-no-conflict') ? 'assignmentDetail.confirmIntro' : 'assignmentDetail.respondIntro')}</Paragraph>
          <AssignmentResponse
            assignment={a}
            party={r ? { municipalityName: r.municipalityName, caseTableName: r.caseTableName } : undefined}
            onDone={(status) => {
              const key = status === 'confirmed' ? 'assignments.confirmed' : status === 'accepted' ? 'assignments.accepted' : 'assignments.declined';
              setMessage(t(key, { reference: a.requestReference }));
              focusPageHeading();
            }}
          />
        </section>
      ) : null}
      {readsRequest && request.isPending ? <Loading /> : null}
      {readsRequest && request.isError ? <ProblemAlert error={request.error} /> : null}
      {r && !r.summaryOnly ? <RequestContent request={r} /> : null}
      {canLog ? (
        <section aria-labelledby="log-heading" className="dsp-section dsp-panel">
          <Heading2 id="log-heading">{t('logTime.heading')}</Heading2>
          <LogTimeForm assignmentId={a.id} remainingMinutes={remaining} hoursFrom={a.hoursFrom} requestType={a.requestType} />
        </section>
      ) : null}
      {a.status !== 'proposed' ? <EntriesSection assignmentId={a.id} /> : null}
      {showExtensions ? (
        <section aria-labelledby="extensions-heading" className={`dsp-section${canAskMore ? ' dsp-panel' : ''}`}>
          <Heading2 id="extensions-heading">{t(canAskMore ? 'extensions.formHeading' : 'extensions.listHeading')}</Heading2>
          {canAskMore ? (
            <>
              <Paragraph>{t('extensions.formIntro')}</Paragraph>
              <ExtensionRequestForm assignmentId={a.id} />
            </>
          ) : null}
          <AssignmentExtensions assignmentId={a.id} />
        </section>
      ) : null}
      {r && canAdvise ? (
        <section aria-labelledby="advice-form-heading" className="dsp-section dsp-panel">
          <Heading2 id="advice-form-heading">{t('advice.formHeading')}</Heading2>
          <Paragraph>{t('advice.formIntro')}</Paragraph>
          <AdviceForm
            requestId={r.id}
            reference={r.reference ?? ''}
            onDelivered={() => {
              setMessage(t('advice.delivered'));
              focusPageHeading();
            }}
          />
        </section>
      ) : null}
      {r?.advice ? <AdviceView advice={r.advice} earlier={r.earlierAdvice} /> : null}
      {r?.advice && r.allowedActions.includes('correct-advice') ? (
        <CorrectAdvice
          requestId={r.id}
          reference={r.reference ?? ''}
          advice={r.advice}
          onDone={(text) => {
            setMessage(text);
            focusPageHeading();
          }}
        />
      ) : null}
      {r && !r.summaryOnly ? (
        <section aria-labelledby="request-facts-heading" className="dsp-section">
          <Heading2 id="request-facts-heading">{t('assignmentDetail.requestFacts')}</Heading2>
          <RequestFacts request={r} />
        </section>
      ) : null}
    </>
  );
}
