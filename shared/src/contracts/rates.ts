import { z } from 'zod';
import { CentsSchema, IdSchema, InstantSchema, IsoDateSchema } from './common.ts';

/** Highest rate one specialist may have: EUR 100,000.00 per hour, in cents (a typing-error guard). */
export const MAX_RATE_CENTS = 10_000_000;
/** One rate of a specialist: cents per hour, valid from `validFrom` until the next rate. */
export const SpecialistRateSchema = z
  .object({
    id: IdSchema,
    specialistId: IdSchema,
    rateCents: CentsSchema,
    validFrom: z.string().meta({ format: 'date' }),
    createdAt: InstantSchema,
  })
  .meta({ id: 'SpecialistRate' });
export type SpecialistRate = z.infer<typeof SpecialistRateSchema>;
export const SpecialistRateListSchema = z.object({ items: z.array(SpecialistRateSchema) }).meta({ id: 'SpecialistRateList' });

/** Body of `POST /specialists/{specialistId}/rates`: a positive rate in cents per hour from a date. */
export const CreateRateBodySchema = z.strictObject({
  rateCents: z.number().int('hele centen').min(1, 'een tarief is groter dan 0').max(MAX_RATE_CENTS),
  validFrom: IsoDateSchema,
});
export type CreateRateBody = z.infer<typeof CreateRateBodySchema>;
