import { z } from 'zod';
import { AssignmentCloseCauseSchema } from './assignments.ts';
import {
  CentsSchema,
  decimalInteger,
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  multiLineText,
  PageQuerySchema,
  requiredMultiLineText,
  requiredSingleLineText,
} from './common.ts';
import { TimeEntryStatusSchema } from './time-entries.ts';

/** Highest rate one specialist may have: EUR 100,000.00 per hour, in cents (a typing-error guard). */
export const MAX_RATE_CENTS = 10_000_000;
/** Highest allocation of one year's budget: EUR 1,000,000,000.00, in cents. */
export const MAX_BUDGET_CENTS = 1_000_000_000_00;
/** Most extra minutes one extension request may ask: 200 hours. */
export const MAX_EXTENSION_MINUTES = 200 * 60;

/** An accounting month `YYYY-MM`. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'verwacht een maand als JJJJ-MM');

// ---------------------------------------------------------------------------------------------
// Rate history (docs/design.md §5)

/** One rate of a specialist: cents per hour, valid from `validFrom` until the next rate. */
export const SpecialistRateSchema = z
  .object({
    id: IdSchema,
    specialistId: IdSchema,
    rateCents: CentsSchema,
    validFrom: z.string().meta({ format: 'date' }),
    createdAt: InstantSchema,
  })
  .meta({ id: 'SpecialistRate' });
export type SpecialistRate = z.infer<typeof SpecialistRateSchema>;
export const SpecialistRateListSchema = z.object({ items: z.array(SpecialistRateSchema) }).meta({ id: 'SpecialistRateList' });

/** Body of `POST /specialists/{specialistId}/rates`: a positive rate in cents per hour from a date. */
export const CreateRateBodySchema = z.strictObject({
  rateCents: z.number().int('hele centen').min(1, 'een tarief is groter dan 0').max(MAX_RATE_CENTS),
  validFrom: IsoDateSchema,
});
export type CreateRateBody = z.infer<typeof CreateRateBodySchema>;

// ---------------------------------------------------------------------------------------------
// Corrections and bulk review

/** Body of `POST /time-entries/{id}/corrections`: negative minutes (at most the original's) and a reason. */
export const CreateCorrectionBodySchema = z.strictObject({
  minutes: z.number().int('hele minuten').max(-1, 'een correctie heeft negatieve minuten').min(-1440),
  reason: requiredMultiLineText(1000),
});
export type CreateCorrectionBody = z.infer<typeof CreateCorrectionBodySchema>;

/** Body of `POST /time-entry-reviews`: approve or reject up to 100 submitted entries at once (all or nothing). */
export const BulkReviewBodySchema = z
  .strictObject({
    entryIds: z.array(IdSchema).min(1).max(100),
    status: z.enum(['approved', 'rejected']),
    reason: multiLineText(1000).optional(),
  })
  .refine((b) => b.status !== 'rejected' || (b.reason?.trim().length ?? 0) > 0, { message: 'geef een reden bij afwijzen', path: ['reason'] })
  .refine((b) => new Set(b.entryIds).size === b.entryIds.length, { message: 'elke urenregel één keer', path: ['entryIds'] });
export type BulkReviewBody = z.infer<typeof BulkReviewBodySchema>;

export const BulkReviewResultSchema = z.object({ reviewed: z.number().int(), amountCents: CentsSchema }).meta({ id: 'BulkReviewResult' });

// ---------------------------------------------------------------------------------------------
// Extension requests

export const EXTENSION_STATUSES = ['requested', 'granted', 'refused'] as const;
export const ExtensionStatusSchema = z.enum(EXTENSION_STATUSES);

/** Body of `POST /assignments/{id}/extension-requests`: extra minutes and why. */
export const CreateExtensionBodySchema = z.strictObject({
  extraMinutes: z.number().int('hele minuten').min(1, 'minstens 1 minuut').max(MAX_EXTENSION_MINUTES),
  reason: requiredMultiLineText(1000),
});
export type CreateExtensionBody = z.infer<typeof CreateExtensionBodySchema>;

/** Body of `PATCH /extension-requests/{id}`: the coordinator grants or refuses (a refusal needs a reason). */
export const DecideExtensionBodySchema = z
  .strictObject({ status: z.enum(['granted', 'refused']), reason: multiLineText(1000).optional() })
  .refine((b) => b.status !== 'refused' || (b.reason?.trim().length ?? 0) > 0, { message: 'geef een reden bij weigeren', path: ['reason'] });
export type DecideExtensionBody = z.infer<typeof DecideExtensionBodySchema>;

/**
 * What the signed-in user may do with an extension request now: the coordinator `grant`s or
 * `refuse`s an open one — never on their own assignment (separation of duties, docs/design.md §2).
 */
export const EXTENSION_ACTIONS = ['grant', 'refuse'] as const;
export const ExtensionActionSchema = z.enum(EXTENSION_ACTIONS);
export type ExtensionAction = z.infer<typeof ExtensionActionSchema>;

export const ExtensionRequestSchema = z
  .object({
    id: IdSchema,
    assignmentId: IdSchema,
    requestReference: z.string(),
    specialistName: z.string(),
    extraMinutes: z.number().int(),
    reason: z.string(),
    status: ExtensionStatusSchema,
    decisionReason: z.string().nullable(),
    /** Set when the request was refused because its assignment closed: why it closed (fixed code). */
    decisionReasonCode: AssignmentCloseCauseSchema.nullable(),
    requestedAt: InstantSchema,
    decidedAt: InstantSchema.nullable(),
    /** What the signed-in user may do with this request now. */
    allowedActions: z.array(ExtensionActionSchema),
  })
  .meta({ id: 'ExtensionRequest' });
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>;

export const ExtensionListQuerySchema = PageQuerySchema.extend({ status: ExtensionStatusSchema.optional() });
export type ExtensionListQuery = z.infer<typeof ExtensionListQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Accounting periods

export const MonthParamsSchema = z.strictObject({ month: MonthSchema });

/** Body of `PATCH /accounting-periods/{month}`: close, or reopen with a reason. */
export const PatchPeriodBodySchema = z
  .strictObject({ status: z.enum(['closed', 'open']), reason: multiLineText(1000).optional() })
  .refine((b) => b.status !== 'open' || (b.reason?.trim().length ?? 0) > 0, { message: 'geef een reden bij heropenen', path: ['reason'] });
export type PatchPeriodBody = z.infer<typeof PatchPeriodBodySchema>;

export const AccountingPeriodSchema = z
  .object({
    month: z.string(),
    status: z.enum(['open', 'closed']),
    closedAt: InstantSchema.nullable(),
    closedByName: z.string().nullable(),
  })
  .meta({ id: 'AccountingPeriod' });
export type AccountingPeriod = z.infer<typeof AccountingPeriodSchema>;

export const PeriodListQuerySchema = z.strictObject({ year: decimalInteger(2000, 2999) });
export const AccountingPeriodListSchema = z.object({ items: z.array(AccountingPeriodSchema) }).meta({ id: 'AccountingPeriodList' });

// ---------------------------------------------------------------------------------------------
// Budgets: opening a year, changing it

/** Body of `POST /budgets`: a new year's budget. */
export const CreateBudgetBodySchema = z.strictObject({
  year: z.number().int().min(2000).max(2999),
  allocatedCents: z.number().int().min(1, 'een budget is groter dan 0').max(MAX_BUDGET_CENTS),
  fundingSource: requiredSingleLineText(200),
  note: multiLineText(1000).optional(),
});
export type CreateBudgetBody = z.infer<typeof CreateBudgetBodySchema>;

export const ThresholdPercentsSchema = z
  .array(z.number().int().min(1).max(100))
  .min(1)
  .max(10)
  .refine((a) => new Set(a).size === a.length, 'elke drempel één keer');

/** Body of `PATCH /budgets/{year}`: allocation (never below what is committed), funding, note, thresholds. */
export const PatchBudgetBodySchema = z
  .strictObject({
    allocatedCents: z.number().int().min(1).max(MAX_BUDGET_CENTS).optional(),
    fundingSource: requiredSingleLineText(200).optional(),
    note: multiLineText(1000).nullable().optional(),
    thresholdPercents: ThresholdPercentsSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'geef minstens één veld' });
export type PatchBudgetBody = z.infer<typeof PatchBudgetBodySchema>;

// ---------------------------------------------------------------------------------------------
// Budget page: burn-up, breakdowns, ledger entries, export

/** Cumulative pending and spent cents per day of work, and a projection to year end at the current pace. */
export const BurnUpSchema = z
  .object({
    year: z.number().int(),
    allocatedCents: CentsSchema,
    committedCents: CentsSchema,
    /** The last day the series runs to: today for the current year, 31 December for a past year. */
    asOfDate: z.string().meta({ format: 'date' }),
    points: z.array(
      z.object({
        date: z.string().meta({ format: 'date' }),
        /** Approved cost of work up to and including this day. */
        spentCents: CentsSchema,
        /** Approved plus pending cost of work up to and including this day. */
        loggedCents: CentsSchema,
      }),
    ),
    /** Logged cost at year end if the pace of the year so far continues; null before any work. */
    projectedYearEndCents: CentsSchema.nullable(),
  })
  .meta({ id: 'BurnUp' });
export type BurnUp = z.infer<typeof BurnUpSchema>;

export const BREAKDOWN_DIMENSIONS = ['safety-region', 'municipality', 'case-table', 'specialist', 'expertise-area', 'activity'] as const;
export const BreakdownDimensionSchema = z.enum(BREAKDOWN_DIMENSIONS);
export type BreakdownDimension = z.infer<typeof BreakdownDimensionSchema>;
export const BreakdownQuerySchema = z.strictObject({ dimension: BreakdownDimensionSchema });

export const BreakdownSchema = z
  .object({
    year: z.number().int(),
    dimension: BreakdownDimensionSchema,
    items: z.array(z.object({ key: z.string(), label: z.string(), pendingCents: CentsSchema, spentCents: CentsSchema, entryCount: z.number().int() })),
  })
  .meta({ id: 'Breakdown' });
export type Breakdown = z.infer<typeof BreakdownSchema>;

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
