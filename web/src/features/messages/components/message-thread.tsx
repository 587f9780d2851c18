import { PostMessageBodySchema, type RequestMessage } from '@duidingspool/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, FormLabel, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { textInput } from '../../../lib/form-inputs.ts';
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
      {canPost ? (
        <ComposeForm requestId={requestId} canPostInternal={canPostInternal} />
      ) : (
        <Paragraph className="dsp-muted">{t('messages.readOnly')}</Paragraph>
      )}
    </section>
  );
}

/**
 * Writing a message: the text (required, its limit from `PostMessageBodySchema` shown as a
 * character count, refused with personal data) and, when allowed, “Interne notitie”. The server's
 * refusal of the text lands on the field.
 */
function ComposeForm({ requestId, canPostInternal }: { requestId: string; canPostInternal: boolean }) {
  const { t } = useTranslation();
  const post = usePostMessage(requestId);
  const schema = useMemo(
    () =>
      z.object({
        body: z
          .string()
          .refine((v) => v.trim().length > 0, { params: { text: t('form.required') } })
          .pipe(textInput(PostMessageBodySchema.shape.body, t, { personalData: true })),
        internal: z.boolean(),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { body: '', internal: false },
    ids: { body: 'message-body', internal: 'message-internal' },
    labels: { body: t('messages.bodyLabel'), internal: t('messages.internalLabel') },
  });
  const internal = form.rhf.watch('internal');
  const submit = form.submit(({ body, internal: asNote }) =>
    post.mutate(
      { body, ...(asNote ? { internal: true } : {}) },
      {
        onSuccess: () => {
          form.rhf.reset();
          form.succeed(asNote ? t('messages.sentInternal') : t('messages.sent'));
        },
        onError: (error) => form.fail(error),
      },
    ),
  );
  return (
    <FormFrame
      frame={form.frame}
      onSubmit={submit}
      submitLabel={internal ? t('messages.submitInternal') : t('messages.submit')}
      pending={post.isPending}
      headingLevel={3}
    >
      <Field form={form} name="body" kind="textarea" hint={t('messages.bodyHint')} rows={4} required checkPersonalData />
      {canPostInternal ? (
        <div className="utrecht-form-field utrecht-form-field--checkbox dsp-choice">
          <Checkbox id="message-internal" name="message-internal" checked={internal} onChange={() => form.rhf.setValue('internal', !internal)} />
          <FormLabel htmlFor="message-internal" type="checkbox">
            {t('messages.internalLabel')}
          </FormLabel>
        </div>
      ) : null}
    </FormFrame>
  );
}
