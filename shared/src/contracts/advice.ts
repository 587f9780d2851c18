import { z } from 'zod';
import { IdSchema, InstantSchema, multiLineText, requiredMultiLineText } from './common.ts';

/** Body of `POST /api/v1/interpretation-requests/{id}/advice` (docs/design.md §7). */
export const DeliverAdviceBodySchema = z.strictObject({ summary: requiredMultiLineText(2000), body: requiredMultiLineText(50000) });
export type DeliverAdviceBody = z.infer<typeof DeliverAdviceBodySchema>;

/**
 * Body of `POST /api/v1/interpretation-requests/{id}/advice/corrections` (decision 114): the
 * specialist corrects advice already delivered, on their own initiative, while the request is
 * `advice-delivered`. The whole corrected advice (same limits as a delivery) and why it was
 * corrected (required, at most 1,000 characters like every lifecycle reason). The correction is the
 * advice's next version; the casustafel reads the reason with it and the earlier versions stay.
 * `basedOnVersion` is the version the specialist corrected (the latest they read): when another
 * correction came first, this one is refused (409 `conflict`) instead of silently replacing it.
 */
export const CorrectAdviceBodySchema = z.strictObject({
  summary: requiredMultiLineText(2000),
  body: requiredMultiLineText(50000),
  reason: requiredMultiLineText(1000),
  basedOnVersion: z.number().int().min(1).max(1000),
});
export type CorrectAdviceBody = z.infer<typeof CorrectAdviceBodySchema>;

/**
 * The most advice versions (deliveries after reopenings and corrections counted together, decision
 * 114) at which a correction is still taken: beyond it corrections are refused, so the request's page
 * (which carries every earlier version) stays bounded. A delivery after a reopening is never refused
 * for it: each needs the casustafel to reopen first.
 */
export const ADVICE_VERSION_LIMIT = 10;

/**
 * The specialist's written interpretation, delivered to the casustafel. `version` is 1 for the first
 * delivery; a request reopened for more work (decision 113) gets a new version on its next delivery,
 * and a correction by the specialist (decision 114) is a new version too; the earlier ones stay
 * readable. `correctionReason` is the specialist's reason when this version corrects the one before
 * it without a reopening, null otherwise (case content: purged with the advice).
 */
export const AdviceSchema = z
  .object({
    id: IdSchema,
    requestId: IdSchema,
    version: z.number().int().min(1),
    specialistName: z.string(),
    summary: z.string(),
    body: z.string(),
    deliveredAt: InstantSchema,
    correctionReason: z.string().nullable(),
  })
  .meta({ id: 'Advice' });
export type Advice = z.infer<typeof AdviceSchema>;

/**
 * Body of `PUT /api/v1/interpretation-requests/{id}/advice-draft`: the advice as written so far
 * (autosaved; nothing required yet) and the `version` the writer last saw (0 before the first
 * save). A save naming an older version answers 409 `conflict` with nothing written: another tab
 * or device saved meanwhile (optimistic concurrency).
 */
export const SaveAdviceDraftBodySchema = z.strictObject({
  summary: multiLineText(2000),
  body: multiLineText(50000),
  version: z.number().int().min(0),
});
export type SaveAdviceDraftBody = z.infer<typeof SaveAdviceDraftBodySchema>;

/** The advice draft of a request: empty with `version: 0` before the first save. */
export const AdviceDraftSchema = z
  .object({ summary: z.string(), body: z.string(), version: z.number().int(), updatedAt: InstantSchema.nullable() })
  .meta({ id: 'AdviceDraft' });
export type AdviceDraft = z.infer<typeof AdviceDraftSchema>;
