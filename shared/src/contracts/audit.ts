import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, PageQuerySchema } from './common.ts';

/** How an audited action ended: carried out, or refused (a refusal is audited too, docs/design.md §6). */
export const AUDIT_RESULTS = ['success', 'denied'] as const;
export const AuditResultSchema = z.enum(AUDIT_RESULTS);
export type AuditResult = z.infer<typeof AuditResultSchema>;

/** One audit event (docs/design.md §6): who did what to which object, when, from where, with what result. */
export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: InstantSchema,
    actorId: IdSchema.nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string().nullable(),
    result: AuditResultSchema,
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** Filters of the audit log; `fromDate`/`toDate` are inclusive calendar dates in Europe/Amsterdam. */
export const AuditEventFilterSchema = z.strictObject({
  actorId: IdSchema.optional(),
  action: z.string().max(64).optional(),
  objectType: z.string().max(64).optional(),
  objectId: z.string().max(64).optional(),
  result: AuditResultSchema.optional(),
  fromDate: IsoDateSchema.optional(),
  toDate: IsoDateSchema.optional(),
});
export const AuditEventListQuerySchema = PageQuerySchema.extend(AuditEventFilterSchema.shape);
export type AuditEventListQuery = z.infer<typeof AuditEventListQuerySchema>;
export type AuditEventFilter = z.infer<typeof AuditEventFilterSchema>;
