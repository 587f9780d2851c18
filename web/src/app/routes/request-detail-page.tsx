import { EDITABLE_REQUEST_STATUSES, FOLLOW_UP_STATUSES } from '@duidingspool/shared';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { AppLink } from '../../components/app-link.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { QueryFallback } from '../../components/query-view.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { CorrectAdvice } from '../../features/advice/components/correct-advice.tsx';
import { EditEstimate } from '../../features/assignments/components/edit-estimate.tsx';
import { EndAssignment } from '../../features/assignments/components/end-assignment.tsx';
import { FeedbackForm } from '../../features/feedback/components/feedback-form.tsx';
import { FeedbackView } from '../../features/feedback/components/feedback-view.tsx';
import { useRequest } from '../../features/interpretation-requests/api/get-request.ts';
import { AdviceView } from '../../features/interpretation-requests/components/advice-view.tsx';
import { DraftEditor } from '../../features/interpretation-requests/components/draft-editor.tsx';
import { ReopenRequest } from '../../features/interpretation-requests/components/reopen-request.tsx';
import { RequestActions } from '../../features/interpretation-requests/components/request-actions.tsx';
import { RequestAssignments } from '../../features/interpretation-requests/components/request-assignments.tsx';
import { RequestClocks } from '../../features/interpretation-requests/components/request-clocks.tsx';
import { RequestContent, RequestFacts, RequestSummary } from '../../features/interpretation-requests/components/request-details.tsx';
import { RequestReachSection } from '../../features/interpretation-requests/components/request-reach.tsx';
import { RequestTimeline } from '../../features/interpretation-requests/components/request-timeline.tsx';
import { RetentionNotice } from '../../features/interpretation-requests/components/retention-notice.tsx';
import { MessageThread } from '../../features/messages/components/message-thread.tsx';
import { asksFor, hasRole, isOwnAssignment, useMe } from '../../lib/auth.ts';
import { focusPageHeading } from '../../lib/focus.ts';
import { SectionBackLink } from '../section-back-link.tsx';
import { AssignPanel } from './assign-panel.tsx';

/**
 * A request as its reader may see it: facts, actions from `allowedTransitions`, advice, question
 * and context, assignments and timeline; for the coordinator also “Specialist toewijzen”.
 */
export function RequestDetailPage() {
  const { t } = useTranslation();
  const { requestId } = useParams();
  const location = useLocation();
  const [message, setMessage] = useState<string | null>((location.state as { message?: string } | null)?.message ?? null);
  const me = useMe().data;
  const query = useRequest(requestId);
  const [feedbackSkipped, setFeedbackSkipped] = useState(false);

  if (!query.isSuccess) return <QueryFallback query={query} problemHeading={t('requestDetail.notFoundTitle')} />;
  const request = query.data;
  const coordinator = hasRole(me, 'coordinator');
  const ownAssignment = request.assignments.find((a) => a.status !== 'declined' && isOwnAssignment(me, a));
  // A live assignment whose specialist left the pool: the coordinator ends it and assigns another.
  const stranded = request.assignments.find((a) => !a.specialistActive && a.allowedActions.includes('end'));
  // A draft is edited on its page by its casustafel's members (docs/design.md §4, “Drafts”).
  // So is a request waiting for information: the casustafel amends it and resubmits.
  const isDraftOfMine = EDITABLE_REQUEST_STATUSES.includes(request.status) && asksFor(me, request);
  // After the advice the casustafel may ask a follow-up question: a new request linked to this one.
  const canFollowUp = FOLLOW_UP_STATUSES.includes(request.status) && asksFor(me, request);
  const announce = (text: string) => {
    setMessage(text);
    focusPageHeading();
  };

  return (
    <>
      <SectionBackLink />
      <PageHeading title={t('requestDetail.title', { reference: request.reference })}>
        {t('requestDetail.title', { reference: request.reference || t('requests.noReference') })}
      </PageHeading>
      <StatusMessage message={message} />
      {request.summaryOnly ? <RequestSummary request={request} estimatedMinutes={ownAssignment?.estimatedMinutes} /> : <RequestFacts request={request} />}
      {request.originOfferId ? (
        <Paragraph>
          {t('offers.origin')} {hasRole(me, 'coordinator', 'requester') ? <AppLink to="/offers">{t('offers.toOffers')}</AppLink> : null}
        </Paragraph>
      ) : null}
      {request.followUpOf || request.followUps.length > 0 || canFollowUp ? (
        <Paragraph>
          {request.followUpOf ? (
            <>
              {t('followUp.of')} <AppLink to={`/requests/${request.followUpOf.id}`}>{request.followUpOf.reference}</AppLink>.{' '}
            </>
          ) : null}
          {request.followUps.map((f) => (
            <span key={f.id}>
              {t('followUp.by')} <AppLink to={`/requests/${f.id}`}>{f.reference}</AppLink>.{' '}
            </span>
          ))}
          {canFollowUp ? <AppLink to={`/requests/new?vervolgOp=${request.id}`}>{t('followUp.ask', { reference: request.reference })}</AppLink> : null}
        </Paragraph>
      ) : null}
      <RequestClocks requestId={request.id} />
      {stranded ? (
        <Alert type="warning">
          <Paragraph>{t('endAssignment.strandedNotice', { name: stranded.specialistName })}</Paragraph>
        </Alert>
      ) : null}
      {ownAssignment ? (
        <Paragraph>
          <AppLink to={`/assignments/${ownAssignment.id}`}>{t('requestDetail.toAssignment')}</AppLink>
        </Paragraph>
      ) : null}
      {/* The form below submits a draft (and resubmits an amended request) itself. */}
      <RequestActions request={request} exclude={isDraftOfMine ? ['submitted'] : []} />
      {request.allowedActions.includes('reopen') ? <ReopenRequest request={request} onDone={announce} /> : null}
      {request.allowedActions.includes('give-feedback') && !feedbackSkipped ? (
        <FeedbackForm
          requestId={request.id}
          onDone={(given) => {
            if (!given) setFeedbackSkipped(true);
            announce(t(given ? 'feedback.given' : 'feedback.skipped'));
          }}
        />
      ) : null}
      {request.feedback ? <FeedbackView feedback={request.feedback} /> : null}
      <RequestReachSection request={request} onRecorded={announce} />
      <RetentionNotice request={request} canDownload={asksFor(me, request)} />
      {request.advice && !request.contentPurgedAt ? (
        <AdviceView
          advice={request.advice}
          earlier={request.earlierAdvice}
          context={[
            `${t('retention.docCaseTable')}: ${request.caseTableName ?? request.municipalityName ?? ''}`,
            `${t('retention.docCaseReference')}: ${request.caseReference}`,
          ]}
        />
      ) : null}
      {request.advice && request.allowedActions.includes('correct-advice') ? (
        <CorrectAdvice requestId={request.id} reference={request.reference ?? ''} advice={request.advice} onDone={announce} />
      ) : null}
      {isDraftOfMine ? <DraftEditor draft={request} onSaved={announce} /> : request.summaryOnly ? null : <RequestContent request={request} />}
      {request.status !== 'draft' && !request.contentPurgedAt && !request.summaryOnly ? <MessageThread requestId={request.id} /> : null}
      {request.allowedActions.includes('assign') ? <AssignPanel request={request} onAssigned={announce} /> : null}
      {coordinator || request.assignments.length > 0 ? (
        <RequestAssignments
          assignments={request.assignments}
          showMoney={coordinator}
          renderActions={
            coordinator
              ? (a) => (
                  <>
                    <EditEstimate assignment={a} />
                    <EndAssignment assignment={a} onEnded={announce} />
                  </>
                )
              : undefined
          }
        />
      ) : null}
      <RequestTimeline events={request.timeline} />
    </>
  );
}
