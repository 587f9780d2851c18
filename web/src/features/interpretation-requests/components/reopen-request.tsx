import type { InterpretationRequest } from '@duidingspool/shared';
import { maxLengthOf, ReopenRequestBodySchema } from '@duidingspool/shared';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField } from '../../../components/form-field.tsx';
import { InlineForm } from '../../../components/inline-form.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { isolate } from '../../../lib/bidi.ts';
import { useReopenRequest } from '../api/reopen-request.ts';

/** The reason field's limit, from the contract. */
const REASON_MAX = maxLengthOf(ReopenRequestBodySchema.shape.reason);

/**
 * “Heropenen voor meer werk” after the advice (docs/design.md §4, decision 113), shown when the
 * request's `allowedActions` has `reopen`: a form that says what happens (the same specialist works
 * on, logs hours and delivers a new version; more hours go through the coordinator) and asks the
 * required reason, then confirms. `onDone` announces the result on the page.
 */
export function ReopenRequest({ request, onDone }: { request: InterpretationRequest; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const reopen = useReopenRequest(request.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const fieldRef = useRef<HTMLDivElement>(null);
  const specialist = request.assignments.find((a) => a.status === 'accepted' && a.closedAt === null)?.specialistName ?? null;

  useEffect(() => {
    if (open) fieldRef.current?.querySelector('textarea')?.focus();
  }, [open]);

  const submit = () => {
    if (!reason.trim()) return setReasonError(t('form.required'));
    if (hasBlockingPersonalData(reason)) return setReasonError(t('personalData.fieldError'));
    setReasonError(undefined);
    reopen.mutate(
      { reason: reason.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
          onDone(t('reopen.done', { reference: request.reference }));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fieldErrors.reason) setReasonError(error.fieldErrors.reason);
        },
      },
    );
  };

  return (
    <section aria-labelledby="reopen-heading" className="dsp-section">
      <Heading2 id="reopen-heading">{t('reopen.heading')}</Heading2>
      <Paragraph>{t('reopen.intro')}</Paragraph>
      {reopen.isError && !reasonError ? <ProblemAlert error={reopen.error} /> : null}
      {open ? (
        <InlineForm
          onSubmit={submit}
          submitLabel={t('reopen.confirm')}
          pending={reopen.isPending}
          onBack={() => {
            setOpen(false);
            setReasonError(undefined);
            reopen.reset();
          }}
        >
          <Paragraph>
            <strong>{t('reopen.question', { reference: request.reference })}</strong>
          </Paragraph>
          <ul className="dsp-confirm__consequences">
            <li>{specialist ? t('reopen.effects.specialist', { name: isolate(specialist) }) : t('reopen.effects.specialistUnnamed')}</li>
            <li>{t('reopen.effects.hours')}</li>
            <li>{t('reopen.effects.advice')}</li>
            <li>{t('reopen.effects.clock')}</li>
          </ul>
          <div ref={fieldRef}>
            <TextareaField
              id="reopen-reason"
              label={t('reopen.reasonLabel')}
              description={t('reopen.reasonHint')}
              value={reason}
              onChange={setReason}
              error={reasonError}
              rows={4}
              required
              maxLength={REASON_MAX}
              checkPersonalData
            />
          </div>
        </InlineForm>
      ) : (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              reopen.reset();
              setOpen(true);
            }}
          >
            {t('reopen.start')}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}
