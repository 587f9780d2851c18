import { z } from 'zod';
import { IdSchema, InstantSchema, requiredMultiLineText } from './common.ts';

/** Body of `POST /api/v1/interpretation-requests/{id}/advice` (docs/design.md §7). */
export const DeliverAdviceBodySchema = z.strictObject({ summary: requiredMultiLineText(2000), body: requiredMultiLineText(50000) });
export type DeliverAdviceBody = z.infer<typeof DeliverAdviceBodySchema>;

/** The specialist's written interpretation, delivered to the casustafel. */
export const AdviceSchema = z
  .object({
    id: IdSchema,
    requestId: IdSchema,
    specialistName: z.string(),
    summary: z.string(),
    body: z.string(),
    deliveredAt: InstantSchema,
  })
  .meta({ id: 'Advice' });
export type Advice = z.infer<typeof AdviceSchema>;
