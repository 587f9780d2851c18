import { NOTIFICATION_EVENTS, NOTIFICATION_STATUSES, type NotificationMode } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accountTokens } from './auth.ts';
import { users } from './users.ts';

/**
 * Notification outbox (docs/design.md §6, §8): one row per recipient, written in the same transaction as
 * the change that causes it and sent later by the worker. It stores the event, the pool reference,
 * a link path into the app and a few non-case parameters — never subject or body text: those are
 * rendered at send time in the recipient's language, so case content has no way into a mail.
 *
 * `status`: `pending` (due at `next_attempt_at`), `sending` (claimed until `locked_until`), `sent`,
 * `failed` (permanent, shown to admins), `digest` (waits for the daily digest due at
 * `next_attempt_at`), `digested` (carried by the digest row `digest_id`).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    event: text('event', { enum: NOTIFICATION_EVENTS }).notNull(),
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => users.id),
    /** The address when the row was written; the worker sends to the user's current address. */
    recipientEmail: text('recipient_email').notNull(),
    /** Pool reference (`DP-2019-0007`), or null for mails about no request (invitation, budget). */
    reference: text('reference'),
    /** Path inside the app (`/requests/…`), joined to PUBLIC_URL at send time; never a token. */
    linkPath: text('link_path').notNull().default('/'),
    /**
     * The one-time token of an invitation or reset link, AES-256-GCM-encrypted under ENCRYPTION_KEY,
     * appended to the link as `#token=` at send time. Wiped once the mail is sent, has failed for
     * good, or its token is used, voided or expired: no usable token rests in the outbox.
     */
    linkTokenEncrypted: text('link_token_encrypted'),
    /** The account token the link carries (invitation and reset mails only). */
    accountTokenId: uuid('account_token_id').references(() => accountTokens.id),
    /** Template parameters that are never case content (e.g. `{year, thresholdPercent}`). */
    params: jsonb('params').notNull().default({}),
    /** Stable RFC 5322 Message-ID, the same on every attempt. */
    messageId: text('message_id').notNull().unique().default(sql`'<' || gen_random_uuid() || '@duidingspool.invalid>'`),
    /** Makes an event idempotent (reminders, budget thresholds): a second insert is ignored. */
    dedupeKey: text('dedupe_key').unique(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** The end of the current sending lease: another worker may take the row over only after it. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /**
     * The lease token of the worker that holds the row (random per worker object). A worker sends a
     * row only after re-checking, in the same statement that extends the lease, that it still holds it.
     */
    leaseOwner: text('lease_owner'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    digestId: uuid('digest_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_due').on(t.status, t.nextAttemptAt),
    index('notifications_recipient').on(t.recipientUserId, t.status),
    index('notifications_account_token').on(t.accountTokenId),
    // The outbox list, newest first with the id tiebreaker (read backwards), all and per status (decision 071).
    index('notifications_outbox').on(t.createdAt, t.id),
    index('notifications_outbox_status').on(t.status, t.createdAt, t.id),
    check('notifications_status', sql`${t.status} in ('pending','sending','sent','failed','digest','digested')`),
  ],
);

/**
 * How a user wants each event: `immediate` (default when no row), `digest` (daily, at the start of
 * each working day in Europe/Amsterdam) or `off`. Security mails ignore this table.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    event: text('event', { enum: NOTIFICATION_EVENTS }).notNull(),
    mode: text('mode').$type<NotificationMode>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.event] }), check('notification_preferences_mode', sql`${t.mode} in ('immediate','digest','off')`)],
);

/**
 * The user's inbox ("Meldingen", decision 121): one row per recipient of every event but the
 * security mails and the digest (`INBOX_EVENTS`), written beside the outbox rows in the same
 * statement, whatever the recipient's mail preference. Like the outbox it holds no case content:
 * the event, the pool reference, a link path and the mail's non-case parameters. `read_at` null is
 * unread. `dedupe_key` (the event's key and the recipient's id) keeps a reminder run twice to one item.
 */
export const inboxItems = pgTable(
  'inbox_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    event: text('event', { enum: NOTIFICATION_EVENTS }).notNull(),
    /** Pool reference (`DP-2019-0007`), or null for events about no request (budget). */
    reference: text('reference'),
    /** Path inside the app the item links to. */
    linkPath: text('link_path').notNull().default('/'),
    /** The mail's non-case parameters (e.g. `{year, thresholdPercent}`). */
    params: jsonb('params').notNull().default({}),
    dedupeKey: text('dedupe_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    // The inbox, newest first with the id tiebreaker (read backwards), all and unread only (decision 071).
    index('inbox_items_list').on(t.userId, t.createdAt, t.id),
    index('inbox_items_unread').on(t.userId, t.createdAt, t.id).where(sql`${t.readAt} is null`),
  ],
);
