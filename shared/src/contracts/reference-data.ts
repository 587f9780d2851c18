import { z } from 'zod';
import { IdSchema } from './common.ts';

export const ExpertiseAreaSchema = z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string() }).meta({ id: 'ExpertiseArea' });
export type ExpertiseArea = z.infer<typeof ExpertiseAreaSchema>;

export const ActivitySchema = z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string() }).meta({ id: 'Activity' });
export type Activity = z.infer<typeof ActivitySchema>;

export const ReferenceDataSchema = z
  .object({ expertiseAreas: z.array(ExpertiseAreaSchema), activities: z.array(ActivitySchema) })
  .meta({ id: 'ReferenceData' });
export type ReferenceData = z.infer<typeof ReferenceDataSchema>;

export const MunicipalityRefSchema = z.object({ id: IdSchema, name: z.string() }).meta({ id: 'MunicipalityRef' });

/** A casustafel as `GET /api/v1/case-tables` lists it (docs/design.md §7). */
export const CaseTableSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    safetyHouseName: z.string(),
    safetyRegionName: z.string(),
    municipalities: z.array(MunicipalityRefSchema),
  })
  .meta({ id: 'CaseTable' });
export type CaseTable = z.infer<typeof CaseTableSchema>;
