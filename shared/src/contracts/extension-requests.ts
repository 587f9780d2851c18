import { z } from 'zod';
import { AssignmentCloseCauseSchema } from './assignments.ts';
import { IdSchema, InstantSchema, multiLineText, PageQuerySchema, requiredMultiLineText } from './common.ts';

/** Most extra minutes one extension request may ask: 200 hours. */
export const MAX_EXTENSION_MINUTES = 200 * 60;

export const EXTENSION_STATUSES = ['requested', 'granted', 'refused'] as const;
export const ExtensionStatusSchema = z.enum(EXTENSION_STATUSES);
export type ExtensionStatus = z.infer<typeof ExtensionStatusSchema>;

/** Body of `POST /assignments/{id}/extension-requests`: extra minutes and why. */
export const CreateExtensionBodySchema = z.strictObject({
  extraMinutes: z.number().int('hele minuten').min(1, 'minstens 1 minuut').max(MAX_EXTENSION_MINUTES),
  reason: requiredMultiLineText(1000),
});
export type CreateExtensionBody = z.infer<typeof CreateExtensionBodySchema>;

/** Body of `PATCH /extension-requests/{id}`: the coordinator grants or refuses (a refusal needs a reason). */
export const DecideExtensionBodySchema = z
  .strictObject({ status: z.enum(['granted', 'refused']), reason: multiLineText(1000).optional() })
  .refine((b) => b.status !== 'refused' || (b.reason?.trim().length ?? 0) > 0, { message: 'geef een reden bij weigeren', path: ['reason'] });
export type DecideExtensionBody = z.infer<typeof DecideExtensionBodySchema>;

/**
 * What the signed-in user may do with an extension request now: the coordinator `grant`s or
 * `refuse`s an open one — never on their own assignment (separation of duties, docs/design.md §2).
 */
export const EXTENSION_ACTIONS = ['grant', 'refuse'] as const;
export const ExtensionActionSchema = z.enum(EXTENSION_ACTIONS);
export type ExtensionAction = z.infer<typeof ExtensionActionSchema>;

export const ExtensionRequestSchema = z
  .object({
    id: IdSchema,
    assignmentId: IdSchema,
    requestReference: z.string(),
    specialistName: z.string(),
    extraMinutes: z.number().int(),
    reason: z.string(),
    status: ExtensionStatusSchema,
    decisionReason: z.string().nullable(),
    /** Set when the request was refused because its assignment closed: why it closed (fixed code). */
    decisionReasonCode: AssignmentCloseCauseSchema.nullable(),
    requestedAt: InstantSchema,
    decidedAt: InstantSchema.nullable(),
    /** What the signed-in user may do with this request now. */
    allowedActions: z.array(ExtensionActionSchema),
  })
  .meta({ id: 'ExtensionRequest' });
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>;

export const ExtensionListQuerySchema = PageQuerySchema.extend({ status: ExtensionStatusSchema.optional() });
export type ExtensionListQuery = z.infer<typeof ExtensionListQuerySchema>;
