import { sql } from 'drizzle-orm';
import { boolean, check, index, inet, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseTables } from './organisation.ts';

/** People who sign in. E-mail is stored lower-cased. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    language: text('language').notNull().default('nl'),
    isActive: boolean('is_active').notNull().default(true),
    /** Made by the demo seed; never present in production. */
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_email_lower', sql`${t.email} = lower(${t.email})`)],
);

/** Roles of DESIGN.md §2; one person may hold several. */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), check('user_roles_role', sql`${t.role} in ('requester','coordinator','specialist','finance','admin')`)],
);

/** Requesters' memberships of casustafels. */
export const caseTableMembers = pgTable(
  'case_table_members',
  {
    caseTableId: uuid('case_table_id')
      .notNull()
      .references(() => caseTables.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.caseTableId, t.userId] }), index('case_table_members_user').on(t.userId)],
);

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
  },
  (t) => [index('sessions_user').on(t.userId)],
);
