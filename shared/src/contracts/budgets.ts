import { z } from 'zod';
import { CentsSchema } from './common.ts';

export const BudgetYearParamsSchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2999) });

/**
 * A year's budget and its running totals in integer cents (DESIGN.md §5):
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
  })
  .meta({ id: 'Budget' });
export type Budget = z.infer<typeof BudgetSchema>;

export const BudgetListSchema = z.object({ items: z.array(BudgetSchema) }).meta({ id: 'BudgetList' });
