import { z } from 'zod';
import { PATCHABLE_STATUSES, REASON_REQUIRED_STATUSES, REQUEST_STATUSES, RequestStatusSchema } from '../lifecycle.ts';
import {
  DeliverableSchema,
  EXPECTED_PARTICIPANTS,
  MAX_PARTICIPANTS_PER_CATEGORY,
  REACH_CATEGORIES,
  REQUEST_TYPES,
  type ReachCategory,
  RequestTypeSchema,
} from '../request-types.ts';
import { RoleSchema } from '../roles.ts';
import { AdviceSchema } from './advice.ts';
import { AssignmentCloseCauseSchema, AssignmentSchema } from './assignments.ts';
import {
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  multiLineText,
  PageQuerySchema,
  requiredMultiLineText,
  requiredSingleLineText,
  singleLineText,
} from './common.ts';
import { FeedbackSchema } from './feedback.ts';
import { AUDIENCES, AudienceSchema } from './knowledge.ts';

export const URGENCIES = ['regular', 'urgent'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;

/** Expected participants of a training or information session (1–2,000; docs/design.md §4). */
export const ExpectedParticipantsSchema = z
  .number()
  .int('verwacht een geheel aantal')
  .min(EXPECTED_PARTICIPANTS.min, `minstens ${EXPECTED_PARTICIPANTS.min}`)
  .max(EXPECTED_PARTICIPANTS.max, `hoogstens ${EXPECTED_PARTICIPANTS.max}`);

/** Language codes (ISO 639, e.g. `nl`, `ar`, `tr`, `ber`). */
export const LanguageCodeSchema = z.string().regex(/^[a-z]{2,3}$/, 'verwacht een taalcode zoals nl of ar');

/** Fields of a request that hold free text, checked by the personal-data guard (docs/design.md §6). */
export const REQUEST_FREE_TEXT_FIELDS = ['caseReference', 'question', 'context', 'place'] as const;

/**
 * Body of `POST /api/v1/interpretation-requests` (docs/design.md §7). `caseReference` is the table's
 * pseudonymous reference: never a name, BSN or date of birth. `submit: true` sends it at once;
 * otherwise it stays a draft.
 */
export const CreateInterpretationRequestBodySchema = z.strictObject({
  type: z.literal('case-interpretation').optional(),
  caseTableId: IdSchema,
  municipalityId: IdSchema,
  caseReference: requiredSingleLineText(64),
  question: requiredMultiLineText(5000),
  context: multiLineText(10000).optional(),
  expertiseAreaCodes: z.array(z.string().max(64)).min(1, 'kies minstens één expertisegebied').max(10),
  urgency: UrgencySchema,
  deliverable: DeliverableSchema,
  meetingDate: IsoDateSchema.optional(),
  languages: z.array(LanguageCodeSchema).max(10).optional(),
  submit: z.boolean().optional(),
});
export type CreateInterpretationRequestBody = z.infer<typeof CreateInterpretationRequestBodySchema>;

/**
 * The fields of a **draft** (“Opslaan als concept”): whatever is filled in, only the casustafel
 * required; each field keeps its limits, but nothing is required until the request is submitted,
 * when the whole of `CreateInterpretationRequestBodySchema` applies (the server checks it on
 * submission, 400 with a pointer per field). `POST /interpretation-requests` takes this shape (with
 * `submit: true` checked in full); `PATCH /interpretation-requests/{id}/fields` takes it without
 * `caseTableId` and `submit`.
 */
export const DraftRequestFieldsSchema = z.strictObject({
  municipalityId: IdSchema.optional(),
  caseReference: singleLineText(64).optional(),
  question: multiLineText(5000).optional(),
  context: multiLineText(10000).optional(),
  expertiseAreaCodes: z.array(z.string().max(64)).max(10).optional(),
  urgency: UrgencySchema.optional(),
  deliverable: DeliverableSchema.optional(),
  meetingDate: IsoDateSchema.optional(),
  languages: z.array(LanguageCodeSchema).max(10).optional(),
  /** Training and information session: who it is for (decision 095). */
  audiences: z.array(AudienceSchema).max(AUDIENCES.length).optional(),
  /** Training and information session: how many people are expected, 1–2,000. */
  expectedParticipants: ExpectedParticipantsSchema.optional(),
  /** Training and information session: where it takes place (a venue and town, never a person). */
  place: singleLineText(200).optional(),
});
export type DraftRequestFields = z.infer<typeof DraftRequestFieldsSchema>;

/** Body of `POST /api/v1/interpretation-requests`: a draft's fields and its casustafel, or (with `submit: true`) a whole request. */
export const NewRequestBodySchema = DraftRequestFieldsSchema.extend({
  /**
   * What is asked (decision 095); `case-interpretation` when left out. Fixed once created: the
   * fields, deliverables and activities allowed follow from it (`REQUEST_TYPE_RULES`).
   */
  type: RequestTypeSchema.optional(),
  /**
   * The casustafel asking. Required for a case interpretation; left out when a member of a
   * municipality asks for another type on behalf of `municipalityId`.
   */
  caseTableId: IdSchema.optional(),
  /** An earlier, submitted request of the same casustafel that this one follows up (“vervolg op DP-…”). */
  followUpOfId: IdSchema.optional(),
  submit: z.boolean().optional(),
});
export type NewRequestBody = z.infer<typeof NewRequestBodySchema>;

/**
 * Body of `PATCH /api/v1/interpretation-requests/{id}`: a lifecycle transition (docs/design.md §4), with
 * a reason required for the targets in `REASON_REQUIRED_STATUSES`.
 */
export const PatchInterpretationRequestBodySchema = z
  .strictObject({
    status: z.enum(PATCHABLE_STATUSES),
    reason: multiLineText(1000).optional(),
  })
  .refine((b) => !REASON_REQUIRED_STATUSES.includes(b.status) || (b.reason?.trim().length ?? 0) > 0, {
    message: 'geef een reden',
    path: ['reason'],
  });
export type PatchInterpretationRequestBody = z.infer<typeof PatchInterpretationRequestBodySchema>;

/**
 * Body of `POST /api/v1/interpretation-requests/{id}/reopen` (docs/design.md §4, decision 113): why
 * the casustafel needs more work after the advice. Required (400 on `/reason` when missing or
 * blank); shown on the timeline to who sees the request; at most 1,000 characters, like every
 * lifecycle reason.
 */
export const ReopenRequestBodySchema = z.strictObject({ reason: multiLineText(1000) }).refine((b) => b.reason.trim().length > 0, {
  message: 'geef een reden',
  path: ['reason'],
});
export type ReopenRequestBody = z.infer<typeof ReopenRequestBodySchema>;

/** List orders; `triageDue`: the triage deadline first (decision 102), requests without one last. */
export const REQUEST_SORTS = [
  'submittedAt',
  '-submittedAt',
  'meetingDate',
  '-meetingDate',
  'urgency',
  'reference',
  '-reference',
  'status',
  'triageDue',
] as const;

/** Query of `GET /api/v1/interpretation-requests`. */
export const InterpretationRequestListQuerySchema = PageQuerySchema.extend({
  status: z
    .string()
    .max(300)
    .refine((v) => v.split(',').every((s) => (REQUEST_STATUSES as readonly string[]).includes(s)), 'onbekende status')
    .optional()
    .describe('one status or a comma-separated list of statuses'),
  caseTableId: IdSchema.optional(),
  /** One request type or a comma-separated list of types (the triage queue's filter). */
  type: z
    .string()
    .max(200)
    .refine((v) => v.split(',').every((s) => (REQUEST_TYPES as readonly string[]).includes(s)), 'onbekend soort verzoek')
    .optional()
    .describe('one request type or a comma-separated list of types'),
  /** Search by pool reference: requests whose reference starts with this (case-insensitive), e.g. `DP-2026-00`. */
  reference: z
    .string()
    .trim()
    .max(32)
    .regex(/^[A-Za-z0-9-]+$/, 'alleen letters, cijfers en streepjes')
    .optional(),
  sort: z.enum(REQUEST_SORTS).default('-submittedAt'),
});
export type InterpretationRequestListQuery = z.infer<typeof InterpretationRequestListQuerySchema>;

/** Why a user sees a request's summary only (decision 103; see `summaryOnly`). */
export const SUMMARY_ONLY_REASONS = ['confirm-no-conflict', 'standing-specialist'] as const;
export const SummaryOnlyReasonSchema = z.enum(SUMMARY_ONLY_REASONS);
export type SummaryOnlyReason = z.infer<typeof SummaryOnlyReasonSchema>;

/** A request in a list: no question, context or advice (those are read, and audited, on the detail). */
export const InterpretationRequestSummarySchema = z
  .object({
    id: IdSchema,
    /** The pool reference (`DP-2019-0007`), given on the first submission: null while a draft. */
    reference: z.string().nullable(),
    status: RequestStatusSchema,
    /** What is asked (decision 095). */
    type: RequestTypeSchema,
    /** The casustafel asking; null when a municipality asks (then `municipalityId` is the requesting organisation). */
    caseTableId: IdSchema.nullable(),
    caseTableName: z.string().nullable(),
    /** Null only while a draft of a casustafel that names none yet (as `deliverable`). */
    municipalityId: IdSchema.nullable(),
    municipalityName: z.string().nullable(),
    caseReference: z.string(),
    expertiseAreaCodes: z.array(z.string()),
    urgency: UrgencySchema,
    deliverable: DeliverableSchema.nullable(),
    meetingDate: z.string().nullable().meta({ format: 'date' }),
    languages: z.array(z.string()),
    specialistName: z.string().nullable(),
    createdAt: InstantSchema,
    submittedAt: InstantSchema.nullable(),
    updatedAt: InstantSchema,
    /** The triage deadline of the latest submission (decision 102), or null; the clock runs while `submitted`. */
    triageDueAt: InstantSchema.nullable(),
    /**
     * Why this user sees only the non-identifying summary of the request (decision 103), or null
     * when they may read its content: `confirm-no-conflict` — a proposal waits for the specialist's
     * confirmation that they have no conflict of interest; `standing-specialist` — a new request of a
     * casustafel they are a standing specialist of. Then `caseReference`, `question` and `context`
     * are empty, and the timeline, advice and thread are not given.
     */
    summaryOnly: SummaryOnlyReasonSchema.nullable(),
  })
  .meta({ id: 'InterpretationRequestSummary' });
export type InterpretationRequestSummary = z.infer<typeof InterpretationRequestSummarySchema>;

/** One step of the timeline: a status change, with who and when (docs/design.md §4). */
export const TimelineEventSchema = z
  .object({
    fromStatus: RequestStatusSchema.nullable(),
    toStatus: RequestStatusSchema,
    actorName: z.string(),
    actorRole: RoleSchema,
    reason: z.string().nullable(),
    /** A fixed system reason (no case content) when the system, not a person, gave the reason. */
    reasonCode: AssignmentCloseCauseSchema.nullable(),
    /**
     * On a resubmission after a question, and while the question is open on the `needs-information`
     * event: which fields of the request the casustafel changed (field names, e.g. `question`).
     */
    changedFields: z.array(z.string()),
    occurredAt: InstantSchema,
  })
  .meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/**
 * What the signed-in user may do with a request besides PATCH transitions: the coordinator may
 * `assign` a specialist to a submitted request (docs/design.md §4); a requester of the casustafel
 * may `give-feedback` on a closed request that has none yet (§12) and `reopen` a request whose
 * advice was delivered, while its specialist is still active in the pool (decision 113); the
 * specialist holding a training or information session may `record-reach` once its date has come
 * (§12); the specialist who holds the accepted assignment may `correct-advice` while the advice is
 * delivered and the request not yet closed (decision 114). The UI offers only these.
 */
export const REQUEST_ACTIONS = ['assign', 'give-feedback', 'reopen', 'record-reach', 'correct-advice'] as const;
export const RequestActionSchema = z.enum(REQUEST_ACTIONS);
export type RequestAction = z.infer<typeof RequestActionSchema>;

/** One request with its timeline, assignments and (when the user may read it) advice. */
/**
 * What ending the request (close, withdraw, cancel) does to the work on it now, for the
 * confirmation that names it: the reservation released (cents; null for who may not see money),
 * the open extension requests that are refused with it, and the hours still awaiting a decision
 * (they stay and can still be approved or rejected).
 */
export const EndEffectsSchema = z
  .object({
    releasedCents: z.number().int().nullable(),
    openExtensionRequests: z.number().int(),
    undecidedEntries: z.number().int(),
  })
  .meta({ id: 'EndEffects' });
export type EndEffects = z.infer<typeof EndEffectsSchema>;

/**
 * Body of `PUT /api/v1/interpretation-requests/{id}/reach`: the participants of a training or
 * information session per audience category (0–2,000 each; categories left out count 0).
 */
export const RecordReachBodySchema = z.strictObject({
  participants: z.strictObject(
    Object.fromEntries(REACH_CATEGORIES.map((c) => [c, z.number().int().min(0).max(MAX_PARTICIPANTS_PER_CATEGORY).optional()])) as Record<
      ReachCategory,
      z.ZodOptional<z.ZodNumber>
    >,
  ),
});
export type RecordReachBody = z.infer<typeof RecordReachBodySchema>;

/** The recorded reach of a session: participants per category and the totals (docs/design.md §12). */
export const RequestReachSchema = z
  .object({
    participants: z.object(Object.fromEntries(REACH_CATEGORIES.map((c) => [c, z.number().int()])) as Record<ReachCategory, z.ZodNumber>),
    peopleReached: z.number().int(),
    professionalsTrained: z.number().int(),
    recordedAt: InstantSchema,
    recordedByName: z.string(),
  })
  .meta({ id: 'RequestReach' });
export type RequestReach = z.infer<typeof RequestReachSchema>;

export const InterpretationRequestSchema = InterpretationRequestSummarySchema.extend({
  /** The safety region of the requesting municipality (part of the summary a proposal shows first, decision 103); null on a draft without one. */
  safetyRegionName: z.string().nullable(),
  question: z.string(),
  context: z.string().nullable(),
  /** Training and information session: the audiences, expected participants and place; empty or null otherwise. */
  audiences: z.array(AudienceSchema),
  expectedParticipants: z.number().int().nullable(),
  place: z.string().nullable(),
  /** The participants recorded after a training or information session, or null. */
  reach: RequestReachSchema.nullable(),
  timeline: z.array(TimelineEventSchema),
  assignments: z.array(AssignmentSchema),
  /** The latest advice delivered (when the user may read it), or null. */
  advice: AdviceSchema.nullable(),
  /** Advice delivered before the latest, after the request was reopened (decision 113): newest first. */
  earlierAdvice: z.array(AdviceSchema),
  /** The requester's feedback after closing, when given: to the casustafel, the specialist who did the work and the coordinator. */
  feedback: FeedbackSchema.nullable(),
  /** Statuses this user may move the request to with PATCH now. */
  allowedTransitions: z.array(RequestStatusSchema),
  /** What else this user may do with the request now. */
  allowedActions: z.array(RequestActionSchema),
  /** Calendar date (Europe/Amsterdam) on which the case content is purged; null while open. */
  contentPurgeDate: z.string().nullable().meta({ format: 'date' }),
  /** When the case content was purged (question, context and advice are then empty). */
  contentPurgedAt: InstantSchema.nullable(),
  /** The earlier request this one follows up (“vervolg op DP-…”), or null. */
  followUpOf: z.object({ id: IdSchema, reference: z.string() }).nullable(),
  /**
   * The coordinator's offer this request came from when a member of the organisation accepted it
   * (origin "Aanbod van de coördinator", decision 130), or null when the organisation asked itself.
   */
  originOfferId: IdSchema.nullable(),
  /** The later requests that follow this one up, oldest first. */
  followUps: z.array(z.object({ id: IdSchema, reference: z.string() })),
  /** What ending the request would do now; null when this user may not end it. */
  endEffects: EndEffectsSchema.nullable(),
}).meta({ id: 'InterpretationRequest' });
export type InterpretationRequest = z.infer<typeof InterpretationRequestSchema>;
