import { z } from 'zod';
import { DeliverableSchema, type RequestType } from '../request-types.ts';
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
import { ExpectedParticipantsSchema } from './interpretation-requests.ts';
import { AUDIENCES, AudienceSchema } from './knowledge.ts';

/**
 * What the coordinator may offer proactively (docs/design.md §4, decision 130): every request type
 * that carries no case content — the same list as `MUNICIPAL_REQUEST_TYPES`, as a tuple for the
 * schema. A specialist's presence at a casustafel's table is offered as a `consultation` (deliverable
 * `advice-conversation` on the meeting date).
 */
export const OFFER_TYPES = ['consultation', 'training', 'information-session', 'local-activity-support', 'analysis'] as const satisfies readonly RequestType[];
export const OfferTypeSchema = z.enum(OFFER_TYPES);
export type OfferType = z.infer<typeof OfferTypeSchema>;

/** The stored states of an offer: `open` until a member accepts or declines it, or the coordinator withdraws it. */
export const STORED_OFFER_STATUSES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
/**
 * The states an offer is shown in: the stored ones, and `expired` — an open offer whose last valid
 * day (`validUntil`, Europe/Amsterdam) has passed. Only an open offer can still change.
 */
export const OFFER_STATUSES = [...STORED_OFFER_STATUSES, 'expired'] as const;
export const OfferStatusSchema = z.enum(OFFER_STATUSES);
export type OfferStatus = z.infer<typeof OfferStatusSchema>;

/** Longest title of an offer (single line) and description (multi-line), in characters. */
export const OFFER_TITLE_MAX = 150;
export const OFFER_DESCRIPTION_MAX = 4000;

/**
 * Body of `POST /api/v1/offers`: the coordinator offers one kind of work to exactly one casustafel
 * (`caseTableId`) or municipality (`municipalityId`). The fields follow the request type's rules
 * (`REQUEST_TYPE_RULES`: a training names its date, audiences, expected participants and place);
 * the server answers a field the type does not take, or a required one left out, with 400 on it.
 * `validUntil` is the last day (Europe/Amsterdam) on which the offer can be accepted.
 */
export const CreateOfferBodySchema = z.strictObject({
  type: OfferTypeSchema,
  caseTableId: IdSchema.optional(),
  municipalityId: IdSchema.optional(),
  title: requiredSingleLineText(OFFER_TITLE_MAX),
  description: requiredMultiLineText(OFFER_DESCRIPTION_MAX),
  expertiseAreaCodes: z.array(z.string().max(64)).min(1, 'kies minstens één expertisegebied').max(10),
  deliverable: DeliverableSchema,
  meetingDate: IsoDateSchema.optional(),
  audiences: z.array(AudienceSchema).max(AUDIENCES.length).optional(),
  expectedParticipants: ExpectedParticipantsSchema.optional(),
  place: singleLineText(200).optional(),
  validUntil: IsoDateSchema,
});
export type CreateOfferBody = z.infer<typeof CreateOfferBodySchema>;

/**
 * Body of `PATCH /api/v1/offers/{id}`: a member of the organisation `accepted` it (for an offer to
 * a casustafel naming the municipality the work is for, one the casustafel serves) or `declined` it
 * (with an optional reason); the coordinator `withdrawn` it. Only an open offer changes.
 */
export const DecideOfferBodySchema = z.strictObject({
  status: z.enum(['accepted', 'declined', 'withdrawn']),
  municipalityId: IdSchema.optional(),
  reason: multiLineText(1000).optional(),
});
export type DecideOfferBody = z.infer<typeof DecideOfferBodySchema>;

/**
 * What the signed-in user may do with an offer now (the UI offers only these): a member of the
 * organisation it is made to may `accept` or `decline` an open offer; a coordinator may `withdraw` it.
 */
export const OFFER_ACTIONS = ['accept', 'decline', 'withdraw'] as const;
export const OfferActionSchema = z.enum(OFFER_ACTIONS);
export type OfferAction = z.infer<typeof OfferActionSchema>;

/** One offer as the coordinator and the members of its organisation see it. */
export const OfferSchema = z
  .object({
    id: IdSchema,
    type: OfferTypeSchema,
    status: OfferStatusSchema,
    /** The casustafel it is made to, or null when it is made to a municipality. */
    caseTableId: IdSchema.nullable(),
    caseTableName: z.string().nullable(),
    /** The municipality it is made to, or null when it is made to a casustafel. */
    municipalityId: IdSchema.nullable(),
    municipalityName: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    expertiseAreaCodes: z.array(z.string()),
    deliverable: DeliverableSchema,
    meetingDate: z.string().nullable().meta({ format: 'date' }),
    audiences: z.array(AudienceSchema),
    expectedParticipants: z.number().int().nullable(),
    place: z.string().nullable(),
    /** The last day (Europe/Amsterdam) on which it can be accepted. */
    validUntil: z.string().meta({ format: 'date' }),
    createdByName: z.string(),
    createdAt: InstantSchema,
    decidedByName: z.string().nullable(),
    decidedAt: InstantSchema.nullable(),
    /** Why a member declined it, when they said. */
    declineReason: z.string().nullable(),
    /** The request its acceptance made (origin: this offer), or null. */
    request: z.object({ id: IdSchema, reference: z.string().nullable() }).nullable(),
    allowedActions: z.array(OfferActionSchema),
  })
  .meta({ id: 'Offer' });
export type Offer = z.infer<typeof OfferSchema>;

/** `GET /api/v1/offers`: a page, open offers first, newest first; `status` filters (`expired`: open but past its last day). */
export const OfferListQuerySchema = PageQuerySchema.extend({ status: OfferStatusSchema.optional() });
export type OfferListQuery = z.infer<typeof OfferListQuerySchema>;
