import { z } from 'zod';
import { NOT_ASSIGNABLE_REASONS } from '../assignability.ts';
import { CentsSchema, IdSchema, InstantSchema, IsoDateSchema, multiLineText, PageQuerySchema } from './common.ts';
import { LanguageCodeSchema } from './interpretation-requests.ts';

/** Most minutes a month can hold (31 days of 24 hours): the upper limit of a specialist's capacity. */
export const MAX_CAPACITY_MINUTES_PER_MONTH = 31 * 24 * 60;
/** Longest professional bio of a specialist, in characters. */
export const MAX_BIO_LENGTH = 1000;
/** Most languages, expertise areas or regions on one profile. */
export const MAX_PROFILE_ITEMS = 30;

export const NotAssignableReasonSchema = z.enum(NOT_ASSIGNABLE_REASONS);

/**
 * Whether a specialist can be assigned for work on `date` (the request's meeting date, or today),
 * and if not why (`notAssignableReasons` in shared/src/assignability.ts).
 */
export const AssignabilitySchema = z
  .object({
    date: z.string().meta({ format: 'date' }),
    assignable: z.boolean(),
    reasons: z.array(NotAssignableReasonSchema),
  })
  .meta({ id: 'Assignability' });
export type Assignability = z.infer<typeof AssignabilitySchema>;

/**
 * What the signed-in coordinator may do with a specialist now: `assign` them to a request, `add-rate`
 * to their rate history. Neither for their own specialist profile (separation of duties, docs/design.md §2).
 */
export const SPECIALIST_ACTIONS = ['assign', 'add-rate'] as const;
export const SpecialistActionSchema = z.enum(SPECIALIST_ACTIONS);
export type SpecialistAction = z.infer<typeof SpecialistActionSchema>;

/** A specialist as `GET /api/v1/specialists` lists it for the coordinator (docs/design.md §7). */
export const SpecialistSchema = z
  .object({
    id: IdSchema,
    displayName: z.string(),
    email: z.string(),
    expertiseAreaCodes: z.array(z.string()),
    languages: z.array(z.string()),
    regionCodes: z.array(z.string()),
    /** Rate valid today (Europe/Amsterdam), cents per hour; null before the first rate. */
    currentRateCents: CentsSchema.nullable(),
    /** Hours the specialist can take on per month, in minutes. */
    capacityMinutesPerMonth: z.number().int(),
    /** Current load: proposed or accepted assignments on open requests. */
    openAssignments: z.number().int(),
    /** Current load: estimated minutes of those assignments not yet logged. */
    openEstimatedMinutes: z.number().int(),
    screeningValidUntil: z.string().nullable().meta({ format: 'date' }),
    /** Whether they can be assigned on the list's `meetingDate` (or today), and if not why. */
    assignability: AssignabilitySchema,
    /** What the signed-in user may do with this specialist now (the UI offers only these). */
    allowedActions: z.array(SpecialistActionSchema),
  })
  .meta({ id: 'Specialist' });
export type Specialist = z.infer<typeof SpecialistSchema>;

export const SpecialistListQuerySchema = PageQuerySchema.extend({
  expertiseAreaCode: z.string().max(64).optional(),
  language: z.string().max(8).optional(),
  /** The date assignability is answered for (a request's meeting date); today when left out or past. */
  meetingDate: IsoDateSchema.optional(),
});
export type SpecialistListQuery = z.infer<typeof SpecialistListQuerySchema>;

/**
 * The fields of a specialist profile someone may change (`editableFields`): the coordinator all of
 * them — except on their own profile, where they are the specialist (separation of duties) — and
 * the specialist their own `languages`, `absences` and `bio` (docs/design.md §2, decision 082).
 * `absences` stands for adding and deleting absence periods, `conflicts` for declaring and
 * withdrawing conflicts of interest (decision 100).
 */
export const PROFILE_FIELDS = [
  'expertiseAreaCodes',
  'languages',
  'regionCodes',
  'capacityMinutesPerMonth',
  'screeningDate',
  'bio',
  'absences',
  'conflicts',
] as const;
export const ProfileFieldSchema = z.enum(PROFILE_FIELDS);
export type ProfileField = z.infer<typeof ProfileFieldSchema>;
/** The profile fields a specialist edits on their own profile. */
export const SPECIALIST_OWN_PROFILE_FIELDS: readonly ProfileField[] = ['languages', 'absences', 'bio', 'conflicts'];

/** One absence period of a specialist: both dates inclusive (Europe/Amsterdam). */
export const AbsenceSchema = z
  .object({
    id: IdSchema,
    specialistId: IdSchema,
    startsOn: z.string().meta({ format: 'date' }),
    endsOn: z.string().meta({ format: 'date' }),
    createdAt: InstantSchema,
  })
  .meta({ id: 'Absence' });
export type Absence = z.infer<typeof AbsenceSchema>;
export const AbsenceListSchema = z.object({ items: z.array(AbsenceSchema) }).meta({ id: 'AbsenceList' });
export type AbsenceList = z.infer<typeof AbsenceListSchema>;

/** Body of `POST /specialists/{id}/absences`: from `startsOn` through `endsOn` (not before it). */
export const CreateAbsenceBodySchema = z.strictObject({ startsOn: IsoDateSchema, endsOn: IsoDateSchema });
export type CreateAbsenceBody = z.infer<typeof CreateAbsenceBodySchema>;

/** A specialist's profile as `GET /specialists/{id}/profile` answers it. */
export const SpecialistProfileSchema = z
  .object({
    id: IdSchema,
    userId: IdSchema,
    displayName: z.string(),
    email: z.string(),
    /** Active in the pool: profile and account active, holding the `specialist` role. */
    active: z.boolean(),
    expertiseAreaCodes: z.array(z.string()),
    languages: z.array(z.string()),
    regionCodes: z.array(z.string()),
    /** Hours the specialist can take on per month, in minutes (0 to `MAX_CAPACITY_MINUTES_PER_MONTH`). */
    capacityMinutesPerMonth: z.number().int(),
    /** Date of the screening (VOG), or null when none is recorded. */
    screeningDate: z.string().nullable().meta({ format: 'date' }),
    /** Last valid day of the screening: `SCREENING_VALIDITY_YEARS` after its date, the day before the anniversary. */
    screeningValidUntil: z.string().nullable().meta({ format: 'date' }),
    /** Short professional bio (at most `MAX_BIO_LENGTH` characters); empty when none. */
    bio: z.string(),
    /** Whether they can be assigned today, and if not why. */
    assignability: AssignabilitySchema,
    /** What the signed-in user may change on this profile (the UI offers only these). */
    editableFields: z.array(ProfileFieldSchema),
  })
  .meta({ id: 'SpecialistProfile' });
export type SpecialistProfile = z.infer<typeof SpecialistProfileSchema>;

/**
 * Body of `PATCH /specialists/{id}/profile`: the fields to change (left out: unchanged). Lists
 * replace the whole list. A screening date may not lie in the future; `null` removes it.
 */
export const PatchSpecialistProfileBodySchema = z.strictObject({
  expertiseAreaCodes: z.array(z.string().max(64)).max(MAX_PROFILE_ITEMS).optional(),
  languages: z.array(LanguageCodeSchema).max(MAX_PROFILE_ITEMS).optional(),
  regionCodes: z.array(z.string().max(64)).max(MAX_PROFILE_ITEMS).optional(),
  capacityMinutesPerMonth: z
    .number()
    .int('hele minuten')
    .min(0, 'niet minder dan 0')
    .max(MAX_CAPACITY_MINUTES_PER_MONTH, `hoogstens ${MAX_CAPACITY_MINUTES_PER_MONTH} minuten (een maand van 31 dagen)`)
    .optional(),
  screeningDate: IsoDateSchema.nullable().optional(),
  bio: multiLineText(MAX_BIO_LENGTH).optional(),
});
export type PatchSpecialistProfileBody = z.infer<typeof PatchSpecialistProfileBodySchema>;

export const AbsenceParamsSchema = z.strictObject({ absenceId: IdSchema });

/** Weeks the capacity view looks ahead, the current week included. */
export const CAPACITY_VIEW_WEEKS = 8;

/** `GET /specialists/capacity`: per active specialist, the capacity of each of the coming weeks (decision 100). */
export const CapacityViewSchema = z
  .object({
    /** The Mondays (YYYY-MM-DD) of the weeks, the current one first. */
    weekStarts: z.array(z.string().meta({ format: 'date' })),
    items: z.array(
      z.object({
        specialistId: IdSchema,
        displayName: z.string(),
        /** Current load: estimated minutes of live assignments not yet logged. */
        openEstimatedMinutes: z.number().int(),
        weeks: z.array(z.object({ weekStart: z.string().meta({ format: 'date' }), capacityMinutes: z.number().int(), absentDays: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'CapacityView' });
export type CapacityView = z.infer<typeof CapacityViewSchema>;
