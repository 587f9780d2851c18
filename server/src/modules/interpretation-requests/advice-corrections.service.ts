import { schema } from '@duidingspool/db';
import { ADVICE_VERSION_LIMIT, type Advice, amsterdamDate, type CorrectAdviceBody, REQUEST_STATUS_LABELS_NL, type RequestStatus } from '@duidingspool/shared';
import { desc, eq } from 'drizzle-orm';
import { AppError, invalidField, invalidTransition, notFound } from '../../errors.ts';
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
 * One stored advice version as the API gives it (`Advice`): `specialistName` is the name of who
 * delivered it. Used by every route that writes advice and by the request that reads it.
 */
export function toAdvice(row: typeof schema.advice.$inferSelect, specialistName: string): Advice {
  return {
    id: row.id,
    requestId: row.requestId,
    version: row.version,
    specialistName,
    summary: row.summary,
    body: row.body,
    deliveredAt: iso(row.deliveredAt),
    correctionReason: row.correctionReason,
  };
}

/**
 * Why `actor` may not correct the delivered advice of a request now (decision 114), or null when
 * they may: `invalid-transition` unless the request is `advice-delivered` with advice (`versions`
 * delivered so far) and they hold an accepted, live assignment on it; `version-limit` when it holds
 * `ADVICE_VERSION_LIMIT` versions. The route refuses with it, and the request offers
 * `correct-advice` only when it is null.
 */
export function correctionRefusal(
  actor: Actor,
  status: RequestStatus,
  records: readonly AssignmentRecord[],
  versions: number,
): 'invalid-transition' | 'version-limit' | null {
  if (status !== 'advice-delivered' || versions < 1 || actor.specialistId === null) return 'invalid-transition';
  if (!records.some((x) => isLive(x) && x.status === 'accepted' && x.specialistId === actor.specialistId)) return 'invalid-transition';
  return versions >= ADVICE_VERSION_LIMIT ? 'version-limit' : null;
}

/**
 * The specialist corrects advice they delivered, on their own initiative (docs/design.md §4,
 * decision 114): the corrected advice becomes the next version with the specialist's reason, the
 * earlier versions stay readable, the request stays `advice-delivered` (no clock restarts, nothing
 * is reserved), the casustafel's or municipality's members get the content-free `advice-corrected`
 * notice (reference and link only; one per request and Amsterdam day), the advice draft takes the corrected text (so a later
 * reopening starts from it), and the correction is audited as `correct-advice` (version only).
 *
 * @param body the whole corrected advice and the reason (`CorrectAdviceBodySchema`)
 * @returns the new version, as the casustafel reads it
 * @throws AppError 404 `not-found` (not visible), 403 `forbidden` (this specialist never accepted an
 *   assignment on the request), 409 `invalid-transition` (not `advice-delivered`, no advice yet, or
 *   their assignment has ended, or the request holds `ADVICE_VERSION_LIMIT` versions), 409 `conflict`
 *   (`basedOnVersion` is not the latest version: another correction came first), 400
 *   `validation-failed` on `/body` (the same text as the latest version), 422 `personal-data-detected` (summary, body or reason)
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
      .select({ version: schema.advice.version, summary: schema.advice.summary, body: schema.advice.body })
      .from(schema.advice)
      .where(eq(schema.advice.requestId, id))
      .orderBy(desc(schema.advice.version))
      .limit(1);
    const delivered = latest?.version ?? 0;
    const refusal = correctionRefusal(actor, request.status, records, delivered);
    if (refusal === 'invalid-transition')
      throw invalidTransition(
        `Een opgeleverd advies wordt alleen gecorrigeerd zolang het verzoek op 'Advies opgeleverd' staat (nu: ${REQUEST_STATUS_LABELS_NL[request.status]}).`,
      );
    if (refusal === 'version-limit')
      throw invalidTransition(
        `Dit advies heeft al ${ADVICE_VERSION_LIMIT} versies, het meeste dat een verzoek bewaart. Zet wat nog niet klopt in een bericht aan de casustafel.`,
      );
    // Corrections of the same version race (two tabs, a resend): the first wins, the later is told.
    if (body.basedOnVersion !== delivered)
      throw new AppError(
        'conflict',
        `Het advies is intussen gecorrigeerd: de laatste versie is ${delivered}, u corrigeerde versie ${body.basedOnVersion}. Lees de laatste versie en corrigeer die.`,
        { errors: [{ in: 'body', pointer: '/basedOnVersion', message: `niet de laatste versie (${delivered})` }] },
      );
    // A correction that changes nothing (a double click, a resend, only spaces or line ends around
    // the text) is no version: refused before the guard.
    if (latest && latest.summary.trim() === body.summary.trim() && latest.body.trim() === body.body.trim())
      throw invalidField('/body', 'gelijk aan de opgeleverde versie: er is niets gecorrigeerd');
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
    // One notice per request and day however often it is corrected: the members read every version in the app.
    await enqueueNotification(tx, ctx, {
      event: 'advice-corrected',
      dedupeKey: `advice-corrected:${id}:${amsterdamDate(at)}`,
      reference: request.reference ?? '',
      linkPath: `/requests/${id}`,
      recipients: requesterRecipients(request),
    });
    return toAdvice(row, actor.displayName);
  });
}
