import { z } from 'zod';
import { InstantSchema, multiLineText } from './common.ts';

/** Was the question answered (docs/design.md §12, results feedback). */
export const FEEDBACK_ANSWERED = ['yes', 'partly', 'no'] as const;
export const FeedbackAnsweredSchema = z.enum(FEEDBACK_ANSWERED);
export type FeedbackAnswered = z.infer<typeof FeedbackAnsweredSchema>;

/** What the advice changed: a choice list, any number of them. */
export const FEEDBACK_CHANGES = ['assessment', 'intervention', 'escalation', 'de-escalation', 'no-change', 'other'] as const;
export const FeedbackChangeSchema = z.enum(FEEDBACK_CHANGES);
export type FeedbackChange = z.infer<typeof FeedbackChangeSchema>;

/** How useful the advice was, 1 (not at all) to 5 (very). */
export const FEEDBACK_USEFULNESS = { min: 1, max: 5 } as const;

/** Working days after closing after which a requester who gave no feedback is reminded once. */
export const FEEDBACK_REMINDER_WORKING_DAYS = 5;

/**
 * Body of `POST /api/v1/interpretation-requests/{id}/feedback`: the structured answers (kept for
 * reporting) and an optional comment (case content: checked by the personal-data guard, purged
 * with the request's other case content).
 */
export const GiveFeedbackBodySchema = z.strictObject({
  answered: FeedbackAnsweredSchema,
  usefulness: z.number().int().min(FEEDBACK_USEFULNESS.min).max(FEEDBACK_USEFULNESS.max),
  changes: z
    .array(FeedbackChangeSchema)
    .min(1, 'kies minstens één gevolg')
    .max(FEEDBACK_CHANGES.length)
    .refine((xs) => new Set(xs).size === xs.length, 'kies elk gevolg één keer'),
  comment: multiLineText(2000).optional(),
});
export type GiveFeedbackBody = z.infer<typeof GiveFeedbackBodySchema>;

/** The feedback on one closed request, as the requesters, the specialist who did the work and the coordinator see it. */
export const FeedbackSchema = z
  .object({
    answered: FeedbackAnsweredSchema,
    usefulness: z.number().int(),
    changes: z.array(FeedbackChangeSchema),
    /** Empty once the case content was purged. */
    comment: z.string().nullable(),
    givenAt: InstantSchema,
  })
  .meta({ id: 'Feedback' });
export type Feedback = z.infer<typeof FeedbackSchema>;
