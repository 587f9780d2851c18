import { z } from 'zod';
import { decimalInteger, InstantSchema, multiLineText } from './common.ts';

/** An accounting month `YYYY-MM`. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'verwacht een maand als JJJJ-MM');

/** The states of an accounting month: `closed` freezes the entries dated in it until reopened. */
export const PERIOD_STATUSES = ['open', 'closed'] as const;
export const PeriodStatusSchema = z.enum(PERIOD_STATUSES);
export type PeriodStatus = z.infer<typeof PeriodStatusSchema>;

/**
 * What the signed-in user (finance or the coordinator) may do with an accounting month now: `close`
 * an open month that has ended (Europe/Amsterdam, by the server's clock) and has no entry waiting
 * for a decision; `reopen` a closed one (with a reason). The server decides; the UI offers only these.
 */
export const PERIOD_ACTIONS = ['close', 'reopen'] as const;
export const PeriodActionSchema = z.enum(PERIOD_ACTIONS);
export type PeriodAction = z.infer<typeof PeriodActionSchema>;

export const MonthParamsSchema = z.strictObject({ month: MonthSchema });

/** Body of `PATCH /accounting-periods/{month}`: close, or reopen with a reason. */
export const PatchPeriodBodySchema = z
  .strictObject({ status: PeriodStatusSchema, reason: multiLineText(1000).optional() })
  .refine((b) => b.status !== 'open' || (b.reason?.trim().length ?? 0) > 0, { message: 'geef een reden bij heropenen', path: ['reason'] });
export type PatchPeriodBody = z.infer<typeof PatchPeriodBodySchema>;

export const AccountingPeriodSchema = z
  .object({
    month: z.string(),
    status: PeriodStatusSchema,
    closedAt: InstantSchema.nullable(),
    closedByName: z.string().nullable(),
    /** Time entries dated in the month still waiting for a decision (`submitted`): they keep it from closing. */
    undecidedEntryCount: z.number().int(),
    /** What the signed-in user may do with this month now. */
    allowedActions: z.array(PeriodActionSchema),
  })
  .meta({ id: 'AccountingPeriod' });
export type AccountingPeriod = z.infer<typeof AccountingPeriodSchema>;

export const PeriodListQuerySchema = z.strictObject({ year: decimalInteger(2000, 2999) });
export const AccountingPeriodListSchema = z.object({ items: z.array(AccountingPeriodSchema) }).meta({ id: 'AccountingPeriodList' });
