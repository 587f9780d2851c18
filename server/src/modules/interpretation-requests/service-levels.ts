import { type Executor, schema } from '@duidingspool/db';
import { DEFAULT_SERVICE_LEVEL_TARGETS, type ServiceLevelTargets, type Urgency } from '@duidingspool/shared';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.ts';
import { triageDueAt } from '../../lib/service-clocks.ts';
import type { WorkingHours } from '../../lib/working-time.ts';
import { audit } from '../audit/index.ts';

// The pool's service-level targets (docs/design.md §4 "Service-level clocks", decision 102): one row,
// the defaults of shared until the coordinator changes them.

const t = schema.serviceLevelTargets;

/** The current targets: the stored row, or `DEFAULT_SERVICE_LEVEL_TARGETS` when none is stored. */
export async function currentServiceLevelTargets(db: Executor): Promise<ServiceLevelTargets> {
  const [row] = await db
    .select({
      triageWorkingDays: t.triageWorkingDays,
      triageUrgentWorkingHours: t.triageUrgentWorkingHours,
      proposalAnswerWorkingDays: t.proposalAnswerWorkingDays,
      adviceWorkingDays: t.adviceWorkingDays,
    })
    .from(t)
    .where(eq(t.id, 1));
  return row ?? { ...DEFAULT_SERVICE_LEVEL_TARGETS };
}

/**
 * Replaces the targets (coordinator; the body is validated by `ServiceLevelTargetsSchema`: 400
 * naming the field for zero, negative, fractional or too large values). Audited as
 * `update-service-levels` with the old and new values. Triage deadlines already set keep theirs.
 */
export async function updateServiceLevelTargets(ctx: ServiceContext, body: ServiceLevelTargets): Promise<ServiceLevelTargets> {
  return ctx.db.transaction(async (tx) => {
    const before = await currentServiceLevelTargets(tx);
    await tx
      .insert(t)
      .values({ id: 1, ...body, updatedBy: ctx.actor.userId, updatedAt: ctx.now() })
      .onConflictDoUpdate({ target: t.id, set: { ...body, updatedBy: ctx.actor.userId, updatedAt: ctx.now() } });
    await audit(ctx, tx, { action: 'update-service-levels', objectType: 'service-levels', objectId: '1', result: 'success', details: { before, after: body } });
    return currentServiceLevelTargets(tx);
  });
}

/** The triage deadline of a request of `urgency` that moves into `submitted` at `at`, with the current targets. */
export async function triageDeadline(db: Executor, urgency: Urgency, at: Date, wh: WorkingHours): Promise<Date> {
  return triageDueAt(at, urgency, await currentServiceLevelTargets(db), wh);
}
