import { z } from 'zod';
import { DEFAULT_SUPPRESSION_THRESHOLD, MAX_SUPPRESSION_THRESHOLD } from '../suppression.ts';
import { decimalInteger, InstantSchema, IsoDateSchema } from './common.ts';

/** The presets of the report page: `interim` (1 January – 30 June) and `year-end` (the calendar year). */
export const REPORT_PRESETS = ['interim', 'year-end'] as const;
export const ReportPresetSchema = z.enum(REPORT_PRESETS);
export type ReportPreset = z.infer<typeof ReportPresetSchema>;

/** The longest period one report covers, in days (five years). */
export const REPORT_MAX_DAYS = 5 * 366;

/** The period of a preset `year`: `interim` 1 January – 30 June, `year-end` 1 January – 31 December. */
export function presetPeriod(preset: ReportPreset, year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: preset === 'interim' ? `${year}-06-30` : `${year}-12-31` };
}

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/**
 * Query of `GET /api/v1/reports` and `GET /api/v1/reports/export` (docs/design.md §12): a period
 * as `from` and `to` (calendar dates, Europe/Amsterdam, both inclusive), or a `preset` with its
 * `year`; and the suppression threshold (integer, at least the default 5: a report may raise it,
 * never lower it). An end before the start, a threshold below 5 or a period longer than five years answer 400 with a pointer.
 */
const periodShape = {
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  preset: ReportPresetSchema.optional(),
  year: decimalInteger(2000, 2999).optional(),
  // A report may be more cautious than the default, never less (decision 090): the floor is the default.
  threshold: decimalInteger(DEFAULT_SUPPRESSION_THRESHOLD, MAX_SUPPRESSION_THRESHOLD).default(DEFAULT_SUPPRESSION_THRESHOLD),
};

/** The checks across fields of a report query: a preset with a year, or both dates in order and at most five years apart. */
function checkPeriod(
  q: { from?: string | undefined; to?: string | undefined; preset?: ReportPreset | undefined; year?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (q.preset !== undefined) {
    if (q.year === undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: 'geef het jaar van de voorinstelling' });
    if (q.from !== undefined || q.to !== undefined)
      ctx.addIssue({ code: 'custom', path: ['preset'], message: 'kies een voorinstelling of een periode, niet beide' });
    return;
  }
  if (q.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'geef de begindatum' });
  if (q.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'geef de einddatum' });
  if (q.from !== undefined && q.to !== undefined) {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'de einddatum ligt voor de begindatum' });
    else if (dayNumber(q.to) - dayNumber(q.from) + 1 > REPORT_MAX_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'een rapport beslaat hoogstens vijf jaar' });
  }
}

export const ReportQuerySchema = z.strictObject(periodShape).superRefine(checkPeriod);
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** Query of `GET /api/v1/reports/export`: the report's query and the file format. */
export const ReportExportQuerySchema = z.strictObject({ ...periodShape, format: z.enum(['csv', 'xlsx', 'pdf']).default('csv') }).superRefine(checkPeriod);
export type ReportExportQuery = z.infer<typeof ReportExportQuerySchema>;

/** One published figure: its value, "< threshold" (a count 1 … threshold − 1), or hidden to protect a small cell. */
export const ReportCellSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('value'), value: z.number().int() }),
    z.object({ kind: z.literal('small'), below: z.number().int() }),
    z.object({ kind: z.literal('hidden') }),
  ])
  .meta({ id: 'ReportCell' });
export type ReportCell = z.infer<typeof ReportCellSchema>;

/**
 * What the numbers of a column are: counts of requests or answers (suppressed), integer euro cents,
 * integer minutes, whole percents, working days, or `number`: a whole number that counts no cases
 * (the municipalities in service of a region), published as it is.
 */
export const REPORT_UNITS = ['count', 'cents', 'minutes', 'percent', 'days', 'number'] as const;
export const ReportUnitSchema = z.enum(REPORT_UNITS);
export type ReportUnit = z.infer<typeof ReportUnitSchema>;

export const ReportColumnSchema = z.object({ key: z.string(), label: z.string(), unit: ReportUnitSchema }).meta({ id: 'ReportColumn' });
export type ReportColumn = z.infer<typeof ReportColumnSchema>;

export const ReportRowSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    cells: z.array(ReportCellSchema),
    /** The row's total, when the table has a total column. */
    total: ReportCellSchema.nullable(),
  })
  .meta({ id: 'ReportRow' });
export type ReportRow = z.infer<typeof ReportRowSchema>;

/**
 * One published table of a report, every count already suppressed by the server (decision 090):
 * rows × columns, with row totals, column totals and a grand total where the table has them.
 * `chart` names the column the page draws as bars (the table is always shown beside it).
 */
export const ReportTableSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    /** What the table counts and how (shown under it). */
    note: z.string().nullable(),
    columns: z.array(ReportColumnSchema),
    rows: z.array(ReportRowSchema),
    totalLabel: z.string().nullable(),
    columnTotals: z.array(ReportCellSchema).nullable(),
    total: ReportCellSchema.nullable(),
    chart: z.string().nullable(),
  })
  .meta({ id: 'ReportTable' });
export type ReportTable = z.infer<typeof ReportTableSchema>;

export const REPORT_SECTIONS = ['activities', 'reach', 'results', 'timeliness', 'money'] as const;
export const ReportSectionIdSchema = z.enum(REPORT_SECTIONS);
export type ReportSectionId = z.infer<typeof ReportSectionIdSchema>;

export const ReportSectionSchema = z.object({ id: ReportSectionIdSchema, title: z.string(), tables: z.array(ReportTableSchema) }).meta({ id: 'ReportSection' });
export type ReportSection = z.infer<typeof ReportSectionSchema>;

/**
 * `GET /api/v1/reports`: the sections the reader may see (the coordinator all five, finance only
 * money), for the period `from`–`to`, with the suppression threshold that was applied.
 * `publishable`: the period is the interim or year-end period of a year, the reports checked against
 * each other for differencing (decision 132); any other period is an internal overview, since two
 * chosen periods together can give a small count away, and says so on the page and in every file.
 */
export const ReportSchema = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    preset: ReportPresetSchema.nullable(),
    publishable: z.boolean(),
    threshold: z.number().int(),
    generatedAt: InstantSchema,
    sections: z.array(ReportSectionSchema),
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof ReportSchema>;
