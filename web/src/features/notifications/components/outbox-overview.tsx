import { NOTIFICATION_EVENTS, NOTIFICATION_STATUSES, type NotificationEvent, type NotificationStatus } from '@duidingspool/shared';
import { Alert, Button, ButtonGroup, Heading2, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { SelectField } from '../../../components/form-field.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatInstant, formatInteger } from '../../../lib/format.ts';
import { mailPreviewPageUrl, useMailPreview } from '../api/get-mail-preview.ts';
import { useOutbox } from '../api/get-outbox.ts';
import { useResendNotification } from '../api/resend.ts';
import { MailPreview } from './mail-preview.tsx';

/** The rendered preview of the chosen source, with its loading and error states. */
function PreviewPanel({ source }: { source: Parameters<typeof useMailPreview>[0] }) {
  const preview = useMailPreview(source);
  if (source === null) return null;
  if (!preview.isSuccess) return <QueryFallback query={preview} />;
  return <MailPreview preview={preview.data} pageUrl={mailPreviewPageUrl(source)} />;
}

type OutboxItem = NonNullable<ReturnType<typeof useOutbox>['data']>['items'][number];

/**
 * Re-sending a failed mail, offered where the server allows it (`allowedActions`), after a
 * confirmation in the row: the mail goes back in the queue with the same Message-ID.
 */
function ResendControl({ item, onDone }: { item: OutboxItem; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const resend = useResendNotification();
  if (!item.allowedActions.includes('resend')) return null;
  const context = t('mail.showContext', { event: t(`mailEvents.${item.event}`), recipient: isolate(item.recipientEmail) });
  if (!confirming) {
    return (
      <Button
        appearance="secondary-action-button"
        onClick={() => {
          resend.reset();
          setConfirming(true);
        }}
      >
        {t('mail.resend')}
        <VisuallyHidden> {context}</VisuallyHidden>
      </Button>
    );
  }
  return (
    <div className="dsp-inline-form">
      <Paragraph>{t('mail.resendConfirmText', { recipient: isolate(item.recipientEmail) })}</Paragraph>
      {resend.isError ? <ProblemAlert error={resend.error} /> : null}
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          busy={resend.isPending}
          disabled={resend.isPending}
          onClick={() =>
            resend.mutate(item.id, {
              onSuccess: () => {
                setConfirming(false);
                onDone(t('mail.resendDone', { recipient: isolate(item.recipientEmail) }));
              },
            })
          }
        >
          {t('mail.resendConfirm')}
          <VisuallyHidden> {context}</VisuallyHidden>
        </Button>
        <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>
          {t('common.back')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/**
 * The admin's view of outgoing mail: the outbox with status, attempts and the last error (failures
 * first to see with the status filter) and a re-send of a failed mail where the server allows it,
 * and — outside production — the Mail preview of each mail and of every template.
 */
export function OutboxOverview() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<NotificationStatus | ''>('');
  const [source, setSource] = useState<{ id: string } | { event: NotificationEvent; language: 'nl' | 'en' } | null>(null);
  const [templateEvent, setTemplateEvent] = useState<NotificationEvent>('request-submitted');
  const [templateLanguage, setTemplateLanguage] = useState<'nl' | 'en'>('nl');
  const [done, setDone] = useState<string | null>(null);
  const outbox = useOutbox(page, status);

  if (!outbox.isSuccess) return <QueryFallback query={outbox} />;
  const data = outbox.data;
  const actionsColumn = data.previewAvailable || data.items.some((i) => i.allowedActions.length > 0);

  return (
    <>
      <Alert type="info">
        <Paragraph>{data.transport === 'smtp' ? t('mail.transportSmtp') : t('mail.transportOutbox')}</Paragraph>
      </Alert>
      <StatusMessage message={done} />
      <SelectField
        id="outbox-status"
        label={t('mail.statusFilter')}
        value={status}
        onChange={(v) => {
          setStatus(v as NotificationStatus | '');
          setPage(1);
        }}
        options={[{ value: '', label: t('mail.allStatuses') }, ...NOTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`status.notification.${s}`) }))]}
      />
      {data.items.length === 0 ? (
        <Paragraph>{t('mail.empty')}</Paragraph>
      ) : (
        <DataTable
          caption={t('mail.caption', { total: formatInteger(data.total) })}
          columns={[
            t('mail.columns.created'),
            t('mail.columns.event'),
            t('mail.columns.reference'),
            t('mail.columns.recipient'),
            t('mail.columns.status'),
            t('mail.columns.attempts'),
            t('mail.columns.lastError'),
            ...(actionsColumn ? [<VisuallyHidden key="actions">{t('mail.columns.actions')}</VisuallyHidden>] : []),
          ]}
          showCaption
          scroll={false}
          className="dsp-table"
        >
          {data.items.map((n) => (
            <TableRow key={n.id}>
              <TableCell>{formatInstant(n.createdAt)}</TableCell>
              <TableCell>{t(`mailEvents.${n.event}`)}</TableCell>
              <TableCell>{n.reference ?? '—'}</TableCell>
              <TableCell>
                <bdi>{n.recipientEmail}</bdi>
              </TableCell>
              <TableCell>
                <span className={`dsp-mail-status dsp-mail-status--${n.status}`}>{t(`status.notification.${n.status}`)}</span>
              </TableCell>
              <TableCell>{formatInteger(n.attempts)}</TableCell>
              <TableCell>{n.lastError ?? '—'}</TableCell>
              {actionsColumn ? (
                <TableCell>
                  <div className="dsp-row-actions">
                    {data.previewAvailable ? (
                      <Button appearance="secondary-action-button" onClick={() => setSource({ id: n.id })}>
                        {t('mail.show')}
                        <VisuallyHidden> {t('mail.showContext', { event: t(`mailEvents.${n.event}`), recipient: isolate(n.recipientEmail) })}</VisuallyHidden>
                      </Button>
                    ) : null}
                    <ResendControl item={n} onDone={setDone} />
                  </div>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </DataTable>
      )}
      <Pagination
        page={page}
        pageSize={data.pageSize}
        total={data.total}
        totalIsLowerBound={data.totalIsLowerBound}
        onPageChange={setPage}
        label={t('mail.pagination')}
      />
      {data.previewAvailable ? (
        <section aria-labelledby="mail-preview-heading">
          <Heading2 id="mail-preview-heading">{t('mail.previewTitle')}</Heading2>
          <Paragraph>{t('mail.previewIntro')}</Paragraph>
          <div className="dsp-mail-template-picker">
            <SelectField
              id="template-event"
              label={t('mail.template')}
              value={templateEvent}
              onChange={(v) => setTemplateEvent(v as NotificationEvent)}
              options={NOTIFICATION_EVENTS.map((e) => ({ value: e, label: t(`mailEvents.${e}`) }))}
            />
            <SelectField
              id="template-language"
              label={t('mail.language')}
              value={templateLanguage}
              onChange={(v) => setTemplateLanguage(v as 'nl' | 'en')}
              options={[
                { value: 'nl', label: t('mail.languages.nl') },
                { value: 'en', label: t('mail.languages.en') },
              ]}
            />
            <Button appearance="secondary-action-button" onClick={() => setSource({ event: templateEvent, language: templateLanguage })}>
              {t('mail.showTemplate')}
            </Button>
          </div>
          <PreviewPanel source={source} />
        </section>
      ) : (
        <Paragraph>{t('mail.previewUnavailable')}</Paragraph>
      )}
    </>
  );
}
