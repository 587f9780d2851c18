import { type InterpretationRequest, MAX_PARTICIPANTS_PER_CATEGORY, REACH_CATEGORIES, type ReachCategory } from '@duidingspool/shared';
import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
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
  const [values, setValues] = useState<Record<ReachCategory, string>>(
    () => Object.fromEntries(REACH_CATEGORIES.map((c) => [c, reach ? String(reach.participants[c]) : ''])) as Record<ReachCategory, string>,
  );
  const labels = Object.fromEntries(REACH_CATEGORIES.map((c) => [c, t(`reach.categories.${c}`)])) as Record<ReachCategory, string>;
  const form = useProblemForm(IDS, labels);
  if (!may && !reach) return null;

  const submit = () => {
    form.begin();
    const e: Partial<Record<ReachCategory, string>> = {};
    const participants: Partial<Record<ReachCategory, number>> = {};
    for (const c of REACH_CATEGORIES) {
      const raw = values[c].trim();
      if (!raw) continue;
      const n = Number(raw);
      if (!/^\d{1,4}$/.test(raw) || n > MAX_PARTICIPANTS_PER_CATEGORY) e[c] = t('reach.invalid', { max: MAX_PARTICIPANTS_PER_CATEGORY });
      else participants[c] = n;
    }
    if (!form.check(e)) return;
    record.mutate({ participants }, { onSuccess: (r) => onRecorded(t('reach.recorded', { people: r.peopleReached })), onError: (error) => form.fail(error) });
  };

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
            <TextField
              key={c}
              size="small"
              autoComplete="off"
              id={IDS[c]}
              label={labels[c]}
              value={values[c]}
              onChange={(v) => setValues((x) => ({ ...x, [c]: v }))}
              error={form.errors[c]}
              inputMode="numeric"
            />
          ))}
        </FormFrame>
      ) : null}
    </section>
  );
}
