import { type Executor, schema } from '@duidingspool/db';
import { FEEDBACK_REMINDER_WORKING_DAYS, type Feedback, type GiveFeedbackBody } from '@duidingspool/shared';
import { eq, sql } from 'drizzle-orm';
import { AppError, forbidden, invalidTransition, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { iso } from '../../lib/pagination.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { latestDueInstant, type WorkingHours } from '../../lib/working-time.ts';
import { audit } from '../audit/index.ts';
import { enqueueForEach } from '../notifications/index.ts';
import { findVisibleRequest } from './interpretation-requests.repository.ts';
import { isRequesterOf, type RequestingParty } from './requesting-party.ts';

const f = schema.requestFeedback;

/** The feedback on a request, or null when none was given. */
export async function feedbackOf(db: Executor, requestId: string): Promise<Feedback | null> {
  const [row] = await db
    .select({ answered: f.answered, usefulness: f.usefulness, changes: f.changes, comment: f.comment, givenAt: f.givenAt })
    .from(f)
    .where(eq(f.requestId, requestId));
  return row ? { ...row, changes: row.changes, givenAt: iso(row.givenAt) } : null;
}

/**
 * True when `actor` may give feedback on the request now: a requester of its casustafel, the
 * request closed, no feedback yet (docs/design.md §12). The same predicate the write checks.
 */
export function mayGiveFeedback(actor: ServiceContext['actor'], request: RequestingParty & { status: string }, feedback: Feedback | null): boolean {
  return request.status === 'closed' && feedback === null && isRequesterOf(actor, request);
}

/**
 * A requester of the request's casustafel gives feedback on a closed request, once
 * (docs/design.md §12). The structured answers are kept for reporting; the comment is case
 * content: checked by the personal-data guard and purged by the first retention clock (after
 * which a new comment is not stored). Audited without the comment.
 *
 * @throws AppError 404 `not-found` (not visible), 403 `forbidden` (not a requester of its
 *   casustafel), 409 `invalid-transition` (not closed), 409 `conflict` (feedback already given),
 *   422 `personal-data-detected`
 */
export async function giveFeedback(ctx: ServiceContext, requestId: string, body: GiveFeedbackBody): Promise<Feedback> {
  const { actor } = ctx;
  return ctx.db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, requestId, true);
    if (!request) throw notFound('Dit duidingsverzoek');
    if (!isRequesterOf(actor, request)) throw forbidden('Alleen een aanvrager van de casustafel geeft terugkoppeling op een verzoek.');
    if (request.status !== 'closed') throw invalidTransition('Terugkoppeling kan pas als het verzoek is gesloten.');
    if (await feedbackOf(tx, requestId)) throw new AppError('conflict', 'Op dit verzoek is al terugkoppeling gegeven.');
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ comment: body.comment });
    const comment = request.contentPurgedAt === null && body.comment?.trim() ? body.comment : null;
    const [row] = await tx
      .insert(f)
      .values({
        requestId,
        answered: body.answered,
        usefulness: body.usefulness,
        changes: [...body.changes],
        comment,
        givenBy: actor.userId,
        givenAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', 'Op dit verzoek is al terugkoppeling gegeven.');
    await audit(ctx, tx, {
      action: 'give-feedback',
      objectType: 'interpretation-request',
      objectId: requestId,
      result: 'success',
      details: { answered: body.answered, usefulness: body.usefulness },
    });
    return { answered: row.answered, usefulness: row.usefulness, changes: row.changes, comment: row.comment, givenAt: iso(row.givenAt) };
  });
}

/** An advisory-lock key of the feedback reminder job. */
const FEEDBACK_LOCK_KEY = 0x6662_636b; // 'fbck'

/** How far back a closing still gets a reminder: a first run on an old database sends none for old requests. */
const FEEDBACK_REMINDER_HORIZON_DAYS = 30;

/** What the feedback reminder job needs (as the triage reminders). */
export interface FeedbackReminderContext {
  publicUrl: string;
  now: () => Date;
  workingHours: WorkingHours;
}

/**
 * Reminds the requester who closed a request, once, when no feedback was given 5 working days
 * after the closing (docs/design.md §12, `FEEDBACK_REMINDER_WORKING_DAYS`). The mail carries the
 * pool reference and a link, never content. Set-based (decision 064): one statement, with the
 * cut-off from `latestDueInstant`; requests closed more than 30 days ago are left alone.
 *
 * @returns outbox rows written
 */
export function runFeedbackReminders(db: Executor, ctx: FeedbackReminderContext): Promise<number> {
  const now = ctx.now();
  const cut = latestDueInstant(now, FEEDBACK_REMINDER_WORKING_DAYS, ctx.workingHours).toISOString();
  const horizon = new Date(now.getTime() - FEEDBACK_REMINDER_HORIZON_DAYS * 86_400_000).toISOString();
  const r = schema.interpretationRequests;
  const e = schema.requestStatusEvents;
  const items = sql`
    select ${r.reference} as reference, '/requests/' || ${r.id} as link_path, '{}'::jsonb as params,
      'feedback-reminder:' || ${r.id} as dedupe_key, c.actor_id as recipient_user_id
    from ${r}
    join lateral (
      select ${e.actorId} as actor_id, ${e.actorRole} as actor_role from ${e}
      where ${e.requestId} = ${r.id} and ${e.toStatus} = 'closed'
      order by ${e.occurredAt} desc, ${e.seq} desc limit 1
    ) c on c.actor_role = 'requester'
    where ${r.status} = 'closed' and ${r.closedAt} <= ${cut}::timestamptz and ${r.closedAt} > ${horizon}::timestamptz
      and not exists (select 1 from ${f} where ${f.requestId} = ${r.id})`;
  return enqueueForEach(db, ctx, { event: 'feedback-reminder', roles: [], items, lockKey: FEEDBACK_LOCK_KEY, itemRecipient: true });
}
