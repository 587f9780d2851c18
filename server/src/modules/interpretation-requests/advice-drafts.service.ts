import { type Executor, schema } from '@duidingspool/db';
import { type AdviceDraft, findTransition, REQUEST_STATUS_LABELS_NL, type SaveAdviceDraftBody } from '@duidingspool/shared';
import { and, eq } from 'drizzle-orm';
import { AppError, invalidTransition, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { iso } from '../../lib/pagination.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { listForRequest } from '../assignments/index.ts';
import { audit } from '../audit/index.ts';
import { findVisibleRequest } from './interpretation-requests.repository.ts';

const d = schema.adviceDrafts;

/**
 * The assignment through which the actor writes the advice on request `id`: their accepted, open
 * assignment on a request in progress (the same rule as delivering it).
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, 409 `invalid-transition`
 */
async function writersAssignment(ctx: ServiceContext, tx: Executor, id: string, lock: boolean) {
  const request = await findVisibleRequest(tx, ctx.actor, id, lock);
  if (!request) throw notFound('Dit duidingsverzoek');
  const own = ctx.actor.specialistId ? (await listForRequest(tx, id, ctx.actor.specialistId)).find((x) => x.status === 'accepted') : undefined;
  if (!own) throw new AppError('forbidden', 'Alleen de toegewezen specialist die de inzet heeft aangenomen schrijft het advies.');
  if (own.closedAt !== null || !findTransition(request.status, 'advice-delivered', ['specialist'], 'advice-delivered'))
    throw invalidTransition(`Aan het advies wordt alleen gewerkt bij een verzoek in behandeling (nu: ${REQUEST_STATUS_LABELS_NL[request.status]}).`);
  return own;
}

/**
 * The advice draft of request `id` for its writer (empty, version 0, before the first save).
 * Reading it is audited (case content).
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, 409 `invalid-transition`
 */
export async function getAdviceDraft(ctx: ServiceContext, id: string): Promise<AdviceDraft> {
  await writersAssignment(ctx, ctx.db, id, false);
  const [row] = await ctx.db.select().from(d).where(eq(d.requestId, id));
  await audit(ctx, ctx.db, { action: 'read', objectType: 'advice-draft', objectId: id, result: 'success' });
  return row
    ? { summary: row.summary, body: row.body, version: row.version, updatedAt: iso(row.updatedAt) }
    : { summary: '', body: '', version: 0, updatedAt: null };
}

/**
 * Saves the advice draft of request `id` (autosave) if `version` is the one stored (0: none yet),
 * as version + 1. A stale version answers 409 `conflict` and writes nothing: another tab or device
 * saved in between, and its text is not overwritten unseen.
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, 409 `invalid-transition`, 409 `conflict`, 422 `personal-data-detected`
 */
export async function saveAdviceDraft(ctx: ServiceContext, id: string, body: SaveAdviceDraftBody): Promise<AdviceDraft> {
  return ctx.db.transaction(async (tx) => {
    // The request's row lock orders two saves of one draft: the second sees the first's version.
    const own = await writersAssignment(ctx, tx, id, true);
    const [current] = await tx.select({ version: d.version }).from(d).where(eq(d.requestId, id));
    const stored = current?.version ?? 0;
    if (body.version !== stored)
      throw new AppError('conflict', `Het concept is intussen elders opgeslagen (versie ${stored}, u had versie ${body.version}). Laad de laatste versie.`);
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ summary: body.summary, body: body.body });
    const at = ctx.now();
    const version = stored + 1;
    if (current) {
      await tx
        .update(d)
        .set({ summary: body.summary, body: body.body, version, updatedBy: ctx.actor.userId, updatedAt: at })
        .where(and(eq(d.requestId, id), eq(d.version, stored)));
    } else {
      await tx
        .insert(d)
        .values({ requestId: id, assignmentId: own.id, summary: body.summary, body: body.body, version, updatedBy: ctx.actor.userId, updatedAt: at });
    }
    await audit(ctx, tx, { action: 'save-advice-draft', objectType: 'advice-draft', objectId: id, result: 'success', details: { version } });
    return { summary: body.summary, body: body.body, version, updatedAt: iso(at) };
  });
}

/**
 * Puts `text` in the advice draft of a request as its next version (or starts the draft with it),
 * inside the caller's transaction: after a correction of the delivered advice (decision 114) the
 * draft holds the corrected text, so a later reopening starts from what the casustafel last read.
 * The caller has checked who writes and holds the request's row lock.
 */
export async function replaceDraftText(
  ctx: ServiceContext,
  tx: Executor,
  text: { requestId: string; assignmentId: string; summary: string; body: string; at: Date },
): Promise<void> {
  const [current] = await tx.select({ version: d.version }).from(d).where(eq(d.requestId, text.requestId));
  if (current) {
    await tx
      .update(d)
      .set({ summary: text.summary, body: text.body, version: current.version + 1, updatedBy: ctx.actor.userId, updatedAt: text.at })
      .where(eq(d.requestId, text.requestId));
    return;
  }
  const { at, ...draft } = text;
  await tx.insert(d).values({ ...draft, version: 1, updatedBy: ctx.actor.userId, updatedAt: at });
}
