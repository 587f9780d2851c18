import { z } from 'zod';
import { RequestStatusSchema } from '../lifecycle.ts';
import { RequestTypeSchema } from '../request-types.ts';
import { CentsSchema, IdSchema, InstantSchema, IsoDateSchema, multiLineText, PageQuerySchema, requiredMultiLineText } from './common.ts';

export const ASSIGNMENT_STATUSES = ['proposed', 'accepted', 'declined'] as const;
export const AssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatusSchema>;

/**
 * Statuses of an assignment that is live while not closed (`closedAt` null): proposed or accepted.
 * A live assignment holds the unused part of its reservation and counts in the specialist's load.
 */
export const LIVE_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['proposed', 'accepted'];

/** The specialist's answer to a proposal (`PATCH /assignments/{id}` with `status`). */
export type AssignmentAnswer = 'accepted' | 'declined';

/** Longest estimate one assignment may carry: 200 hours. */
export const MAX_ESTIMATE_MINUTES = 200 * 60;

const EstimateSchema = z.number().int('hele minuten').min(1, 'minstens 1 minuut').max(MAX_ESTIMATE_MINUTES);

/** Longest reason for choosing another specialist than the top suggestion, in characters. */
export const MAX_OVERRIDE_REASON_LENGTH = 500;

/**
 * Body of `POST /api/v1/interpretation-requests/{id}/assignments` (docs/design.md §7).
 * `overrideReason`: why the coordinator chose another specialist than the top suggestion; required
 * by the server then (400 on `/overrideReason`, decision 103) and recorded in the audit log with
 * the suggestion passed over (decision 100).
 */
export const CreateAssignmentBodySchema = z.strictObject({
  specialistId: IdSchema,
  estimatedMinutes: EstimateSchema,
  overrideReason: multiLineText(MAX_OVERRIDE_REASON_LENGTH).optional(),
  /** The budget line of this year to charge (decision 094); the year's default line (the pool's) when absent. */
  budgetLineId: IdSchema.optional(),
});
export type CreateAssignmentBody = z.infer<typeof CreateAssignmentBodySchema>;

/**
 * What the signed-in user may do with an assignment now: the proposed specialist first
 * `confirm-no-conflict` (only the request's summary is shown until then, decision 103), then
 * `accept`s; they may `decline` at either step; the specialist of an accepted, live assignment may `request-extension`, `log-time`
 * while the request is in a `LOGGABLE_REQUEST_STATUSES` status, and `deliver-advice` while it is in
 * progress; the coordinator may `change-estimate` and `end` it — never on their own assignment
 * (separation of duties, docs/design.md §2). The UI offers only these.
 */
export const ASSIGNMENT_ACTIONS = [
  'confirm-no-conflict',
  'accept',
  'decline',
  'log-time',
  'request-extension',
  'deliver-advice',
  'change-estimate',
  'end',
] as const;
export const AssignmentActionSchema = z.enum(ASSIGNMENT_ACTIONS);
export type AssignmentAction = z.infer<typeof AssignmentActionSchema>;

/**
 * What a specialist who declines a proposal because of a conflict of interest has the conflict
 * with: the requesting municipality or the casustafel (decision 103). The decline then records that
 * conflict as a declaration of their own, so they are not suggested for that party again.
 */
export const DECLINE_CONFLICT_TARGETS = ['municipality', 'case-table'] as const;
export const DeclineConflictTargetSchema = z.enum(DECLINE_CONFLICT_TARGETS);
export type DeclineConflictTarget = z.infer<typeof DeclineConflictTargetSchema>;

/**
 * The specialist's answer in `PATCH /api/v1/assignments/{id}`: `accepted` or `declined`, with an
 * optional reason (optional in the fixed contract of docs/design.md §7). `conflictOfInterest`
 * (only with `declined`) declines because of a conflict with the requesting municipality or
 * casustafel and records it (decision 103); with `accepted` it answers 400 naming the field.
 */
export const AnswerAssignmentBodySchema = z.strictObject({
  status: z.enum(['accepted', 'declined'] satisfies AssignmentAnswer[]),
  reason: multiLineText(1000).optional(),
  conflictOfInterest: DeclineConflictTargetSchema.optional(),
});
export type AnswerAssignmentBody = z.infer<typeof AnswerAssignmentBodySchema>;

/**
 * The coordinator's new estimate in `PATCH /api/v1/assignments/{id}` (whole minutes). It carries no
 * `status`: the absent status is what tells it from an answer.
 */
export const ChangeEstimateBodySchema = z.strictObject({
  status: z.undefined().optional().meta({ not: {} }),
  estimatedMinutes: EstimateSchema,
});
export type ChangeEstimateBody = z.infer<typeof ChangeEstimateBodySchema>;

/**
 * Body of `PATCH /api/v1/assignments/{id}`: either an answer (with `status`) or a new estimate
 * (without), told apart by `status`; a body with both, or with a reason beside an estimate, is
 * refused on the field that does not belong.
 */
export const PatchAssignmentBodySchema = z.discriminatedUnion('status', [AnswerAssignmentBodySchema, ChangeEstimateBodySchema]);
export type PatchAssignmentBody = z.infer<typeof PatchAssignmentBodySchema>;

/**
 * Body of `POST /api/v1/assignments/{id}/end`: the coordinator ends a live assignment with a reason
 * (shown on the request's timeline); the unused reservation is released, logged hours stay.
 */
export const EndAssignmentBodySchema = z.strictObject({ reason: requiredMultiLineText(1000) });
export type EndAssignmentBody = z.infer<typeof EndAssignmentBodySchema>;

/**
 * A specialist on a request (docs/design.md §3): estimate in minutes, the rate (cents per hour) valid on
 * the assignment date, and `reservedCents`, the part of the reservation not yet used by entries.
 * `closedAt` is set when the request ended and the unused reservation was released.
 */
/**
 * Why an assignment closed (docs/design.md §4): the specialist declined the proposal; the request was
 * closed, cancelled or withdrawn; the coordinator ended the assignment; or the proposal was
 * withdrawn because the specialist left the pool. Fixed codes, not case content: they also serve as
 * the system reason on the timeline and on extension requests refused because the assignment closed
 * (`reasonCode`, `decisionReasonCode`), which the UI shows in the reader's language.
 */
export const ASSIGNMENT_CLOSE_CAUSES = [
  'declined',
  'request-closed',
  'request-cancelled',
  'request-withdrawn',
  'assignment-ended',
  'proposal-withdrawn',
] as const;
export const AssignmentCloseCauseSchema = z.enum(ASSIGNMENT_CLOSE_CAUSES);
export type AssignmentCloseCause = z.infer<typeof AssignmentCloseCauseSchema>;

/**
 * The closes after which the specialist keeps access to the request (need to know, decision 004):
 * only an accepted assignment that closed together with its request (the specialist did the work
 * to the end). Declined, ended and withdrawn assignments give no access any more.
 */
export const CLOSE_CAUSES_KEEPING_ACCESS: readonly AssignmentCloseCause[] = ['request-closed', 'request-cancelled', 'request-withdrawn'];

export const AssignmentSchema = z
  .object({
    id: IdSchema,
    requestId: IdSchema,
    requestReference: z.string(),
    requestStatus: RequestStatusSchema,
    /** The request's type: which activity codes its hours take (`REQUEST_TYPE_RULES`, decision 095). */
    requestType: RequestTypeSchema,
    specialistId: IdSchema,
    specialistName: z.string(),
    status: AssignmentStatusSchema,
    estimatedMinutes: z.number().int(),
    loggedMinutes: z.number().int(),
    /** Cents per hour; null for viewers who may not see rates (requesters, docs/design.md §2). */
    rateCents: CentsSchema.nullable(),
    /** Unused reservation in cents; null for viewers who may not see the budget. */
    reservedCents: CentsSchema.nullable(),
    budgetYear: z.number().int(),
    /** The budget line of `budgetYear` the assignment charges (decision 094). */
    budgetLineId: IdSchema,
    declineReason: z.string().nullable(),
    /** The coordinator's reason when they ended the assignment (`POST /assignments/{id}/end`). */
    endReason: z.string().nullable(),
    /**
     * False when the specialist left the pool (deactivated, or no longer a specialist): an accepted
     * assignment is then flagged to the coordinator, who can end it and assign someone else.
     */
    specialistActive: z.boolean(),
    proposedAt: InstantSchema,
    /**
     * The first day hours may be dated on (`YYYY-MM-DD`, Europe/Amsterdam): the day the request was
     * first submitted (`firstWorkDate`); never after today, never in a closed month.
     */
    hoursFrom: IsoDateSchema,
    respondedAt: InstantSchema.nullable(),
    closedAt: InstantSchema.nullable(),
    /** Why the assignment closed; null while it is live. */
    closeCause: AssignmentCloseCauseSchema.nullable(),
    /**
     * When the specialist confirmed they have no conflict of interest with the requesting party
     * (decision 103); null while a proposal waits for it — the request then shows them its summary only.
     */
    noConflictConfirmedAt: InstantSchema.nullable(),
    /** What the signed-in user may do with this assignment now. */
    allowedActions: z.array(AssignmentActionSchema),
  })
  .meta({ id: 'Assignment' });
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AssignmentListQuerySchema = PageQuerySchema.extend({
  status: AssignmentStatusSchema.optional(),
  open: z.enum(['true', 'false']).optional().describe('only assignments whose request is still open'),
});
export type AssignmentListQuery = z.infer<typeof AssignmentListQuerySchema>;
