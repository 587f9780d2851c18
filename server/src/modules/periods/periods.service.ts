import { schema } from '@duidingspool/db';
import { type AccountingPeriod, amsterdamDate, type PatchPeriodBody, type PeriodAction, type PeriodStatus } from '@duidingspool/shared';
import { eq, like } from 'drizzle-orm';
import { AppError, invalidTransition } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { audit } from '../audit/index.ts';
import { undecidedEntriesPerMonth } from '../time-entries/index.ts';
import { lockPeriod, monthOf } from './periods.repository.ts';

/**
 * Only a month that has ended (in Europe/Amsterdam, at `now`) is closed: closing the running month
 * would stop all hour logging.
 */
const isOver = (month: string, now: Date) => month < monthOf(amsterdamDate(now));

/**
 * What may be done with a month now (the rule of `setPeriodStatus`, computed for the list so the UI
 * offers exactly what the server accepts): `close` an open month that is over and has no undecided
 * entry; `reopen` a closed one.
 */
function periodActions(month: string, status: PeriodStatus, undecided: number, now: Date): PeriodAction[] {
  if (status === 'closed') return ['reopen'];
  return isOver(month, now) && undecided === 0 ? ['close'] : [];
}

/**
 * The twelve months of `year` with their state (closed months are what the year-end accounting
 * reports), their undecided entries and what the actor may do with each now.
 */
export async function listPeriods(ctx: ServiceContext, year: number): Promise<AccountingPeriod[]> {
  const p = schema.closedPeriods;
  const rows = await ctx.db
    .select({ month: p.month, closedAt: p.closedAt, closedByName: schema.users.displayName })
    .from(p)
    .innerJoin(schema.users, eq(schema.users.id, p.closedBy))
    .where(like(p.month, `${year}-%`));
  const undecided = await undecidedEntriesPerMonth(ctx.db, `${year}-01`, 12);
  const now = ctx.now();
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const row = rows.find((r) => r.month === month);
    const undecidedEntryCount = undecided.get(month) ?? 0;
    const state = row
      ? { status: 'closed' as const, closedAt: row.closedAt.toISOString(), closedByName: row.closedByName }
      : { status: 'open' as const, closedAt: null, closedByName: null };
    return { month, ...state, undecidedEntryCount, allowedActions: periodActions(month, state.status, undecidedEntryCount, now) };
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
  if (body.status === 'closed' && !isOver(month, ctx.now())) {
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
      const undecided = (await undecidedEntriesPerMonth(tx, month, 1)).get(month) ?? 0;
      if (undecided > 0) throw invalidTransition(`In ${month} wachten nog ${undecided} urenregels op goedkeuring; beoordeel die eerst.`);
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
