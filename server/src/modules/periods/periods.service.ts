import { schema } from '@duidingspool/db';
import { type AccountingPeriod, amsterdamDate, type PatchPeriodBody } from '@duidingspool/shared';
import { and, eq, like, sql } from 'drizzle-orm';
import { AppError, invalidTransition } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { audit } from '../audit/index.ts';
import { lockPeriod, monthOf } from './periods.repository.ts';

/** The twelve months of `year` with their state (closed months are what the year-end accounting reports). */
export async function listPeriods(ctx: ServiceContext, year: number): Promise<AccountingPeriod[]> {
  const p = schema.closedPeriods;
  const rows = await ctx.db
    .select({ month: p.month, closedAt: p.closedAt, closedByName: schema.users.displayName })
    .from(p)
    .innerJoin(schema.users, eq(schema.users.id, p.closedBy))
    .where(like(p.month, `${year}-%`));
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const row = rows.find((r) => r.month === month);
    return row
      ? { month, status: 'closed' as const, closedAt: row.closedAt.toISOString(), closedByName: row.closedByName }
      : { month, status: 'open' as const, closedAt: null, closedByName: null };
  });
}

/**
 * Closes or reopens an accounting month, by finance or the coordinator, audited.
 * Closing needs every entry dated in the month to be decided (no `submitted` entry left) and the
 * month to have ended; reopening needs a reason, which lands in the audit log.
 *
 * @throws AppError 400 `validation-failed` (a month not yet over), 409 `invalid-transition`
 *   (already in that state, undecided entries left), 422 `personal-data-detected` (reason)
 */
export async function setPeriodStatus(ctx: ServiceContext, month: string, body: PatchPeriodBody): Promise<AccountingPeriod> {
  // Only a month that has ended is closed: closing the running month would stop all hour logging.
  if (body.status === 'closed' && month >= monthOf(amsterdamDate(ctx.now()))) {
    throw new AppError('validation-failed', 'Ongeldige invoer: alleen een maand die voorbij is kan worden afgesloten', {
      errors: [{ in: 'path', pointer: '/month', message: 'maand is nog niet voorbij' }],
    });
  }
  const p = schema.closedPeriods;
  await ctx.db.transaction(async (tx) => {
    await lockPeriod(tx, month);
    const [closed] = await tx.select({ month: p.month }).from(p).where(eq(p.month, month));
    if (body.status === 'closed') {
      if (closed) throw invalidTransition(`De periode ${month} is al afgesloten.`);
      const te = schema.timeEntries;
      const [open] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(te)
        .where(
          and(eq(te.status, 'submitted'), sql`${te.workedOn} >= ${`${month}-01`}::date`, sql`${te.workedOn} < (${`${month}-01`}::date + interval '1 month')`),
        );
      if ((open?.n ?? 0) > 0) throw invalidTransition(`In ${month} wachten nog ${open?.n} urenregels op goedkeuring; beoordeel die eerst.`);
      // The costly check of the body last, after state (docs/design.md §6).
      assertNoPersonalData({ reason: body.reason });
      await tx.insert(p).values({ month, closedBy: ctx.actor.userId, closedAt: ctx.now() });
    } else {
      if (!closed) throw invalidTransition(`De periode ${month} is niet afgesloten.`);
      // The costly check of the body last, after state (docs/design.md §6).
      assertNoPersonalData({ reason: body.reason });
      await tx.delete(p).where(eq(p.month, month));
    }
    await audit(ctx, tx, {
      action: body.status === 'closed' ? 'close-period' : 'reopen-period',
      objectType: 'accounting-period',
      objectId: null,
      result: 'success',
      details: { month, ...(body.reason ? { reason: body.reason } : {}) },
    });
  });
  const periods = await listPeriods(ctx, Number(month.slice(0, 4)));
  const period = periods.find((x) => x.month === month);
  if (!period) throw new Error('period vanished');
  return period;
}
