import { z } from 'zod';
import { IdSchema, PageQuerySchema } from './common.ts';

/** An expertise area; `retired` ones stay for the labels of history but are not offered for new things. */
export const ExpertiseAreaSchema = z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string(), retired: z.boolean() }).meta({ id: 'ExpertiseArea' });
export type ExpertiseArea = z.infer<typeof ExpertiseAreaSchema>;

/** An activity; `retired` ones stay for the labels of history but take no new hours. */
export const ActivitySchema = z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string(), retired: z.boolean() }).meta({ id: 'Activity' });
export type Activity = z.infer<typeof ActivitySchema>;

/** A safety region by its code (e.g. `GM`); `retired` ones stay on profiles but are not offered. */
export const SafetyRegionRefSchema = z.object({ code: z.string(), name: z.string(), retired: z.boolean() }).meta({ id: 'SafetyRegionRef' });
export type SafetyRegionRef = z.infer<typeof SafetyRegionRefSchema>;

export const ReferenceDataSchema = z
  .object({ expertiseAreas: z.array(ExpertiseAreaSchema), activities: z.array(ActivitySchema), safetyRegions: z.array(SafetyRegionRefSchema) })
  .meta({ id: 'ReferenceData' });
export type ReferenceData = z.infer<typeof ReferenceDataSchema>;

export const MunicipalityRefSchema = z.object({ id: IdSchema, name: z.string() }).meta({ id: 'MunicipalityRef' });

/** A casustafel as `GET /api/v1/case-tables` lists it (docs/design.md §7). */
export const CaseTableSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    /** The Zorg- en Veiligheidshuis hosting it (an organisation a conflict of interest can be declared with). */
    safetyHouseId: IdSchema,
    safetyHouseName: z.string(),
    safetyRegionName: z.string(),
    municipalities: z.array(MunicipalityRefSchema),
    /** Retired by the admin: kept for history, takes no new requests or members (listed only with `includeRetired`). */
    retired: z.boolean(),
  })
  .meta({ id: 'CaseTable' });
export type CaseTable = z.infer<typeof CaseTableSchema>;

/**
 * The query of `GET /api/v1/case-tables`: a page, and `includeRetired=true` to list retired
 * casustafels too (the admin's user form, which shows existing memberships); choices for new
 * requests leave them out, as they leave out retired municipalities.
 */
export const CaseTableListQuerySchema = PageQuerySchema.extend({ includeRetired: z.enum(['true', 'false']).optional() });
export type CaseTableListQuery = z.infer<typeof CaseTableListQuerySchema>;
