import { type Executor, schema } from '@duidingspool/db';
import type { ServiceClockList } from '@duidingspool/shared';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { requestClocks } from '../../lib/service-clocks.ts';
import { findRequestSummary } from './interpretation-requests.repository.ts';
import { currentServiceLevelTargets } from './service-levels.ts';

// Read model of a request's service-level clocks (docs/design.md §4, decision 102). Besides this
// module's tables it reads, and never writes, `assignments` (assignments): when the live proposal was
// made and when the live assignment was accepted.

const r = schema.interpretationRequests;
const e = schema.requestStatusEvents;
const a = schema.assignments;

async function latestSubmission(db: Executor, requestId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: e.occurredAt })
    .from(e)
    .where(and(eq(e.requestId, requestId), eq(e.toStatus, 'submitted')))
    .orderBy(desc(e.occurredAt))
    .limit(1);
  return row ? new Date(row.at) : null;
}

/** When the request was reopened, if its latest move into `in-progress` was a reopening (from `advice-delivered`), else null. */
async function reopenedAt(db: Executor, requestId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: e.occurredAt, from: e.fromStatus })
    .from(e)
    .where(and(eq(e.requestId, requestId), eq(e.toStatus, 'in-progress')))
    .orderBy(desc(e.occurredAt))
    .limit(1);
  return row?.from === 'advice-delivered' ? new Date(row.at) : null;
}

async function liveAssignment(db: Executor, requestId: string): Promise<{ status: string; proposedAt: Date; respondedAt: Date | null } | null> {
  const [row] = await db
    .select({ status: a.status, proposedAt: a.proposedAt, respondedAt: a.respondedAt })
    .from(a)
    .where(and(eq(a.requestId, requestId), isNull(a.closedAt)))
    .orderBy(desc(a.proposedAt))
    .limit(1);
  return row ? { status: row.status, proposedAt: new Date(row.proposedAt), respondedAt: row.respondedAt ? new Date(row.respondedAt) : null } : null;
}

/**
 * The running service-level clocks of request `requestId` for whoever may see it (`requestClocks`):
 * triage while submitted (its stored deadline), the specialist's answer while a proposal waits, the
 * advice while in progress. @throws AppError 404 `not-found`
 */
export async function getRequestClocks(ctx: ServiceContext, requestId: string): Promise<ServiceClockList> {
  // Clocks carry no case content: whoever sees the request's summary sees them (decision 103).
  const request = await findRequestSummary(ctx.db, ctx.actor, requestId);
  if (!request) throw notFound('Dit duidingsverzoek');
  const [stored] = await ctx.db.select({ triageDueAt: r.triageDueAt }).from(r).where(eq(r.id, requestId));
  const live = await liveAssignment(ctx.db, requestId);
  const items = requestClocks(
    {
      status: request.status,
      urgency: request.urgency,
      meetingDate: request.meetingDate,
      submittedSince: await latestSubmission(ctx.db, requestId),
      triageDueAt: stored?.triageDueAt ? new Date(stored.triageDueAt) : null,
      proposedAt: live?.status === 'proposed' ? live.proposedAt : null,
      acceptedAt: live?.status === 'accepted' ? live.respondedAt : null,
      reopenedAt: request.status === 'in-progress' ? await reopenedAt(ctx.db, requestId) : null,
    },
    await currentServiceLevelTargets(ctx.db),
    ctx.now(),
    ctx.workingHours,
  );
  return { requestId, items };
}
