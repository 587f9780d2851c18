import type { InterpretationRequest } from '@duidingspool/shared';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../lib/bidi.ts';
import { formatDate, formatInstant } from '../../../lib/format.ts';

/** The advice as a plain-text document for the casustafel's own file (built in the browser). */
export function adviceDocument(request: InterpretationRequest, t: TFunction): string {
  const advice = request.advice;
  if (!advice) return '';
  return [
    t('retention.docTitle', { reference: request.reference }),
    `${t('retention.docCaseTable')}: ${request.caseTableName}`,
    `${t('retention.docCaseReference')}: ${request.caseReference}`,
    `${t('retention.docDelivered', { name: isolate(advice.specialistName), at: formatInstant(advice.deliveredAt) })}`,
    '',
    t('advice.summary'),
    advice.summary,
    '',
    t('advice.bodyHeading'),
    advice.body,
    '',
  ].join('\n');
}

/**
 * The first retention clock (docs/design.md §6) as the reader sees it: when the case content of an ended
 * request is purged, a download of the advice for the casustafel's own file before then, and a
 * notice once it is purged.
 */
export function RetentionNotice({ request, canDownload }: { request: InterpretationRequest; canDownload: boolean }) {
  const { t } = useTranslation();
  if (request.contentPurgedAt) {
    return (
      <Alert type="info">
        <Paragraph>{t('retention.purged', { date: formatInstant(request.contentPurgedAt) })}</Paragraph>
      </Alert>
    );
  }
  if (!request.contentPurgeDate) return null;
  const download = () => {
    const blob = new Blob([adviceDocument(request, t)], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `advies-${request.reference}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Alert type="warning">
      <Paragraph>{t('retention.willPurge', { date: formatDate(request.contentPurgeDate) })}</Paragraph>
      {canDownload && request.advice ? (
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={download}>
            {t('retention.download')}
          </Button>
        </Paragraph>
      ) : null}
    </Alert>
  );
}
