import { z } from 'zod';
import { CentsSchema, decimalInteger, InstantSchema, multiLineText, requiredSingleLineText } from './common.ts';

/** Highest allocation of one year's budget: EUR 1,000,000,000.00, in cents. */
export const MAX_BUDGET_CENTS = 1_000_000_000_00;

export const BudgetYearParamsSchema = z.strictObject({ year: decimalInteger(2000, 2999) });

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

export const BreakdownSchema = z
  .object({
    year: z.number().int(),
    dimension: BreakdownDimensionSchema,
    items: z.array(z.object({ key: z.string(), label: z.string(), pendingCents: CentsSchema, spentCents: CentsSchema, entryCount: z.number().int() })),
  })
  .meta({ id: 'Breakdown' });
export type Breakdown = z.infer<typeof BreakdownSchema>;
