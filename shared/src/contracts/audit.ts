import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, PageQuerySchema } from './common.ts';

/** How an audited action ended: carried out, or refused (a refusal is audited too, docs/design.md §6). */
export const AUDIT_RESULTS = ['success', 'denied'] as const;
export const AuditResultSchema = z.enum(AUDIT_RESULTS);
export type AuditResult = z.infer<typeof AuditResultSchema>;

/**
 * Every action the server audits (the `action` of an audit event), each with a label in both locale
 * files (`audit.actions.<action>`); a server test fails on an action written in the code that is
 * not listed here.
 */
export const AUDIT_ACTIONS = [
  'accept',
  'accept-offer',
  'access',
  'add-absence',
  'add-budget-line',
  'add-rate',
  'adopt-financial-statement',
  'approve',
  'assign',
  'change-budget',
  'change-budget-line',
  'change-estimate',
  'change-password',
  'close-period',
  'confirm-no-conflict',
  'correct',
  'correct-advice',
  'create',
  'create-profile',
  'declare-conflict',
  'decline',
  'decline-offer',
  'delete-absence',
  'delete-budget-line',
  'delete-draft',
  'deliver-advice',
  'enable-totp',
  'end-assignment',
  'export',
  'flag-assignment',
  'give-feedback',
  'grant-extension',
  'import',
  'invite',
  'log-time',
  'login',
  'logout',
  'mark-all-read',
  'mark-read',
  'mark-unread',
  'open-budget',
  'post-message',
  'prepare-financial-statement',
  'publish-knowledge-product',
  'purge-content',
  'purge-ledger',
  'read',
  'record-reach',
  'refresh',
  'refuse-extension',
  'reject',
  'reopen',
  'reopen-period',
  'request-extension',
  'request-password-reset',
  'resend-notification',
  'retire',
  'save-advice-draft',
  'set-notification-preferences',
  'set-password',
  'set-standing-specialists',
  'start-totp-enrolment',
  'transition',
  'update',
  'update-fields',
  'update-profile',
  'update-service-levels',
  'withdraw-conflict',
  'withdraw-knowledge-product',
  'withdraw-offer',
  'withdraw-proposal',
  'withdraw-time',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Every kind of object an audit event names (`objectType`), each with a name in both locale files (`audit.objects.<type>`). */
export const AUDIT_OBJECT_TYPES = [
  'accounting-period',
  'activity',
  'advice-draft',
  'assignment',
  'audit-log',
  'budget',
  'budget-line',
  'case-table',
  'expertise-area',
  'extension-request',
  'financial-statement',
  'inbox-item',
  'interpretation-request',
  'knowledge-product',
  'municipality',
  'notification',
  'offer',
  'request-messages',
  'route',
  'safety-house',
  'safety-region',
  'service-levels',
  'session',
  'specialist',
  'structure',
  'time-entry',
  'user',
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

/** True when an inclusive date range ends before it starts (`YYYY-MM-DD`; a missing end never does). */
export const dateRangeReversed = (fromDate: string | undefined, toDate: string | undefined): boolean => !!fromDate && !!toDate && toDate < fromDate;

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
    /**
     * The object in words, where it has them: the pool reference of a request and of the
     * assignments, hours and extension requests on it, a user's or specialist's name, a
     * casustafel's or municipality's name; null otherwise.
     */
    objectLabel: z.string().nullable(),
    result: AuditResultSchema,
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/**
 * Filters of the audit log; `fromDate`/`toDate` are inclusive calendar dates in Europe/Amsterdam
 * (a `toDate` before `fromDate` is refused: 400 on `/toDate`); `reference` is a pool reference and
 * finds the request and everything on it (assignments, hours, extension requests).
 */
export const AuditEventFilterSchema = z.strictObject({
  actorId: IdSchema.optional(),
  action: z.string().max(64).optional(),
  objectType: z.string().max(64).optional(),
  objectId: z.string().max(64).optional(),
  reference: z
    .string()
    .trim()
    .max(32)
    .regex(/^[A-Za-z]{1,10}-\d{4}-\d{1,6}$/, 'verwacht een referentie als DP-2026-0004')
    .optional(),
  result: AuditResultSchema.optional(),
  fromDate: IsoDateSchema.optional(),
  toDate: IsoDateSchema.optional(),
});
export const AuditEventListQuerySchema = PageQuerySchema.extend(AuditEventFilterSchema.shape);
export type AuditEventListQuery = z.infer<typeof AuditEventListQuerySchema>;
export type AuditEventFilter = z.infer<typeof AuditEventFilterSchema>;
