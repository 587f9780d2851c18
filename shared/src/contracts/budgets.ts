import { z } from 'zod';
import { CentsSchema, decimalInteger, IdSchema, InstantSchema, multiLineText, requiredSingleLineText } from './common.ts';

/** Highest allocation of one year's budget: EUR 1,000,000,000.00, in cents. */
export const MAX_BUDGET_CENTS = 1_000_000_000_00;

export const BudgetYearParamsSchema = z.strictObject({ year: decimalInteger(2000, 2999) });

/**
 * Where the money of a budget line comes from (decision 094): the national funds of the NCTV
 * (Ministerie van Justitie en Veiligheid), the municipality's own means, or other means.
 */
export const FUNDING_SOURCES = ['national-nctv', 'municipal', 'other'] as const;
export const FundingSourceSchema = z.enum(FUNDING_SOURCES);
export type FundingSource = z.infer<typeof FundingSourceSchema>;
/** Names of the funding sources in both languages, for the server's documents and the report. */
export const FUNDING_SOURCE_WORDS: Record<'nl' | 'en', Record<FundingSource, string>> = {
  nl: { 'national-nctv': 'Rijksmiddelen (NCTV)', municipal: 'Gemeentelijke middelen', other: 'Andere middelen' },
  en: { 'national-nctv': 'National funds (NCTV)', municipal: 'Municipal funds', other: 'Other funds' },
};

/** The code of the line every budget has from the start: the pool's own line, the default of an assignment. */
export const DEFAULT_BUDGET_LINE_CODE = 'pool';

/** A line's code: lower-case letters, digits and single dashes, 1–40 characters (linear-time check). */
export const BudgetLineCodeSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kleine letters, cijfers en streepjes');

export const BudgetLineParamsSchema = z.strictObject({ year: decimalInteger(2000, 2999), lineId: IdSchema });

/**
 * One line of a year's budget with its running totals in cents (decision 094):
 * `availableCents = allocatedCents − reservedCents − pendingCents − spentCents ≥ 0`.
 */
export const BudgetLineSchema = z
  .object({
    id: IdSchema,
    year: z.number().int(),
    code: z.string(),
    name: z.string(),
    fundingSource: FundingSourceSchema,
    /** The line an assignment charges when the coordinator names none (the pool's). */
    isDefault: z.boolean(),
    allocatedCents: CentsSchema,
    reservedCents: CentsSchema,
    pendingCents: CentsSchema,
    spentCents: CentsSchema,
    availableCents: CentsSchema,
    committedCents: CentsSchema,
    note: z.string().nullable(),
    /** The year's thresholds measured against this line's allocation, and when each was first crossed. */
    thresholds: z.array(z.object({ percent: z.number().int(), reached: z.boolean(), crossedAt: InstantSchema.nullable() })),
    /** What the caller may do with the line: `delete` only while nothing was ever booked on it and it is not the default. */
    allowedActions: z.array(z.enum(['edit', 'delete'])),
  })
  .meta({ id: 'BudgetLine' });
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

/** Body of `POST /budgets/{year}/lines`: a new line; the lines of a year together never exceed its allocation. */
export const CreateBudgetLineBodySchema = z.strictObject({
  code: BudgetLineCodeSchema,
  name: requiredSingleLineText(120),
  fundingSource: FundingSourceSchema,
  allocatedCents: z.number().int().min(0, 'een bedrag is 0 of meer').max(1_000_000_000_00),
  note: multiLineText(1000).optional(),
});
export type CreateBudgetLineBody = z.infer<typeof CreateBudgetLineBodySchema>;

/** Body of `PATCH /budgets/{year}/lines/{lineId}`: allocation (never below what is committed on the line), name, source, note. */
export const PatchBudgetLineBodySchema = z
  .strictObject({
    name: requiredSingleLineText(120).optional(),
    fundingSource: FundingSourceSchema.optional(),
    allocatedCents: z.number().int().min(0, 'een bedrag is 0 of meer').max(1_000_000_000_00).optional(),
    note: multiLineText(1000).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'geef minstens één veld' });
export type PatchBudgetLineBody = z.infer<typeof PatchBudgetLineBodySchema>;

/**
 * A year's budget and its running totals in integer cents (docs/design.md §5):
 * `availableCents = allocatedCents − reservedCents − pendingCents − spentCents ≥ 0`.
 */
export const BudgetSchema = z
  .object({
    year: z.number().int(),
    allocatedCents: CentsSchema,
    reservedCents: CentsSchema,
    pendingCents: CentsSchema,
    spentCents: CentsSchema,
    availableCents: CentsSchema,
    fundingSource: z.string(),
    note: z.string().nullable(),
    /** `reservedCents + pendingCents + spentCents`. */
    committedCents: CentsSchema,
    /** `full` when exactly everything is committed (available 0); never over (docs/design.md §5). */
    fillState: z.enum(['open', 'full']),
    /** Each configured threshold (% of allocated committed), whether it is reached now and when it was first crossed. */
    thresholds: z.array(z.object({ percent: z.number().int(), reached: z.boolean(), crossedAt: InstantSchema.nullable() })),
    /** The year's lines, the default first; together they hold at most `allocatedCents`. */
    lines: z.array(BudgetLineSchema),
    /** The part of the allocation in no line: `allocatedCents − Σ lines' allocatedCents` (not chargeable by an assignment). */
    unassignedCents: CentsSchema,
  })
  .meta({ id: 'Budget' });
export type Budget = z.infer<typeof BudgetSchema>;

export const BudgetListSchema = z.object({ items: z.array(BudgetSchema) }).meta({ id: 'BudgetList' });

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

/**
 * A breakdown of the year's money. Per municipality and per casustafel it is published with
 * small-cell suppression (decision 094, revising 092): an amount stemming from fewer than
 * `threshold` requests is hidden (null, `suppressed`), and more cells are hidden where the year's
 * published totals would give it away; `requests` is the count of requests, `< threshold` when 1 … threshold − 1.
 * Other dimensions carry no `requests` and are never suppressed.
 */
export const BreakdownSchema = z
  .object({
    year: z.number().int(),
    dimension: BreakdownDimensionSchema,
    /** The suppression threshold applied, null when the dimension is not suppressed. */
    threshold: z.number().int().nullable(),
    items: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        pendingCents: CentsSchema.nullable(),
        spentCents: CentsSchema.nullable(),
        entryCount: z.number().int().nullable(),
        /** Requests the amounts stem from: a number, or `{ below }` for 1 … threshold − 1; null when not published. */
        requests: z.union([z.object({ value: z.number().int() }), z.object({ below: z.number().int() })]).nullable(),
        /** True when the amounts are hidden. */
        suppressed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Breakdown' });
export type Breakdown = z.infer<typeof BreakdownSchema>;

/**
 * The key of the casustafel breakdown's row (and its drill-down) for the hours of requests a
 * municipality asked without a casustafel (decision 095).
 */
export const NO_CASE_TABLE_KEY = 'none';
