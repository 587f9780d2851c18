import { type DeliverAdviceBody, DeliverAdviceBodySchema, maxLengthOf } from '@duidingspool/shared';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmPanel } from '../../../components/confirm-action.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { textInput } from '../../../lib/form-inputs.ts';
import { formatInstant } from '../../../lib/format.ts';
import { useAdviceDraft, useSaveAdviceDraft } from '../api/advice-draft.ts';
import { useDeliverAdvice } from '../api/deliver-advice.ts';

const SUMMARY_MAX = maxLengthOf(DeliverAdviceBodySchema.shape.summary);
const BODY_MAX = maxLengthOf(DeliverAdviceBodySchema.shape.body);

/** Seconds of quiet typing after which the advice draft is saved. */
const AUTOSAVE_DELAY_MS = 2000;

/**
 * “Advies schrijven en opleveren”: summary and body, saved on the server while written (a few
 * seconds after typing stops, with the version last seen; another tab's newer save is never
 * overwritten: the form says so and offers to load it), and delivered to the casustafel with
 * “Advies opleveren” after a confirmation that says what follows (the advice cannot be changed,
 * the table reads it, the request moves on). Both fields are checked by `DeliverAdviceBodySchema`
 * (limits shown as character counts) before the confirmation; the server's refusal lands on the field.
 */
export function AdviceForm({ requestId, reference, onDelivered }: { requestId: string; reference: string; onDelivered?: () => void }) {
  const { t } = useTranslation();
  const deliver = useDeliverAdvice(requestId);
  const [confirming, setConfirming] = useState<DeliverAdviceBody | null>(null);
  const draft = useAdviceDraft(requestId);
  const save = useSaveAdviceDraft(requestId);
  const version = useRef<number | null>(null);
  const saved = useRef({ summary: '', body: '' });
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const schema = useMemo(
    () =>
      z.object({
        summary: textInput(DeliverAdviceBodySchema.shape.summary, t, { personalData: true }),
        body: textInput(DeliverAdviceBodySchema.shape.body, t, { personalData: true }),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { summary: '', body: '' },
    ids: { summary: 'advice-summary', body: 'advice-body' },
    labels: { summary: t('advice.summary'), body: t('advice.body') },
  });
  const { reset, watch } = form.rhf;
  const summary = watch('summary');
  const body = watch('body');

  /** Shows a saved draft (the server's text and version) in the form. */
  const show = (loaded: { summary: string; body: string; version: number; updatedAt: string | null }) => {
    version.current = loaded.version;
    saved.current = { summary: loaded.summary, body: loaded.body };
    reset({ summary: loaded.summary, body: loaded.body });
    setSavedAt(loaded.updatedAt);
  };

  // The saved draft fills the form once, when it arrives.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `show` only writes refs and the form's values
  useEffect(() => {
    if (!draft.data || version.current !== null) return;
    show(draft.data);
  }, [draft.data]);

  // Autosave: a few seconds after the last change, unless nothing changed, the text holds personal
  // data the server would refuse or is too long, another tab saved meanwhile, or the delivery is being confirmed.
  useEffect(() => {
    if (version.current === null || stale || confirming) return;
    if (summary === saved.current.summary && body === saved.current.body) return;
    if (hasBlockingPersonalData(summary) || hasBlockingPersonalData(body) || summary.length > SUMMARY_MAX || body.length > BODY_MAX) return;
    const timer = setTimeout(() => {
      const sent = { summary, body };
      save.mutate(
        { ...sent, version: version.current ?? 0 },
        {
          onSuccess: (result) => {
            version.current = result.version;
            saved.current = sent;
            setSavedAt(result.updatedAt);
          },
          onError: (error) => {
            if (isProblem(error, 'conflict')) setStale(true);
          },
        },
      );
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [summary, body, stale, confirming, save.mutate]);

  const loadLatest = async () => {
    const latest = await draft.refetch();
    if (!latest.data) return;
    show(latest.data);
    setStale(false);
  };

  // “Advies opleveren” checks the text, then asks for confirmation; only the confirmation delivers.
  const submit = form.submit((checked) => setConfirming(checked));

  const deliverNow = () => {
    if (!confirming) return;
    const checked = confirming;
    setConfirming(null);
    deliver.mutate(checked, { onSuccess: () => onDelivered?.(), onError: (error) => form.fail(error) });
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('advice.submit')} pending={deliver.isPending} headingLevel={3}>
      <Field form={form} name="summary" kind="textarea" hint={t('advice.summaryHint')} rows={3} required checkPersonalData />
      <Field form={form} name="body" kind="textarea" rows={12} required checkPersonalData />
      <Paragraph className="dsp-muted" role="status">
        {savedAt ? t('advice.draftSaved', { at: formatInstant(savedAt) }) : t('advice.draftNotSaved')}
      </Paragraph>
      {stale ? (
        <Alert type="warning">
          <Paragraph>{t('advice.draftStale')}</Paragraph>
          <Button type="button" appearance="secondary-action-button" onClick={() => void loadLatest()}>
            {t('advice.draftLoadLatest')}
          </Button>
        </Alert>
      ) : null}
      {confirming ? (
        <ConfirmPanel
          text={{
            question: t('advice.confirm.question', { reference }),
            consequences: [t('advice.confirm.final'), t('advice.confirm.table'), t('advice.confirm.status')],
            confirmLabel: t('advice.confirm.submit'),
          }}
          pending={deliver.isPending}
          onConfirm={deliverNow}
          onBack={() => setConfirming(null)}
        />
      ) : null}
    </FormFrame>
  );
}
