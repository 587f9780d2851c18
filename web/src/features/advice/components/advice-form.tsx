import { DeliverAdviceBodySchema, maxLengthOf } from '@duidingspool/shared';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmPanel } from '../../../components/confirm-action.tsx';
import { TextareaField } from '../../../components/form-field.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { formatInstant } from '../../../lib/format.ts';
import { useAdviceDraft, useSaveAdviceDraft } from '../api/advice-draft.ts';
import { useDeliverAdvice } from '../api/deliver-advice.ts';

type Field = 'summary' | 'body';
const IDS: Record<Field, string> = { summary: 'advice-summary', body: 'advice-body' };
const SUMMARY_MAX = maxLengthOf(DeliverAdviceBodySchema.shape.summary);
const BODY_MAX = maxLengthOf(DeliverAdviceBodySchema.shape.body);

/** Seconds of quiet typing after which the advice draft is saved. */
const AUTOSAVE_DELAY_MS = 2000;

/**
 * “Advies schrijven en opleveren”: summary and body, saved on the server while written (a few
 * seconds after typing stops, with the version last seen; another tab's newer save is never
 * overwritten: the form says so and offers to load it), and delivered to the casustafel with
 * “Advies opleveren” after a confirmation that says what follows (the advice cannot be changed,
 * the table reads it, the request moves on).
 */
export function AdviceForm({ requestId, reference, onDelivered }: { requestId: string; reference: string; onDelivered?: () => void }) {
  const { t } = useTranslation();
  const deliver = useDeliverAdvice(requestId);
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [confirming, setConfirming] = useState(false);
  const draft = useAdviceDraft(requestId);
  const save = useSaveAdviceDraft(requestId);
  const version = useRef<number | null>(null);
  const saved = useRef({ summary: '', body: '' });
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  // The saved draft fills the form once, when it arrives.
  useEffect(() => {
    if (!draft.data || version.current !== null) return;
    version.current = draft.data.version;
    saved.current = { summary: draft.data.summary, body: draft.data.body };
    setSummary(draft.data.summary);
    setBody(draft.data.body);
    setSavedAt(draft.data.updatedAt);
  }, [draft.data]);

  // Autosave: a few seconds after the last change, unless nothing changed, the text holds personal
  // data the server would refuse, another tab saved meanwhile, or a save is still running.
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
    version.current = latest.data.version;
    saved.current = { summary: latest.data.summary, body: latest.data.body };
    setSummary(latest.data.summary);
    setBody(latest.data.body);
    setSavedAt(latest.data.updatedAt);
    setStale(false);
  };
  const labels: Record<Field, string> = { summary: t('advice.summary'), body: t('advice.body') };
  const form = useProblemForm(IDS, labels);

  const submit = () => {
    form.begin();
    const e: Partial<Record<Field, string>> = {};
    if (!summary.trim()) e.summary = t('form.required');
    else if (summary.length > SUMMARY_MAX) e.summary = t('form.maxLength', { max: SUMMARY_MAX });
    else if (hasBlockingPersonalData(summary)) e.summary = t('personalData.fieldError');
    if (!body.trim()) e.body = t('form.required');
    else if (body.length > BODY_MAX) e.body = t('form.maxLength', { max: BODY_MAX });
    else if (hasBlockingPersonalData(body)) e.body = t('personalData.fieldError');
    if (!form.check(e)) return;
    setConfirming(true);
  };

  const deliverNow = () => {
    setConfirming(false);
    deliver.mutate(
      { summary, body },
      {
        onSuccess: () => onDelivered?.(),
        onError: (error) => form.fail(error),
      },
    );
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('advice.submit')} pending={deliver.isPending} headingLevel={3}>
      <TextareaField
        {...form.field('summary')}
        description={t('advice.summaryHint')}
        value={summary}
        onChange={setSummary}
        rows={3}
        required
        checkPersonalData
      />
      <TextareaField {...form.field('body')} value={body} onChange={setBody} rows={12} required checkPersonalData />
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
          onBack={() => setConfirming(false)}
        />
      ) : null}
    </FormFrame>
  );
}
