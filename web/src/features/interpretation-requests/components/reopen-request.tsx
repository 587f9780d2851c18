import type { InterpretationRequest } from '@duidingspool/shared';
import { ReopenRequestBodySchema } from '@duidingspool/shared';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { InlineForm } from '../../../components/inline-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { textInput } from '../../../lib/form-inputs.ts';
import { useReopenRequest } from '../api/reopen-request.ts';

/**
 * “Heropenen voor meer werk” after the advice (docs/design.md §4, decision 113), shown when the
 * request's `allowedActions` has `reopen`: a form that says what happens (the same specialist works
 * on, logs hours and delivers a new version; more hours go through the coordinator) and asks the
 * required reason, then confirms. `onDone` announces the result on the page.
 */
export function ReopenRequest({ request, onDone }: { request: InterpretationRequest; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="reopen-heading" className="dsp-section">
      <Heading2 id="reopen-heading">{t('reopen.heading')}</Heading2>
      <Paragraph>{t('reopen.intro')}</Paragraph>
      {open ? (
        <ReopenForm
          request={request}
          onBack={() => setOpen(false)}
          onDone={(message) => {
            setOpen(false);
            onDone(message);
          }}
        />
      ) : (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => setOpen(true)}>
            {t('reopen.start')}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}

/** What reopening does, and the required reason (its limit from `ReopenRequestBodySchema`; focused when shown). */
function ReopenForm({ request, onBack, onDone }: { request: InterpretationRequest; onBack: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const reopen = useReopenRequest(request.id);
  const specialist = request.assignments.find((a) => a.status === 'accepted' && a.closedAt === null)?.specialistName ?? null;
  const schema = useMemo(
    () =>
      z.object({
        reason: z
          .string()
          .refine((v) => v.trim().length > 0, { params: { text: t('form.required') } })
          .pipe(textInput(ReopenRequestBodySchema.shape.reason, t, { personalData: true })),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { reason: '' },
    ids: { reason: 'reopen-reason' },
    labels: { reason: t('reopen.reasonLabel') },
    focus: 'field',
  });
  const { setFocus } = form.rhf;
  useEffect(() => setFocus('reason'), [setFocus]);
  const submit = form.submit((body) =>
    reopen.mutate(body, {
      onSuccess: () => onDone(t('reopen.done', { reference: request.reference })),
      onError: (error) => form.fail(error, fieldsOrMessage),
    }),
  );
  return (
    <>
      {reopen.isError && !form.rhf.formState.errors.reason ? <ProblemAlert error={reopen.error} /> : null}
      <InlineForm onSubmit={submit} submitLabel={t('reopen.confirm')} pending={reopen.isPending} onBack={onBack}>
        <Paragraph>
          <strong>{t('reopen.question', { reference: request.reference })}</strong>
        </Paragraph>
        <ul className="dsp-confirm__consequences">
          <li>{specialist ? t('reopen.effects.specialist', { name: isolate(specialist) }) : t('reopen.effects.specialistUnnamed')}</li>
          <li>{t('reopen.effects.hours')}</li>
          <li>{t('reopen.effects.advice')}</li>
          <li>{t('reopen.effects.clock')}</li>
        </ul>
        <Field form={form} name="reason" kind="textarea" hint={t('reopen.reasonHint')} rows={4} required checkPersonalData />
      </InlineForm>
    </>
  );
}
