import { type InterpretationRequest, REACH_CATEGORIES, type ReachCategory, RecordReachBodySchema } from '@duidingspool/shared';
import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { optionalWholeNumberInput, wholeNumberHint } from '../../../lib/form-inputs.ts';
import { formatInstant } from '../../../lib/format.ts';
import { useRecordReach } from '../api/record-reach.ts';

const IDS = Object.fromEntries(REACH_CATEGORIES.map((c) => [c, `reach-${c}`])) as Record<ReachCategory, string>;

/**
 * “Bereik” of a training or information session (docs/design.md §12): the participants per audience
 * category as recorded, with people reached and professionals trained; for the specialist of the
 * accepted assignment (`allowedActions: ['record-reach']`) the form that records or corrects them.
 */
export function RequestReachSection({ request, onRecorded }: { request: InterpretationRequest; onRecorded: (message: string) => void }) {
  const { t } = useTranslation();
  const may = request.allowedActions.includes('record-reach');
  const reach = request.reach;
  const record = useRecordReach(request.id);
  const labels = Object.fromEntries(REACH_CATEGORIES.map((c) => [c, t(`reach.categories.${c}`)])) as Record<ReachCategory, string>;
  const count = RecordReachBodySchema.shape.participants.shape.education.unwrap();
  const schema = useMemo(() => {
    const field = optionalWholeNumberInput(count, t);
    return z.object(Object.fromEntries(REACH_CATEGORIES.map((c) => [c, field])) as Record<ReachCategory, typeof field>);
  }, [t, count]);
  const form = useSchemaForm({
    schema,
    defaultValues: Object.fromEntries(REACH_CATEGORIES.map((c) => [c, reach ? String(reach.participants[c]) : ''])) as Record<ReachCategory, string>,
    ids: IDS,
    labels,
  });
  if (!may && !reach) return null;

  // A category left empty counts 0: it is not sent.
  const submit = form.submit((values) => {
    const participants = Object.fromEntries(Object.entries(values).filter(([, n]) => n !== undefined)) as Partial<Record<ReachCategory, number>>;
    record.mutate({ participants }, { onSuccess: (r) => onRecorded(t('reach.recorded', { people: r.peopleReached })), onError: (error) => form.fail(error) });
  });

  return (
    <section aria-labelledby="reach-heading" className="dsp-section">
      <Heading2 id="reach-heading">{t('reach.heading')}</Heading2>
      {reach ? (
        <>
          <DataList className="dsp-facts">
            <DataListItem>
              <DataListKey>{t('reach.peopleReached')}</DataListKey>
              <DataListValue>{reach.peopleReached}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('reach.professionalsTrained')}</DataListKey>
              <DataListValue>{reach.professionalsTrained}</DataListValue>
            </DataListItem>
            {REACH_CATEGORIES.map((c) => (
              <DataListItem key={c}>
                <DataListKey>{labels[c]}</DataListKey>
                <DataListValue>{reach.participants[c]}</DataListValue>
              </DataListItem>
            ))}
          </DataList>
          <Paragraph className="dsp-muted">{t('reach.recordedBy', { name: reach.recordedByName, at: formatInstant(reach.recordedAt) })}</Paragraph>
        </>
      ) : null}
      {may ? (
        <FormFrame
          frame={form.frame}
          onSubmit={submit}
          submitLabel={t('reach.submit')}
          pending={record.isPending}
          labelledBy="reach-heading"
          intro={<Paragraph>{t('reach.intro')}</Paragraph>}
        >
          {REACH_CATEGORIES.map((c) => (
            <Field key={c} form={form} name={c} hint={wholeNumberHint(count, t)} size="small" autoComplete="off" inputMode="numeric" />
          ))}
        </FormFrame>
      ) : null}
    </section>
  );
}
