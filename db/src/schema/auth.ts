import { ACCOUNT_TOKEN_PURPOSES } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, index, inet, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** Server-side sessions: the JWT carries the id; revoking the row logs out at once. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: inet('ip'),
    userAgent: text('user_agent'),
    /** sha256 of the current refresh token; rotated on every refresh. */
    refreshTokenHash: text('refresh_token_hash'),
    /** sha256 of the refresh token before the current one: presenting it again revokes the session. */
    previousRefreshTokenHash: text('previous_refresh_token_hash'),
    /** Opened with a password only, for a user who must still enrol a second factor. */
    enrolmentOnly: boolean('enrolment_only').notNull().default(false),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** One-time recovery codes for the second factor, stored as sha256 hashes. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recovery_codes_hash').on(t.userId, t.codeHash)],
);

/**
 * Single-use, expiring links sent by e-mail: an invitation (set a first password) or a password
 * reset. Only the sha256 of the token is stored.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_tokens_user').on(t.userId), check('account_tokens_purpose', sql`${t.purpose} in ('invitation','password-reset')`)],
);

/**
 * Counters of the login and password-reset throttles (decision 042). `key` is the sha256 of what is
 * counted (an account and a client, an account, an IP address), so no address is stored in plain.
 * A per-pair row holds growing delays (`attempts`, `next_allowed_at`); a ceiling row counts
 * attempts in a fixed window from `window_started_at`. Rows are taken with one atomic
 * `INSERT … ON CONFLICT DO UPDATE … WHERE`, before a password is verified, so the limits hold under
 * concurrency and across server instances.
 */
export const authThrottles = pgTable(
  'auth_throttles',
  {
    key: text('key').primaryKey(),
    attempts: integer('attempts').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    nextAllowedAt: timestamp('next_allowed_at', { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_throttles_last_attempt').on(t.lastAttemptAt)],
);
