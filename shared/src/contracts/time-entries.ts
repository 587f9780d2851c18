import { z } from 'zod';
import { CentsSchema, IdSchema, InstantSchema, IsoDateSchema, multiLineText, PageQuerySchema, requiredMultiLineText } from './common.ts';

export const TIME_ENTRY_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export const TimeEntryStatusSchema = z.enum(TIME_ENTRY_STATUSES);
export type TimeEntryStatus = z.infer<typeof TimeEntryStatusSchema>;

/**
 * What the signed-in user may do with a time entry now: the coordinator `approve`s or `reject`s a
 * submitted entry and `correct`s an approved one — never their own (separation of duties,
 * docs/design.md §2); the specialist who logged an entry `withdraw`s it while it is submitted (not
 * yet decided) and its month is open. The UI offers only these.
 */
export const TIME_ENTRY_ACTIONS = ['approve', 'reject', 'correct', 'withdraw'] as const;
export const TimeEntryActionSchema = z.enum(TIME_ENTRY_ACTIONS);
export type TimeEntryAction = z.infer<typeof TimeEntryActionSchema>;

/** Body of `POST /api/v1/assignments/{id}/time-entries` (docs/design.md §7). Minutes 1–1440. */
export const LogTimeBodySchema = z.strictObject({
  workedOn: IsoDateSchema,
  minutes: z
    .number()
    .int('hele minuten')
    .min(1, 'minstens 1 minuut')
    .max(24 * 60, 'hoogstens 24 uur'),
  activity: z.string().max(64),
  description: requiredMultiLineText(2000),
});
export type LogTimeBody = z.infer<typeof LogTimeBodySchema>;

/** Headers of the log-time POST: an optional `Idempotency-Key` (the form sends one per submit). */
export const LogTimeHeadersSchema = z.object({ 'idempotency-key': z.string().min(8).max(200).optional() });

/** Body of `PATCH /api/v1/time-entries/{id}`; a rejection needs a reason. */
export const ReviewTimeEntryBodySchema = z
  .strictObject({ status: z.enum(['approved', 'rejected']), reason: multiLineText(1000).optional() })
  .refine((b) => b.status !== 'rejected' || (b.reason?.trim().length ?? 0) > 0, {
    message: 'geef een reden bij afwijzen',
    path: ['reason'],
  });
export type ReviewTimeEntryBody = z.infer<typeof ReviewTimeEntryBodySchema>;

/**
 * A time entry (docs/design.md §3, §5): `rateCents` is the rate valid on `workedOn`, stored on the entry;
 * `amountCents` = minutes × rate / 60 rounded half-up.
 */
export const TimeEntrySchema = z
  .object({
    id: IdSchema,
    assignmentId: IdSchema,
    requestId: IdSchema,
    requestReference: z.string(),
    specialistId: IdSchema,
    specialistName: z.string(),
    workedOn: z.string().meta({ format: 'date' }),
    minutes: z.number().int(),
    activity: z.string(),
    description: z.string(),
    rateCents: CentsSchema,
    amountCents: CentsSchema,
    status: TimeEntryStatusSchema,
    rejectReason: z.string().nullable(),
    reviewedAt: InstantSchema.nullable(),
    reviewerName: z.string().nullable(),
    createdAt: InstantSchema,
    /** Set on a correcting entry (negative minutes and amount): the approved entry it corrects. */
    correctsEntryId: IdSchema.nullable(),
    /** What the signed-in user may do with this entry now. */
    allowedActions: z.array(TimeEntryActionSchema),
  })
  .meta({ id: 'TimeEntry' });
export type TimeEntry = z.infer<typeof TimeEntrySchema>;

export const TimeEntryListQuerySchema = PageQuerySchema.extend({
  status: TimeEntryStatusSchema.optional(),
  assignmentId: IdSchema.optional(),
});
export type TimeEntryListQuery = z.infer<typeof TimeEntryListQuerySchema>;

/** Body of `POST /time-entries/{id}/corrections`: negative minutes (at most the original's) and a reason. */
export const CreateCorrectionBodySchema = z.strictObject({
  minutes: z.number().int('hele minuten').max(-1, 'een correctie heeft negatieve minuten').min(-1440),
  reason: requiredMultiLineText(1000),
});
export type CreateCorrectionBody = z.infer<typeof CreateCorrectionBodySchema>;

/** Body of `POST /time-entry-reviews`: approve or reject up to 100 submitted entries at once (all or nothing). */
export const BulkReviewBodySchema = z
  .strictObject({
    entryIds: z.array(IdSchema).min(1).max(100),
    status: z.enum(['approved', 'rejected']),
    reason: multiLineText(1000).optional(),
  })
  .refine((b) => b.status !== 'rejected' || (b.reason?.trim().length ?? 0) > 0, { message: 'geef een reden bij afwijzen', path: ['reason'] })
  .refine((b) => new Set(b.entryIds).size === b.entryIds.length, { message: 'elke urenregel één keer', path: ['entryIds'] });
export type BulkReviewBody = z.infer<typeof BulkReviewBodySchema>;

export const BulkReviewResultSchema = z.object({ reviewed: z.number().int(), amountCents: CentsSchema }).meta({ id: 'BulkReviewResult' });
