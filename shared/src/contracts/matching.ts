import { z } from 'zod';
import { NOT_ASSIGNABLE_REASONS } from '../assignability.ts';
import { CONFLICT_KINDS, MATCH_REASON_CODES } from '../matching.ts';
import { IdSchema, InstantSchema, multiLineText } from './common.ts';
import { SpecialistActionSchema } from './specialists.ts';

/** Longest note on a declared conflict of interest, in characters. */
export const MAX_CONFLICT_NOTE_LENGTH = 500;
/** Most standing specialists one casustafel can have. */
export const MAX_STANDING_SPECIALISTS = 20;
/** The estimate a one-click proposal of a standing specialist carries (minutes; changeable afterwards). */
export const DEFAULT_PROPOSAL_ESTIMATE_MINUTES = 240;

export const ConflictKindSchema = z.enum(CONFLICT_KINDS);

const ReasonParamsSchema = z
  .object({
    codes: z.array(z.string()).optional(),
    regionCode: z.string().optional(),
    minutes: z.number().int().optional(),
    date: z.string().meta({ format: 'date' }).optional(),
    kind: ConflictKindSchema.optional(),
    name: z.string().optional(),
  })
  .meta({ id: 'MatchReasonParams' });

/** One reason a specialist ranks where they do (`scoreReasons` in shared/src/matching.ts). */
export const MatchReasonSchema = z
  .object({ code: z.enum(MATCH_REASON_CODES), points: z.number().int(), params: ReasonParamsSchema })
  .meta({ id: 'MatchReason' });
export type MatchReasonDto = z.infer<typeof MatchReasonSchema>;

/** One reason a specialist is excluded (`notAssignableReasons`). */
export const ExclusionReasonSchema = z.object({ code: z.enum(NOT_ASSIGNABLE_REASONS), params: ReasonParamsSchema }).meta({ id: 'ExclusionReason' });
export type ExclusionReasonDto = z.infer<typeof ExclusionReasonSchema>;

/** A suggested specialist, best first; `allowedActions` says whether the signed-in coordinator may assign them. */
export const SuggestionSchema = z
  .object({
    specialistId: IdSchema,
    displayName: z.string(),
    score: z.number().int(),
    /** A standing specialist of the request's casustafel. */
    standing: z.boolean(),
    reasons: z.array(MatchReasonSchema),
    /** Rate valid today, cents per hour (the reservation is priced at it). */
    currentRateCents: z.number().int().nullable(),
    allowedActions: z.array(SpecialistActionSchema),
  })
  .meta({ id: 'Suggestion' });
export type SuggestionDto = z.infer<typeof SuggestionSchema>;

export const ExclusionSchema = z.object({ specialistId: IdSchema, displayName: z.string(), reasons: z.array(ExclusionReasonSchema) }).meta({ id: 'Exclusion' });

/** `GET /interpretation-requests/{id}/suggestions`: ranked specialists and those left out (decision 100). */
export const SuggestionListSchema = z
  .object({
    requestId: IdSchema,
    /** The day assignability and capacity are checked for: the meeting date ahead, else today. */
    date: z.string().meta({ format: 'date' }),
    suggestions: z.array(SuggestionSchema),
    excluded: z.array(ExclusionSchema),
  })
  .meta({ id: 'SuggestionList' });
export type SuggestionList = z.infer<typeof SuggestionListSchema>;

/** A declared conflict of interest (decision 100); the note only for the specialist and coordinators. */
export const ConflictSchema = z
  .object({
    id: IdSchema,
    specialistId: IdSchema,
    kind: ConflictKindSchema,
    /** Id of the municipality, casustafel or Zorg- en Veiligheidshuis. */
    targetId: IdSchema,
    targetName: z.string(),
    note: z.string(),
    createdAt: InstantSchema,
  })
  .meta({ id: 'Conflict' });
export type Conflict = z.infer<typeof ConflictSchema>;
export const ConflictListSchema = z.object({ items: z.array(ConflictSchema) }).meta({ id: 'ConflictList' });
export type ConflictList = z.infer<typeof ConflictListSchema>;

/**
 * Body of `POST /specialists/{id}/conflicts`: exactly one of `municipalityId`, `caseTableId` or
 * `safetyHouseId` (an organisation: the Zorg- en Veiligheidshuis), and an optional note.
 */
export const CreateConflictBodySchema = z
  .strictObject({
    municipalityId: IdSchema.optional(),
    caseTableId: IdSchema.optional(),
    safetyHouseId: IdSchema.optional(),
    note: multiLineText(MAX_CONFLICT_NOTE_LENGTH).optional(),
  })
  .superRefine((body, ctx) => {
    const set = [body.municipalityId, body.caseTableId, body.safetyHouseId].filter((v) => v !== undefined).length;
    if (set !== 1) ctx.addIssue({ code: 'custom', path: ['municipalityId'], message: 'kies precies één gemeente, casustafel of organisatie' });
  });
export type CreateConflictBody = z.infer<typeof CreateConflictBodySchema>;

export const ConflictParamsSchema = z.strictObject({ conflictId: IdSchema });

/**
 * A standing specialist of a casustafel (decision 101). `conflictOfInterest`: they declared a
 * conflict with this casustafel or its Zorg- en Veiligheidshuis after being linked, so they see
 * none of its requests and are never suggested for them; the coordinator unlinks them.
 */
export const StandingSpecialistSchema = z
  .object({ specialistId: IdSchema, displayName: z.string(), active: z.boolean(), conflictOfInterest: z.boolean() })
  .meta({ id: 'StandingSpecialist' });
export const StandingSpecialistListSchema = z
  .object({ caseTableId: IdSchema, items: z.array(StandingSpecialistSchema) })
  .meta({ id: 'StandingSpecialistList' });
export type StandingSpecialistList = z.infer<typeof StandingSpecialistListSchema>;

/** Body of `PUT /case-tables/{id}/standing-specialists`: the whole list (empty: none). */
export const PutStandingSpecialistsBodySchema = z.strictObject({
  specialistIds: z.array(IdSchema).max(MAX_STANDING_SPECIALISTS),
});
export type PutStandingSpecialistsBody = z.infer<typeof PutStandingSpecialistsBodySchema>;
