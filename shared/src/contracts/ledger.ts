import { z } from 'zod';
import { BreakdownDimensionSchema } from './budgets.ts';
import { CentsSchema, IdSchema, InstantSchema, PageQuerySchema } from './common.ts';
import { MonthSchema } from './periods.ts';
import { TimeEntryStatusSchema } from './time-entries.ts';

/** Filters of the ledger: a month and one breakdown key. */
export const LedgerFilterSchema = z.strictObject({
  month: MonthSchema.optional(),
  dimension: BreakdownDimensionSchema.optional(),
  key: z.string().max(64).optional(),
  status: TimeEntryStatusSchema.optional(),
});
export const LedgerEntryQuerySchema = PageQuerySchema.extend(LedgerFilterSchema.shape);
export type LedgerEntryQuery = z.infer<typeof LedgerEntryQuerySchema>;

/**
 * One ledger line as finance sees it: money and accountable organisation, never case content
 * (no question, context, advice, case reference or description). docs/design.md §2, §6.
 */
export const LedgerEntrySchema = z
  .object({
    id: IdSchema,
    workedOn: z.string().meta({ format: 'date' }),
    specialistName: z.string(),
    safetyRegionName: z.string(),
    municipalityName: z.string(),
    caseTableName: z.string(),
    poolReference: z.string(),
    activity: z.string(),
    minutes: z.number().int(),
    rateCents: CentsSchema,
    amountCents: CentsSchema,
    status: TimeEntryStatusSchema,
    correctsEntryId: IdSchema.nullable(),
    reviewedAt: InstantSchema.nullable(),
    reviewerName: z.string().nullable(),
  })
  .meta({ id: 'LedgerEntry' });
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const LedgerExportQuerySchema = LedgerFilterSchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type LedgerExportQuery = z.infer<typeof LedgerExportQuerySchema>;
