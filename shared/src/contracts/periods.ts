import { z } from 'zod';
import { InstantSchema, multiLineText } from './common.ts';

/** An accounting month `YYYY-MM`. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'verwacht een maand als JJJJ-MM');

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

export const PeriodListQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2999) });
export const AccountingPeriodListSchema = z.object({ items: z.array(AccountingPeriodSchema) }).meta({ id: 'AccountingPeriodList' });
