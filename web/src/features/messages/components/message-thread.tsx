import { MESSAGE_MAX_LENGTH, type RequestMessage } from '@duidingspool/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, FormLabel, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField } from '../../../components/form-field.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { isolate } from '../../../lib/bidi.ts';
import { formatInstant } from '../../../lib/format.ts';
import { messageKeys, useMessageThread, usePostMessage } from '../api/messages.ts';

/** One message: author and role, time, an “Interne notitie” mark, the text and who read it. */
function MessageItem({ message }: { message: RequestMessage }) {
  const { t } = useTranslation();
  return (
    <li className={`dsp-message${message.internal ? ' dsp-message--internal' : ''}${message.own ? ' dsp-message--own' : ''}`}>
      <p className="dsp-message__meta">
        {message.internal ? <strong className="dsp-message__internal">{t('messages.internalMark')} · </strong> : null}
        <bdi>{message.authorName}</bdi> ({t(`roles.${message.authorRole}`)}) · <time dateTime={message.createdAt}>{formatInstant(message.createdAt)}</time>
      </p>
      <div className="dsp-multiline">
        {message.body.split(/\n{2,}/).map((para, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a static text
          <Paragraph key={i}>{para}</Paragraph>
        ))}
      </div>
      {message.readBy.length > 0 ? (
        <p className="dsp-message__receipt">{t('messages.readBy', { names: message.readBy.map((n) => isolate(n)).join(', ') })}</p>
      ) : null}
    </li>
  );
}

/**
 * The thread of a request (decision 110): messages oldest first, internal notes marked, read
 * receipts, and, when the reader may write (`allowedActions`), a form with the personal-data
 * warning and, for coordinators and the assigned specialist, “Interne notitie”.
 */
export function MessageThread({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const query = useMessageThread(requestId);
  const post = usePostMessage(requestId);
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const queryClient = useQueryClient();

  // Reading the thread marked it read on the server: the counts in the menu and lists follow.
  useEffect(() => {
    if (query.dataUpdatedAt > 0) void queryClient.invalidateQueries({ queryKey: messageKeys.unread() });
  }, [query.dataUpdatedAt, queryClient]);

  // A link from the mail (`#berichten`) scrolls to the thread once it is shown.
  useEffect(() => {
    if (query.isSuccess && window.location.hash === '#berichten') document.getElementById('berichten')?.scrollIntoView();
  }, [query.isSuccess]);

  if (!query.isSuccess) {
    return (
      <section aria-labelledby="berichten" className="dsp-section">
        <Heading2 id="berichten">{t('messages.heading')}</Heading2>
        <QueryFallback query={query} />
      </section>
    );
  }
  const thread = query.data;
  const canPost = thread.allowedActions.includes('post');
  const canPostInternal = thread.allowedActions.includes('post-internal');

  const submit = () => {
    setDone(null);
    if (!body.trim()) return setError(t('form.required'));
    if (hasBlockingPersonalData(body)) return setError(t('personalData.fieldError'));
    setError(undefined);
    post.mutate(
      { body, ...(internal ? { internal: true } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setInternal(false);
          setDone(internal ? t('messages.sentInternal') : t('messages.sent'));
        },
        onError: (e) => {
          if (e instanceof ApiError && e.fieldErrors.body) setError(e.fieldErrors.body);
        },
      },
    );
  };

  return (
    <section aria-labelledby="berichten" className="dsp-section">
      <Heading2 id="berichten" tabIndex={-1}>
        {t('messages.heading')}
      </Heading2>
      {thread.truncated ? <Paragraph className="dsp-muted">{t('messages.truncated')}</Paragraph> : null}
      {thread.items.length === 0 ? (
        <Paragraph>{t('messages.empty')}</Paragraph>
      ) : (
        <ol className="dsp-messages">
          {thread.items.map((m) => (
            <MessageItem key={m.id} message={m} />
          ))}
        </ol>
      )}
      <StatusMessage message={done} />
      {post.isError && !error ? <ProblemAlert error={post.error} /> : null}
      {canPost ? (
        <form
          noValidate
          className="dsp-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <TextareaField
            id="message-body"
            label={t('messages.bodyLabel')}
            description={t('messages.bodyHint')}
            value={body}
            onChange={setBody}
            error={error}
            rows={4}
            required
            maxLength={MESSAGE_MAX_LENGTH}
            checkPersonalData
          />
          {canPostInternal ? (
            <div className="utrecht-form-field utrecht-form-field--checkbox dsp-choice">
              <Checkbox id="message-internal" name="message-internal" checked={internal} onChange={() => setInternal(!internal)} />
              <FormLabel htmlFor="message-internal" type="checkbox">
                {t('messages.internalLabel')}
              </FormLabel>
            </div>
          ) : null}
          <Button type="submit" appearance="primary-action-button" disabled={post.isPending}>
            {internal ? t('messages.submitInternal') : t('messages.submit')}
          </Button>
        </form>
      ) : (
        <Paragraph className="dsp-muted">{t('messages.readOnly')}</Paragraph>
      )}
    </section>
  );
}
