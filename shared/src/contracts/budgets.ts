import { z } from 'zod';
import { CentsSchema, decimalInteger, InstantSchema } from './common.ts';

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
