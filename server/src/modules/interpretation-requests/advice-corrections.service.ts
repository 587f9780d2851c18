import { schema } from '@duidingspool/db';
import { type Advice, type CorrectAdviceBody, REQUEST_STATUS_LABELS_NL, type RequestStatus } from '@duidingspool/shared';
import { eq, max } from 'drizzle-orm';
import { AppError, invalidTransition, notFound } from '../../errors.ts';
import type { Actor, ServiceContext } from '../../lib/context.ts';
import { iso } from '../../lib/pagination.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { type AssignmentRecord, isLive, listForRequest } from '../assignments/index.ts';
import { audit } from '../audit/index.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { replaceDraftText } from './advice-drafts.service.ts';
import { findVisibleRequest } from './interpretation-requests.repository.ts';
import { requesterRecipients } from './requesting-party.ts';

/**
 * The assignment through which `actor` may correct the delivered advice of a request (decision
 * 114): their own accepted assignment that is still live, while the request is `advice-delivered`
 * and has advice. Null when they may not (the UI then offers no correction; the route answers
 * with the reason).
 */
export function correctingAssignment(actor: Actor, status: RequestStatus, records: readonly AssignmentRecord[], hasAdvice: boolean): AssignmentRecord | null {
  if (status !== 'advice-delivered' || !hasAdvice || actor.specialistId === null) return null;
  return records.find((x) => isLive(x) && x.status === 'accepted' && x.specialistId === actor.specialistId) ?? null;
}

/**
 * The specialist corrects advice they delivered, on their own initiative (docs/design.md §4,
 * decision 114): the corrected advice becomes the next version with the specialist's reason, the
 * earlier versions stay readable, the request stays `advice-delivered` (no clock restarts, nothing
 * is reserved), the casustafel's or municipality's members get the content-free `advice-corrected`
 * notice (reference and link only), the advice draft takes the corrected text (so a later
 * reopening starts from it), and the correction is audited as `correct-advice` (version only).
 *
 * @param body the whole corrected advice and the reason (`CorrectAdviceBodySchema`)
 * @returns the new version, as the casustafel reads it
 * @throws AppError 404 `not-found` (not visible), 403 `forbidden` (this specialist never accepted an
 *   assignment on the request), 409 `invalid-transition` (not `advice-delivered`, no advice yet, or
 *   their assignment has ended), 422 `personal-data-detected` (summary, body or reason)
 */
export async function correctAdvice(ctx: ServiceContext, id: string, body: CorrectAdviceBody): Promise<Advice> {
  const { actor } = ctx;
  return ctx.db.transaction(async (tx) => {
    // The request's row lock serialises corrections and deliveries: each sees the last version.
    const request = await findVisibleRequest(tx, actor, id, true);
    if (!request) throw notFound('Dit duidingsverzoek');
    const records = await listForRequest(tx, id);
    // Their accepted assignment, live or ended: after closing it has ended, and the refusal is the state's.
    const own = records.find((x) => x.status === 'accepted' && x.specialistId === actor.specialistId);
    if (!own) throw new AppError('forbidden', 'Alleen de specialist die de inzet heeft aangenomen, corrigeert het advies.');
    const [latest] = await tx
      .select({ version: max(schema.advice.version) })
      .from(schema.advice)
      .where(eq(schema.advice.requestId, id));
    const delivered = latest?.version ?? 0;
    if (correctingAssignment(actor, request.status, records, delivered > 0) === null)
      throw invalidTransition(
        `Een opgeleverd advies wordt alleen gecorrigeerd zolang het verzoek op 'Advies opgeleverd' staat (nu: ${REQUEST_STATUS_LABELS_NL[request.status]}).`,
      );
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ summary: body.summary, body: body.body, reason: body.reason });
    const version = delivered + 1;
    const at = ctx.now();
    const [row] = await tx
      .insert(schema.advice)
      .values({
        requestId: id,
        version,
        assignmentId: own.id,
        summary: body.summary,
        body: body.body,
        correctionReason: body.reason,
        deliveredBy: actor.userId,
        deliveredAt: at,
      })
      .returning();
    if (!row) throw invalidTransition('Het advies is intussen gewijzigd; vernieuw de pagina.');
    await replaceDraftText(ctx, tx, { requestId: id, assignmentId: own.id, summary: body.summary, body: body.body, at });
    await audit(ctx, tx, { action: 'correct-advice', objectType: 'interpretation-request', objectId: id, result: 'success', details: { version } });
    await enqueueNotification(tx, ctx, {
      event: 'advice-corrected',
      reference: request.reference ?? '',
      linkPath: `/requests/${id}`,
      recipients: requesterRecipients(request),
    });
    return {
      id: row.id,
      requestId: id,
      version: row.version,
      specialistName: actor.displayName,
      summary: row.summary,
      body: row.body,
      deliveredAt: iso(row.deliveredAt),
      correctionReason: row.correctionReason,
    };
  });
}
