import type { InterpretationRequest, RequestStatus } from '@duidingspool/shared';
import { IRREVERSIBLE_STATUSES, PATCHABLE_STATUSES, PatchInterpretationRequestBodySchema, REASON_REQUIRED_STATUSES } from '@duidingspool/shared';
import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { InlineForm } from '../../../components/inline-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { textInput } from '../../../lib/form-inputs.ts';
import { formatCents } from '../../../lib/format.ts';
import { useUpdateRequestStatus } from '../api/update-request-status.ts';

type Patchable = (typeof PATCHABLE_STATUSES)[number];
type ReasonMode = 'none' | 'optional' | 'required';

/**
 * Whether an action asks for a reason, given the status the request is in now. Which reasons are
 * required is the server's rule (`REASON_REQUIRED_STATUSES`); the UI only chooses where to offer an
 * optional one.
 */
function reasonMode(target: Patchable, from: RequestStatus): ReasonMode {
  if (REASON_REQUIRED_STATUSES.includes(target)) return 'required';
  if (target === 'withdrawn' || (target === 'submitted' && from === 'needs-information')) return 'optional';
  return 'none';
}

/** How each action's button looks: the usual next step is primary; ending a request is marked as dangerous. */
const BUTTON_STYLE: Record<Patchable, { appearance: 'primary-action-button' | 'secondary-action-button'; hint?: 'danger' }> = {
  submitted: { appearance: 'primary-action-button' },
  closed: { appearance: 'primary-action-button' },
  'needs-information': { appearance: 'secondary-action-button' },
  declined: { appearance: 'secondary-action-button', hint: 'danger' },
  cancelled: { appearance: 'secondary-action-button', hint: 'danger' },
  withdrawn: { appearance: 'secondary-action-button', hint: 'danger' },
};

const isPatchable = (s: RequestStatus): s is Patchable => (PATCHABLE_STATUSES as readonly string[]).includes(s);

/** The actions that cannot be undone: each is confirmed first, naming what happens and what is lost. */
const IRREVERSIBLE: readonly Patchable[] = IRREVERSIBLE_STATUSES;

/**
 * What ending the request does, in sentences for the confirmation (from the request's
 * `endEffects`, the server's count): the reservation released, the specialist stopped, open
 * extension requests refused (a warning), undecided hours that stay (a warning).
 */
function useEndConsequences(request: InterpretationRequest, target: Patchable) {
  const { t } = useTranslation();
  const effects = request.endEffects;
  const consequences: string[] = [t(`requestActions.explain.${target}`)];
  const warnings: string[] = [];
  const live = request.assignments.some((a) => a.status !== 'declined' && a.closedAt === null);
  if (target !== 'declined' && effects) {
    if (effects.releasedCents !== null && effects.releasedCents > 0)
      consequences.push(t('requestActions.effects.released', { amount: formatCents(effects.releasedCents) }));
    else if (effects.releasedCents === null && live) consequences.push(t('requestActions.effects.releasedUnnamed'));
    if (live) consequences.push(t('requestActions.effects.specialistStops'));
    if (effects.openExtensionRequests > 0) warnings.push(t('requestActions.effects.extensions', { count: effects.openExtensionRequests }));
    if (effects.undecidedEntries > 0) warnings.push(t('requestActions.effects.undecided', { count: effects.undecidedEntries }));
  }
  if (target === 'closed') consequences.push(t('requestActions.effects.retention'));
  return { consequences, warnings };
}

/**
 * The status changes this user may make now (from the request's `allowedTransitions`, less
 * `exclude`: a page that offers one itself, as the draft form does “Indienen”), e.g. “Indienen”,
 * “Sluiten”, “Intrekken”. Actions that need a reason, or cannot be undone, open a confirming form first.
 */
export function RequestActions({ request, exclude = [] }: { request: InterpretationRequest; exclude?: readonly RequestStatus[] }) {
  const { t } = useTranslation();
  const update = useUpdateRequestStatus(request.id);
  const [pending, setPending] = useState<Patchable | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const actions = request.allowedTransitions.filter(isPatchable).filter((s) => !exclude.includes(s));

  const finished = (target: Patchable) => {
    setPending(null);
    setDone(t('requestActions.done', { status: t(`status.request.${target}`) }));
    document.getElementById('actions-heading')?.focus();
  };

  const start = (target: Patchable) => {
    update.reset();
    setDone(null);
    if (reasonMode(target, request.status) === 'none' && !IRREVERSIBLE.includes(target))
      update.mutate({ status: target }, { onSuccess: () => finished(target) });
    else setPending(target);
  };

  if (actions.length === 0 && !done) return null;

  return (
    <section aria-labelledby="actions-heading" className="dsp-section dsp-actions">
      <Heading2 id="actions-heading" tabIndex={-1}>
        {t('requestActions.heading')}
      </Heading2>
      <StatusMessage message={done} />
      {update.isError && !pending ? <ProblemAlert error={update.error} /> : null}
      {actions.length > 0 && !pending ? (
        <ButtonGroup>
          {actions.map((target) => (
            <Button
              key={target}
              appearance={BUTTON_STYLE[target].appearance}
              hint={BUTTON_STYLE[target].hint}
              onClick={() => start(target)}
              disabled={update.isPending}
            >
              {t(`requestActions.${target}`)}
            </Button>
          ))}
        </ButtonGroup>
      ) : null}
      {pending ? <ConfirmTransition key={pending} request={request} target={pending} onBack={() => setPending(null)} onDone={() => finished(pending)} /> : null}
    </section>
  );
}

/**
 * The confirming form of one action: its question and consequences and, where the action takes
 * one, the reason (required for `REASON_REQUIRED_STATUSES`; its limit from
 * `PatchInterpretationRequestBodySchema`; refused with personal data). The server's refusal of the
 * reason lands on the field; any other refusal is shown above the form.
 */
function ConfirmTransition({ request, target, onBack, onDone }: { request: InterpretationRequest; target: Patchable; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateRequestStatus(request.id);
  const mode = reasonMode(target, request.status);
  const schema = useMemo(() => {
    const reason = textInput(PatchInterpretationRequestBodySchema.shape.reason.unwrap(), t, { personalData: true }).transform((v) =>
      v === '' ? undefined : v,
    );
    return z.object({
      reason:
        mode === 'required'
          ? z
              .string()
              .refine((v) => v.trim().length > 0, { params: { text: t('form.required') } })
              .pipe(reason)
          : reason,
    });
  }, [t, mode]);
  const form = useSchemaForm({
    schema,
    defaultValues: { reason: '' },
    ids: { reason: 'transition-reason' },
    labels: { reason: t(`requestActions.reasonLabel.${target}`) },
    focus: 'field',
  });
  const { setFocus } = form.rhf;
  useEffect(() => {
    if (mode !== 'none') setFocus('reason');
  }, [mode, setFocus]);
  const submit = form.submit(({ reason }) =>
    update.mutate({ status: target, ...(reason ? { reason } : {}) }, { onSuccess: onDone, onError: (error) => form.fail(error, fieldsOrMessage) }),
  );
  return (
    <>
      {update.isError && !form.rhf.formState.errors.reason ? <ProblemAlert error={update.error} /> : null}
      <InlineForm
        onSubmit={submit}
        submitLabel={t('requestActions.confirm', { action: t(`requestActions.${target}`) })}
        pending={update.isPending}
        danger={IRREVERSIBLE.includes(target)}
        onBack={onBack}
      >
        <Consequences request={request} target={target} />
        {mode === 'none' ? null : (
          <Field
            form={form}
            name="reason"
            kind="textarea"
            hint={mode === 'optional' ? t('form.optional') : undefined}
            rows={3}
            required={mode === 'required'}
            checkPersonalData
          />
        )}
      </InlineForm>
    </>
  );
}

/** The question and the consequences of one action in its confirming form; focused when shown. */
function Consequences({ request, target }: { request: InterpretationRequest; target: Patchable }) {
  const { t } = useTranslation();
  const { consequences, warnings } = useEndConsequences(request, target);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (reasonMode(target, request.status) === 'none') ref.current?.focus();
  }, [target, request.status]);
  return (
    <>
      <Paragraph ref={ref} tabIndex={-1}>
        <strong>{t('requestActions.question', { action: t(`requestActions.${target}`), reference: request.reference })}</strong>
      </Paragraph>
      <ul className="dsp-confirm__consequences">
        {consequences.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {warnings.length > 0 ? (
        <Alert type="warning">
          {warnings.map((w) => (
            <Paragraph key={w}>{w}</Paragraph>
          ))}
        </Alert>
      ) : null}
    </>
  );
}
