import { z } from 'zod';
import type { Role } from '../roles.ts';
import { IdSchema, InstantSchema, PageQuerySchema, pageOf } from './common.ts';

/**
 * Every event that puts a mail in the outbox (docs/design.md §4): the request lifecycle, the
 * coordinator's offers (made to an organisation, declined by it), the budget threshold, triage reminders, the daily digest and the two security mails.
 */
export const NOTIFICATION_EVENTS = [
  'request-submitted',
  'request-needs-information',
  'request-declined',
  'request-closed',
  'request-cancelled',
  'request-reopened',
  'assignment-proposed',
  'assignment-accepted',
  'assignment-declined',
  'assignment-withdrawn',
  'assignment-specialist-inactive',
  'assignment-ended',
  'time-entry-submitted',
  'time-entry-rejected',
  'advice-delivered',
  'advice-corrected',
  'budget-threshold-crossed',
  'extension-requested',
  'extension-granted',
  'extension-refused',
  'message-posted',
  'triage-reminder',
  'service-level-overdue',
  'screening-expiring',
  'feedback-reminder',
  'offer-made',
  'offer-declined',
  'invitation',
  'password-reset',
  'digest',
] as const;
export const NotificationEventSchema = z.enum(NOTIFICATION_EVENTS);
export type NotificationEvent = z.infer<typeof NotificationEventSchema>;

/** Security mails: always sent at once, never in a digest, never turned off. */
export const SECURITY_EVENTS: readonly NotificationEvent[] = ['invitation', 'password-reset'];

/**
 * The events a user can set a preference for, with the roles that receive them. The digest itself
 * and the security mails have no preference.
 */
export const PREFERENCE_EVENTS: Readonly<Partial<Record<NotificationEvent, readonly Role[]>>> = {
  'request-submitted': ['coordinator'],
  'triage-reminder': ['coordinator'],
  'service-level-overdue': ['coordinator'],
  'assignment-declined': ['coordinator'],
  'assignment-withdrawn': ['coordinator'],
  'assignment-specialist-inactive': ['coordinator'],
  'assignment-ended': ['specialist'],
  'budget-threshold-crossed': ['coordinator', 'finance'],
  'extension-requested': ['coordinator'],
  'time-entry-submitted': ['coordinator'],
  'request-needs-information': ['requester'],
  'request-declined': ['requester'],
  'assignment-accepted': ['requester'],
  'advice-delivered': ['requester'],
  'advice-corrected': ['requester'],
  'assignment-proposed': ['specialist'],
  'time-entry-rejected': ['specialist'],
  'request-closed': ['specialist'],
  'request-reopened': ['specialist'],
  'request-cancelled': ['requester', 'specialist'],
  'extension-granted': ['specialist'],
  'extension-refused': ['specialist'],
  'screening-expiring': ['coordinator', 'specialist'],
  'message-posted': ['requester', 'coordinator', 'specialist'],
  'feedback-reminder': ['requester'],
  'offer-made': ['requester'],
  'offer-declined': ['coordinator'],
};

/** `immediate` (default), `digest` (daily, at the start of each working day, Europe/Amsterdam) or `off`. */
export const NotificationModeSchema = z.enum(['immediate', 'digest', 'off']);
export type NotificationMode = z.infer<typeof NotificationModeSchema>;

/**
 * The mode of an event for a user who set none: `immediate`, except for logged hours, which a
 * coordinator reads in the inbox and gets by mail only after choosing it on the account page.
 */
export const DEFAULT_NOTIFICATION_MODES: Readonly<Partial<Record<NotificationEvent, NotificationMode>>> = { 'time-entry-submitted': 'off' };

/** The mode of `event` for a user who set none (see `DEFAULT_NOTIFICATION_MODES`). */
export const defaultModeOf = (event: NotificationEvent): NotificationMode => DEFAULT_NOTIFICATION_MODES[event] ?? 'immediate';

/**
 * Events that reach the user's inbox (every event but the security mails and the digest, which
 * only bundles the others): one inbox item per recipient, whatever their mail preference.
 */
export const INBOX_EVENTS: readonly NotificationEvent[] = NOTIFICATION_EVENTS.filter((e) => e !== 'digest' && !SECURITY_EVENTS.includes(e));

/** One event's preference of the signed-in user. */
export const NotificationPreferenceSchema = z.object({ event: NotificationEventSchema, mode: NotificationModeSchema }).meta({ id: 'NotificationPreference' });
export type NotificationPreference = z.infer<typeof NotificationPreferenceSchema>;

export const NotificationPreferenceListSchema = z.object({ items: z.array(NotificationPreferenceSchema) }).meta({ id: 'NotificationPreferenceList' });
export type NotificationPreferenceList = z.infer<typeof NotificationPreferenceListSchema>;

/** `PUT /me/notification-preferences`: the modes to set; events left out keep theirs. */
export const PutNotificationPreferencesBodySchema = z.strictObject({
  items: z.array(z.strictObject({ event: NotificationEventSchema, mode: NotificationModeSchema })).max(NOTIFICATION_EVENTS.length),
});
export type PutNotificationPreferencesBody = z.infer<typeof PutNotificationPreferencesBodySchema>;

/**
 * One item of the user's inbox ("Meldingen"): what a mail says, without case content — the event,
 * the pool reference, the path in the app it links to and the mail's non-case parameters — and when
 * the user read it (null: unread).
 */
export const InboxItemSchema = z
  .object({
    id: IdSchema,
    event: NotificationEventSchema,
    reference: z.string().nullable(),
    /** Path inside the app (`/requests/…`, `/hours`). */
    linkPath: z.string(),
    params: z.object({
      year: z.number().int().optional(),
      thresholdPercent: z.number().int().optional(),
      /** With a threshold of one budget line: its name (decision 094). */
      lineName: z.string().optional(),
      urgency: z.enum(['regular', 'urgent']).optional(),
      specialistName: z.string().optional(),
      validUntil: z.string().optional(),
    }),
    createdAt: InstantSchema,
    readAt: InstantSchema.nullable(),
  })
  .meta({ id: 'InboxItem' });
export type InboxItem = z.infer<typeof InboxItemSchema>;

/** `GET /me/inbox-items`: a page, newest first; `unread=true` only the unread ones. */
export const InboxListQuerySchema = PageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() });
export type InboxListQuery = z.infer<typeof InboxListQuerySchema>;

/** A page of the inbox with the number of unread items (at most `LIST_TOTAL_CAP`). */
export const InboxListSchema = pageOf(InboxItemSchema).extend({ unread: z.number().int() }).meta({ id: 'InboxList' });
export type InboxList = z.infer<typeof InboxListSchema>;

/** `GET /me/inbox-summary`: the number of unread items, for the menu (at most `LIST_TOTAL_CAP`). */
export const InboxSummarySchema = z.object({ unread: z.number().int() }).meta({ id: 'InboxSummary' });
export type InboxSummary = z.infer<typeof InboxSummarySchema>;

/** `PATCH /me/inbox-items/{id}`: mark one item read or unread. */
export const PatchInboxItemBodySchema = z.strictObject({ read: z.boolean() });
export type PatchInboxItemBody = z.infer<typeof PatchInboxItemBodySchema>;

/** Outbox states (see the `notifications` table). */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'digest', 'digested'] as const;
export const NotificationStatusSchema = z.enum(NOTIFICATION_STATUSES);
export type NotificationStatus = z.infer<typeof NotificationStatusSchema>;

/**
 * Outbox states of a mail still waiting to go out: `pending` (due now or later, retries included)
 * and `sending` (claimed by a worker). Digest rows wait for the next working day and are not counted.
 */
export const NOTIFICATION_WAITING_STATUSES = ['pending', 'sending'] as const satisfies readonly NotificationStatus[];

/**
 * What an admin may do with an outbox row, as the server decides it (`allowedActions`): `resend` a
 * mail that failed for good — except an invitation or reset mail, whose one-time link was withdrawn
 * with the failure (a new link is issued from the user's page instead).
 */
export const OUTBOX_ACTIONS = ['resend'] as const;
export const OutboxActionSchema = z.enum(OUTBOX_ACTIONS);
export type OutboxAction = z.infer<typeof OutboxActionSchema>;

/** One outbox row as admins see it: no subject or body, only what happened to whom and how it went. */
export const OutboxNotificationSchema = z
  .object({
    id: IdSchema,
    event: NotificationEventSchema,
    recipientEmail: z.string(),
    reference: z.string().nullable(),
    status: NotificationStatusSchema,
    attempts: z.number().int(),
    messageId: z.string(),
    createdAt: InstantSchema,
    nextAttemptAt: InstantSchema,
    sentAt: InstantSchema.nullable(),
    lastError: z.string().nullable(),
    /** What the signed-in admin may do with this row now. */
    allowedActions: z.array(OutboxActionSchema),
  })
  .meta({ id: 'OutboxNotification' });
export type OutboxNotification = z.infer<typeof OutboxNotificationSchema>;

export const NotificationListQuerySchema = PageQuerySchema.extend({ status: NotificationStatusSchema.optional() });
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

/**
 * A page of the outbox, with how mail leaves this installation: `smtp` or `outbox` (the embedded
 * default keeps mails here), and whether rendered previews are available (never in production).
 */
export const NotificationListSchema = pageOf(OutboxNotificationSchema)
  .extend({ transport: z.enum(['smtp', 'outbox']), previewAvailable: z.boolean() })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationListSchema>;

/** A rendered mail: what the recipient gets, HTML and plain text. */
export const MailPreviewSchema = z
  .object({
    event: NotificationEventSchema,
    language: z.enum(['nl', 'en']),
    to: z.string().nullable(),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
  })
  .meta({ id: 'MailPreview' });
export type MailPreview = z.infer<typeof MailPreviewSchema>;

export const MailTemplateParamsSchema = z.strictObject({ event: NotificationEventSchema });
export const MailTemplateQuerySchema = z.strictObject({ language: z.enum(['nl', 'en']).default('nl') });
