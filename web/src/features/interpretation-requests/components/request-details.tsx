import { type InterpretationRequest, REQUEST_TYPE_RULES } from '@duidingspool/shared';
import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ExpertiseList, LanguageList } from '../../../components/expertise-list.tsx';
import { RequestStatusBadge } from '../../../components/status-badge.tsx';
import { formatDate, formatInstant, formatMinutes } from '../../../lib/format.ts';
import { UrgencyLabel } from './urgency-label.tsx';

/** A request's facts as a description list: status, table, municipality, urgency, wishes, dates. */
export function RequestFacts({ request }: { request: InterpretationRequest }) {
  const { t } = useTranslation();
  const item = (key: string, value: React.ReactNode) => (
    <DataListItem>
      <DataListKey>{key}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
  return (
    <DataList className="dsp-facts">
      {item(t('requestDetail.status'), <RequestStatusBadge status={request.status} />)}
      {item(t('requestTypes.legend'), t(`requestTypes.types.${request.type}`))}
      {REQUEST_TYPE_RULES[request.type].caseContent ? item(t('requests.columns.caseReference'), <bdi>{request.caseReference}</bdi>) : null}
      {request.caseTableName ? item(t('requests.columns.caseTable'), request.caseTableName) : null}
      {item(t('requests.columns.municipality'), request.municipalityName)}
      {item(t('requests.columns.urgency'), <UrgencyLabel urgency={request.urgency} />)}
      {item(t('newRequest.deliverable'), t(`deliverable.${request.deliverable}`))}
      {item(t('newRequest.expertiseAreas'), <ExpertiseList codes={request.expertiseAreaCodes} />)}
      {item(t('newRequest.languages'), request.languages.length ? <LanguageList codes={request.languages} /> : t('common.none'))}
      {item(
        REQUEST_TYPE_RULES[request.type].caseContent
          ? t('requests.columns.meetingDate')
          : REQUEST_TYPE_RULES[request.type].reach
            ? t('requestTypes.sessionDate')
            : t('requestTypes.wantedDate'),
        formatDate(request.meetingDate) || t('common.none'),
      )}
      {REQUEST_TYPE_RULES[request.type].fields.includes('audiences') ? (
        <>
          {item(t('requestTypes.audiences'), request.audiences.map((a) => t(`requestTypes.audience.${a}`)).join(', ') || t('common.none'))}
          {item(t('requestTypes.expectedParticipants'), request.expectedParticipants ?? t('common.none'))}
          {item(t('requestTypes.place'), request.place ? <bdi>{request.place}</bdi> : t('common.none'))}
        </>
      ) : null}
      {item(t('requests.columns.submittedAt'), formatInstant(request.submittedAt) || t('common.none'))}
      {request.specialistName ? item(t('requestDetail.specialist'), <bdi>{request.specialistName}</bdi>) : null}
    </DataList>
  );
}

/** Preserves the line breaks of free text. */
export function MultilineText({ text }: { text: string }) {
  return (
    <div className="dsp-multiline">
      {text.split(/\n{2,}/).map((para, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a static text
        <Paragraph key={i}>{para}</Paragraph>
      ))}
    </div>
  );
}

/** The question (duidingsvraag) and context of a request. */
export function RequestContent({ request }: { request: InterpretationRequest }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="request-question-heading" className="dsp-section">
      <Heading2 id="request-question-heading">{t('requestDetail.questionHeading')}</Heading2>
      <MultilineText text={request.question} />
      <Heading2 id="request-context-heading">{t('requestDetail.contextHeading')}</Heading2>
      {request.context ? <MultilineText text={request.context} /> : <Paragraph>{t('requestDetail.noContext')}</Paragraph>}
    </section>
  );
}

/**
 * The non-identifying summary of a request (decision 103) that a proposed specialist reads before
 * confirming they have no conflict of interest, and a standing specialist reads of a new request of
 * their casustafel: region, casustafel, municipality, expertise, urgency, deliverable, meeting date
 * and, on a proposal, the estimate. The server sends no case content with it.
 */
export function RequestSummary({ request, estimatedMinutes }: { request: InterpretationRequest; estimatedMinutes?: number }) {
  const { t } = useTranslation();
  const item = (key: string, value: React.ReactNode) => (
    <DataListItem>
      <DataListKey>{key}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
  return (
    <section aria-labelledby="request-summary-heading" className="dsp-section">
      <Heading2 id="request-summary-heading">{t('requestSummary.heading')}</Heading2>
      <Paragraph>{t(request.summaryOnly === 'standing-specialist' ? 'requestSummary.standingIntro' : 'requestSummary.proposalIntro')}</Paragraph>
      <DataList className="dsp-facts">
        {item(t('requestSummary.region'), request.safetyRegionName ?? t('common.none'))}
        {item(t('requests.columns.caseTable'), request.caseTableName)}
        {item(t('requests.columns.municipality'), request.municipalityName ?? t('common.none'))}
        {item(t('newRequest.expertiseAreas'), <ExpertiseList codes={request.expertiseAreaCodes} />)}
        {item(t('requests.columns.urgency'), <UrgencyLabel urgency={request.urgency} />)}
        {item(t('newRequest.deliverable'), request.deliverable ? t(`deliverable.${request.deliverable}`) : t('common.none'))}
        {item(t('requests.columns.meetingDate'), formatDate(request.meetingDate) || t('common.none'))}
        {estimatedMinutes !== undefined ? item(t('assignments.columns.estimate'), formatMinutes(estimatedMinutes)) : null}
      </DataList>
    </section>
  );
}
