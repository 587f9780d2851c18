import { DEFAULT_SUPPRESSION_THRESHOLD, MAX_SUPPRESSION_THRESHOLD, parseDutchDate, ReportQuerySchema } from '@duidingspool/shared';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { checkedBy } from '../../../lib/form-inputs.ts';
import { formatDate } from '../../../lib/format.ts';
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

const IDS = { kind: 'report-kind', year: 'report-year', from: 'report-from', to: 'report-to', threshold: 'report-threshold' };
const query = ReportQuerySchema.shape;
/** The thresholds a report takes (decision 090: never below the default), for the message of a refused one. */
const THRESHOLDS = { min: DEFAULT_SUPPRESSION_THRESHOLD, max: MAX_SUPPRESSION_THRESHOLD };

/** The fields of this form that a failed report call refused (its query's field errors), with their messages. */
export function refusedFields(error: unknown): Partial<Record<keyof typeof IDS, string>> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(error.fieldErrorsIn('query')).filter(([name]) => name in IDS));
}

/** The form's fields for a report request: a preset, a quarter or half year of one year, or own dates (`dd-mm-jjjj`). */
function formValuesOf(r: ReportRequest | null, initialYear: number): { kind: Kind; year: string; from: string; to: string; threshold: string } {
  const threshold = String(r?.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  if (r === null) return { kind: 'year-end', year: String(initialYear), from: '', to: '', threshold };
  if ('preset' in r) return { kind: r.preset, year: String(r.year), from: '', to: '', threshold };
  const year = r.from.slice(0, 4);
  const part = (Object.keys(QUARTERS) as (keyof typeof QUARTERS)[]).find(
    (k) => r.to.slice(0, 4) === year && `${year}-${QUARTERS[k][0]}` === r.from && `${year}-${QUARTERS[k][1]}` === r.to,
  );
  if (part) return { kind: part, year, from: '', to: '', threshold };
  return { kind: 'custom', year: String(initialYear), from: formatDate(r.from), to: formatDate(r.to), threshold };
}

/** A zod issue on one field of the form, with the form's own message. */
const issue = (ctx: z.RefinementCtx, path: string, text: string) => ctx.addIssue({ code: 'custom', path: [path], message: text, params: { text } });

/**
 * “Periode kiezen”: a preset (interim, year-end), a quarter or half year of a year, or from/to
 * dates (`dd-mm-jjjj`), and the suppression threshold, checked as `ReportQuerySchema` checks them
 * (a year of four digits, both dates and the end not before the start, a threshold from the
 * default up). What the server still refuses with a pointer (`error`, the report's failed answer)
 * lands on the field.
 */
export function ReportForm({
  initialYear,
  initial = null,
  onRun,
  pending,
  error = null,
}: {
  initialYear: number;
  /** The period the page shows (kept in its address), filled in as the form asks it; else the year-end report of `initialYear`. */
  initial?: ReportRequest | null;
  /** Called with the period asked for, or with null when the form refused it (no report is shown then). */
  onRun: (r: ReportRequest | null) => void;
  pending: boolean;
  /** The last report call's error, or null: its field errors are shown on the fields. */
  error?: unknown;
}) {
  const { t } = useTranslation();
  const schema = useMemo(
    () =>
      z
        .object({
          kind: z.enum(KINDS),
          year: z.string(),
          from: z.string(),
          to: z.string(),
          threshold: checkedBy(query.threshold.unwrap(), t('reports.form.thresholdInvalid', THRESHOLDS), t('form.required')),
        })
        .superRefine((v, ctx) => {
          if (v.kind !== 'custom') {
            if (!query.year.unwrap().safeParse(v.year.trim()).success) issue(ctx, 'year', t('reports.form.yearInvalid'));
            return;
          }
          const from = parseDutchDate(v.from);
          const to = parseDutchDate(v.to);
          for (const [name, text, iso] of [
            ['from', v.from, from],
            ['to', v.to, to],
          ] as const) {
            if (!text.trim()) issue(ctx, name, t('form.required'));
            else if (iso === null) issue(ctx, name, t('form.invalidDate'));
          }
          if (from !== null && to !== null && to < from) issue(ctx, 'to', t('form.dateRangeReversed'));
        })
        .transform((v): ReportRequest => {
          const year = Number(v.year.trim());
          if (v.kind === 'interim' || v.kind === 'year-end') return { preset: v.kind, year, threshold: v.threshold };
          if (v.kind === 'custom') return { from: parseDutchDate(v.from) ?? '', to: parseDutchDate(v.to) ?? '', threshold: v.threshold };
          return { from: `${year}-${QUARTERS[v.kind][0]}`, to: `${year}-${QUARTERS[v.kind][1]}`, threshold: v.threshold };
        }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: formValuesOf(initial, initialYear),
    ids: IDS,
    labels: {
      kind: t('reports.form.kind'),
      year: t('reports.form.year'),
      from: t('reports.form.from'),
      to: t('reports.form.to'),
      threshold: t('reports.form.threshold'),
    },
  });
  const { fail } = form;
  // The server's refusal of a field (e.g. a period longer than five years) is shown on that field.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `fail` is a new function each render; a new error alone shows it.
  useEffect(() => {
    const refused = refusedFields(error);
    if (Object.keys(refused).length > 0)
      fail(error, (_, fieldErrors) => {
        Object.assign(fieldErrors, refused);
        return null;
      });
  }, [error]);
  const kind = form.rhf.watch('kind');

  return (
    <FormFrame
      frame={form.frame}
      onSubmit={form.submit(
        (period) => onRun(period),
        () => onRun(null),
      )}
      submitLabel={t('reports.form.submit')}
      pending={pending}
      label={t('reports.form.label')}
      className="dsp-form dsp-no-print"
    >
      <Field form={form} name="kind" kind="select" options={KINDS.map((k) => ({ value: k, label: t(`reports.form.kinds.${k}`) }))} />
      {kind === 'custom' ? (
        <>
          <Field form={form} name="from" kind="date" required />
          <Field form={form} name="to" kind="date" required />
        </>
      ) : (
        <Field form={form} name="year" inputMode="numeric" size="small" required />
      )}
      <Field form={form} name="threshold" hint={t('reports.form.thresholdHint')} inputMode="numeric" size="small" required />
    </FormFrame>
  );
}
