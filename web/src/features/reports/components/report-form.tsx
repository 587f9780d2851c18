import { DEFAULT_SUPPRESSION_THRESHOLD } from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import type { ReportRequest } from '../api/get-report.ts';

/** The periods the form offers: the two presets, a quarter, the second half year, or dates. */
const KINDS = ['interim', 'year-end', 'q1', 'q2', 'q3', 'q4', 'h2', 'custom'] as const;
type Kind = (typeof KINDS)[number];

const QUARTERS: Record<'q1' | 'q2' | 'q3' | 'q4' | 'h2', [string, string]> = {
  q1: ['01-01', '03-31'],
  q2: ['04-01', '06-30'],
  q3: ['07-01', '09-30'],
  q4: ['10-01', '12-31'],
  h2: ['07-01', '12-31'],
};

type Field = 'kind' | 'year' | 'from' | 'to' | 'threshold';
const IDS: Record<Field, string> = { kind: 'report-kind', year: 'report-year', from: 'report-from', to: 'report-to', threshold: 'report-threshold' };

/**
 * “Periode kiezen”: a preset (interim, year-end), a quarter or half year of a year, or from/to
 * dates, and the suppression threshold. The server checks the period and the threshold (an end
 * before the start, a threshold below the default 5: 400 with the field), and the page shows its answer.
 */
export function ReportForm({ initialYear, onRun, pending }: { initialYear: number; onRun: (r: ReportRequest) => void; pending: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('year-end');
  const [year, setYear] = useState(String(initialYear));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [threshold, setThreshold] = useState(String(DEFAULT_SUPPRESSION_THRESHOLD));
  const labels: Record<Field, string> = {
    kind: t('reports.form.kind'),
    year: t('reports.form.year'),
    from: t('reports.form.from'),
    to: t('reports.form.to'),
    threshold: t('reports.form.threshold'),
  };
  const form = useProblemForm(IDS, labels);

  const submit = () => {
    form.begin();
    const e: Partial<Record<Field, string>> = {};
    const y = Number(year);
    if (kind !== 'custom' && !/^\d{4}$/.test(year)) e.year = t('reports.form.yearInvalid');
    if (kind === 'custom' && !from) e.from = t('form.required');
    if (kind === 'custom' && !to) e.to = t('form.required');
    if (!/^\d+$/.test(threshold)) e.threshold = t('reports.form.thresholdInvalid');
    if (!form.check(e)) return;
    const n = Number(threshold);
    if (kind === 'interim' || kind === 'year-end') onRun({ preset: kind, year: y, threshold: n });
    else if (kind === 'custom') onRun({ from, to, threshold: n });
    else onRun({ from: `${y}-${QUARTERS[kind][0]}`, to: `${y}-${QUARTERS[kind][1]}`, threshold: n });
  };

  return (
    <FormFrame
      frame={form.frame}
      onSubmit={submit}
      submitLabel={t('reports.form.submit')}
      pending={pending}
      label={t('reports.form.label')}
      className="dsp-form dsp-no-print"
    >
      <SelectField
        {...form.field('kind')}
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        options={KINDS.map((k) => ({ value: k, label: t(`reports.form.kinds.${k}`) }))}
      />
      {kind === 'custom' ? (
        <>
          <TextField {...form.field('from')} type="date" value={from} onChange={setFrom} size="small" required />
          <TextField {...form.field('to')} type="date" value={to} onChange={setTo} size="small" required />
        </>
      ) : (
        <TextField {...form.field('year')} inputMode="numeric" value={year} onChange={setYear} size="small" required />
      )}
      <TextField
        {...form.field('threshold')}
        description={t('reports.form.thresholdHint')}
        inputMode="numeric"
        value={threshold}
        onChange={setThreshold}
        size="small"
        required
      />
    </FormFrame>
  );
}
