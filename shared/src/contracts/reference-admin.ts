import { z } from 'zod';
import { IdSchema, InstantSchema, requiredSingleLineText } from './common.ts';

/**
 * The kinds of reference data the admin manages (docs/design.md §2, beheerder), as they appear in
 * the path `/api/v1/admin/reference/{kind}`. The first four belong to the organisation module,
 * the last two to the specialists module.
 */
export const REFERENCE_KINDS = ['safety-regions', 'safety-houses', 'municipalities', 'case-tables', 'expertise-areas', 'activities'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** The most characters of a reference name (the structure file's limit too). */
export const REFERENCE_NAME_MAX = 200;
/** A stable code: letters, digits and dashes, at most 40, not starting with a dash (the structure file's rule too). Linear-time. */
export const REFERENCE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
/** A CBS municipality code: `GM` and four digits (`GM0202`). */
export const CBS_CODE_PATTERN = /^GM\d{4}$/;

/** Which parent a kind has (its `parentCode` names one of these), or null. */
export const REFERENCE_PARENT: Record<ReferenceKind, ReferenceKind | null> = {
  'safety-regions': null,
  'safety-houses': 'safety-regions',
  municipalities: 'safety-houses',
  'case-tables': 'safety-houses',
  'expertise-areas': null,
  activities: null,
};

/** Which kinds carry an English name (the others are proper names). */
export const REFERENCE_HAS_ENGLISH_NAME: Record<ReferenceKind, boolean> = {
  'safety-regions': false,
  'safety-houses': false,
  municipalities: false,
  'case-tables': false,
  'expertise-areas': true,
  activities: true,
};

const name = requiredSingleLineText(REFERENCE_NAME_MAX);
const CodeSchema = z.string().max(40).regex(REFERENCE_CODE_PATTERN, 'letters, cijfers en streepjes, hoogstens 40');

export const ReferenceKindParamsSchema = z.strictObject({ kind: z.enum(REFERENCE_KINDS) });
export const ReferenceItemParamsSchema = z.strictObject({ kind: z.enum(REFERENCE_KINDS), code: CodeSchema });
export const CaseTableMemberParamsSchema = z.strictObject({ code: CodeSchema, userId: IdSchema });
export const CaseTableCodeParamsSchema = z.strictObject({ code: CodeSchema });

const CodeNameSchema = z.object({ code: z.string(), name: z.string() });

/**
 * One item of reference data as the admin sees it: its stable `code` (CBS code for municipalities),
 * Dutch `name`, and per kind: `nameEn` (expertise areas, activities), `seat` (safety regions),
 * `city` (safety houses), the parent (`parentCode`/`parentName`: region of a safety house, safety
 * house of a municipality or casustafel), and for casustafels the municipalities served and the
 * members. `retiredAt` is set once retired (then it is no longer offered for new things).
 */
export const ReferenceItemSchema = z
  .object({
    kind: z.enum(REFERENCE_KINDS),
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    seat: z.string().nullable(),
    city: z.string().nullable(),
    parentCode: z.string().nullable(),
    parentName: z.string().nullable(),
    municipalities: z.array(CodeNameSchema),
    members: z.array(z.object({ userId: IdSchema, displayName: z.string(), email: z.string() })),
    retiredAt: InstantSchema.nullable(),
  })
  .meta({ id: 'ReferenceItem' });
export type ReferenceItem = z.infer<typeof ReferenceItemSchema>;

/** Every item of one kind, retired ones included (reference data is small: no paging). */
export const ReferenceItemListSchema = z.object({ items: z.array(ReferenceItemSchema) }).meta({ id: 'ReferenceItemList' });
export type ReferenceItemList = z.infer<typeof ReferenceItemListSchema>;

/**
 * A new item. `code` is stable afterwards (a CBS code for a municipality). Which other fields a kind
 * needs: `nameEn` (expertise areas, activities), `seat` (safety regions), `city` (safety houses),
 * `parentCode` (safety houses: a region; municipalities and casustafels: a safety house),
 * `municipalityCodes` (casustafels, at least one). The server refuses a missing or superfluous one
 * with 400 on its pointer, and a code in use with 409.
 */
export const CreateReferenceItemBodySchema = z
  .strictObject({
    code: CodeSchema,
    name,
    nameEn: name.optional(),
    seat: name.optional(),
    city: name.optional(),
    parentCode: CodeSchema.optional(),
    municipalityCodes: z.array(CodeSchema).max(200).optional(),
  })
  .meta({ id: 'CreateReferenceItemBody' });
export type CreateReferenceItemBody = z.infer<typeof CreateReferenceItemBodySchema>;

/** A rename (and for casustafels the municipalities served); the code and the parent stay. */
export const UpdateReferenceItemBodySchema = z
  .strictObject({
    name: name.optional(),
    nameEn: name.optional(),
    seat: name.optional(),
    city: name.optional(),
    municipalityCodes: z.array(CodeSchema).min(1, 'een casustafel bedient minstens één gemeente').max(200).optional(),
  })
  .meta({ id: 'UpdateReferenceItemBody' });
export type UpdateReferenceItemBody = z.infer<typeof UpdateReferenceItemBodySchema>;

/** A member to add to a casustafel: a user with the requester role. */
export const AddCaseTableMemberBodySchema = z.strictObject({ userId: IdSchema }).meta({ id: 'AddCaseTableMemberBody' });
export type AddCaseTableMemberBody = z.infer<typeof AddCaseTableMemberBodySchema>;
