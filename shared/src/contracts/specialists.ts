import { z } from 'zod';
import { CentsSchema, IdSchema, PageQuerySchema } from './common.ts';

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
    /** What the signed-in user may do with this specialist now (the UI offers only these). */
    allowedActions: z.array(SpecialistActionSchema),
  })
  .meta({ id: 'Specialist' });
export type Specialist = z.infer<typeof SpecialistSchema>;

export const SpecialistListQuerySchema = PageQuerySchema.extend({
  expertiseAreaCode: z.string().max(64).optional(),
  language: z.string().max(8).optional(),
});
export type SpecialistListQuery = z.infer<typeof SpecialistListQuerySchema>;
