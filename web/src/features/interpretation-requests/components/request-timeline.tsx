import type { TimelineEvent } from '@duidingspool/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../lib/bidi.ts';
import { formatInstant } from '../../../lib/format.ts';

/** The label key of each request field a timeline event may name as changed. */
const FIELD_LABEL: Record<string, string> = {
  municipalityId: 'newRequest.municipality',
  caseReference: 'newRequest.caseReference',
  question: 'newRequest.question',
  context: 'newRequest.context',
  expertiseAreaCodes: 'newRequest.expertiseAreas',
  urgency: 'newRequest.urgency',
  deliverable: 'newRequest.deliverable',
  meetingDate: 'newRequest.meetingDate',
  languages: 'newRequest.languages',
};

/** The request's status changes, oldest first, with actor, role, time, reason and, on a resubmission, the fields changed. */
export function RequestTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const sorted = [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return (
    <section aria-labelledby="timeline-heading" className="dsp-section">
      <Heading2 id="timeline-heading">{t('timeline.heading')}</Heading2>
      {sorted.length === 0 ? (
        <Paragraph>{t('timeline.empty')}</Paragraph>
      ) : (
        <ol className="dsp-timeline">
          {sorted.map((e) => (
            <li key={`${e.occurredAt}-${e.toStatus}`} className="dsp-timeline__item">
              <p className="dsp-timeline__title">
                {/* A reopening after the advice (decision 113) is named as such; its reason follows. */}
                <strong>
                  {e.fromStatus === 'advice-delivered' && e.toStatus === 'in-progress' ? t('timeline.reopened') : t(`status.request.${e.toStatus}`)}
                </strong>
                {e.fromStatus ? <span className="dsp-muted"> {t('timeline.from', { status: t(`status.request.${e.fromStatus}`) })}</span> : null}
              </p>
              <p className="dsp-timeline__meta">
                <time dateTime={e.occurredAt}>{formatInstant(e.occurredAt)}</time> · {e.actorName} ({t(`roles.${e.actorRole}`)})
              </p>
              {e.reasonCode ? <p className="dsp-timeline__reason">{t('timeline.reason', { reason: t(`closeCause.${e.reasonCode}`) })}</p> : null}
              {e.reason ? <p className="dsp-timeline__reason">{t('timeline.reason', { reason: isolate(e.reason) })}</p> : null}
              {e.changedFields.length > 0 ? (
                <p className="dsp-timeline__reason">
                  {t('timeline.changedFields', { fields: e.changedFields.map((f) => (FIELD_LABEL[f] ? t(FIELD_LABEL[f]) : f)).join(', ') })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
