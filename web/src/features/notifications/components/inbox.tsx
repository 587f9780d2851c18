import type { InboxItem } from '@duidingspool/shared';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RadioGroup } from '../../../components/choice-group.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { PagedList } from '../../../components/query-view.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatDate, formatInstant } from '../../../lib/format.ts';
import { usePaging, useUrlState } from '../../../lib/page-query.ts';
import { useInbox, useMarkAllInboxRead, useMarkInboxItem } from '../api/inbox.ts';

/** What one item says, in the reader's language: the mail's message without case content (`inbox.events.<event>`). */
export function useInboxText() {
  const { t } = useTranslation();
  return (item: InboxItem) =>
    t(`inbox.events.${item.event}`, {
      reference: item.reference ?? '',
      year: item.params.year ?? '',
      percent: item.params.thresholdPercent ?? '',
      name: item.params.specialistName ? isolate(item.params.specialistName) : '',
      date: formatDate(item.params.validUntil ?? ''),
      urgent: item.params.urgency === 'urgent' ? t('inbox.urgent') : '',
    });
}

/**
 * “Meldingen”: the user's own events, newest first, unread ones marked; each links to its request,
 * assignment or page and is marked read when followed; a button per item and one for all.
 */
export function Inbox() {
  const { t } = useTranslation();
  const { page, onPageChange: setPage } = usePaging();
  const [show, setShow] = useUrlState('show', 'all');
  const unreadOnly = show === 'unread';
  const inbox = useInbox(page, unreadOnly);
  const mark = useMarkInboxItem();
  const markAll = useMarkAllInboxRead();
  const [status, setStatus] = useState<string | null>(null);
  const text = useInboxText();
  const unread = inbox.data?.unread ?? 0;

  return (
    <>
      <RadioGroup
        id="inbox-filter"
        legend={t('inbox.filter.label')}
        options={[
          { value: 'all', label: t('inbox.filter.all') },
          { value: 'unread', label: t('inbox.filter.unread') },
        ]}
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(value) => setShow(value, ['page'])}
      />
      <Paragraph>{t('inbox.unreadCount', { count: unread })}</Paragraph>
      {mark.isError ? <ProblemAlert error={mark.error} /> : null}
      {markAll.isError ? <ProblemAlert error={markAll.error} /> : null}
      {unread > 0 ? (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            busy={markAll.isPending}
            disabled={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onSuccess: () => setStatus(t('inbox.allMarked')) })}
          >
            {t('inbox.markAll')}
          </Button>
        </ButtonGroup>
      ) : null}
      <PagedList
        query={inbox}
        page={page}
        onPageChange={setPage}
        paginationLabel={t('inbox.paginationLabel')}
        empty={<Paragraph>{t(unreadOnly ? 'inbox.emptyUnread' : 'inbox.empty')}</Paragraph>}
        status={status}
      >
        {(items) => (
          <ul className="dsp-inbox">
            {items.map((item) => {
              const message = text(item);
              const isUnread = item.readAt === null;
              return (
                <li key={item.id} className={`dsp-inbox__item${isUnread ? ' dsp-inbox__item--unread' : ''}`}>
                  <Paragraph className="dsp-inbox__meta">
                    {isUnread ? <strong className="dsp-inbox__badge">{t('inbox.new')}</strong> : null} {formatInstant(item.createdAt)}
                  </Paragraph>
                  <Paragraph>
                    <Link
                      to={item.linkPath}
                      className="utrecht-link utrecht-link--html-a"
                      onClick={() => {
                        if (isUnread) mark.mutate({ id: item.id, read: true });
                      }}
                    >
                      {message}
                    </Link>
                  </Paragraph>
                  <Button
                    appearance="subtle-button"
                    disabled={mark.isPending}
                    onClick={() =>
                      mark.mutate(
                        { id: item.id, read: isUnread },
                        { onSuccess: () => setStatus(t(isUnread ? 'inbox.marked' : 'inbox.markedUnread', { message })) },
                      )
                    }
                  >
                    {t(isUnread ? 'inbox.markRead' : 'inbox.markUnread')}
                    <VisuallyHidden>: {message}</VisuallyHidden>
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </PagedList>
    </>
  );
}
