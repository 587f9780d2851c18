import { ROLES } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseTables, municipalities } from './organisation.ts';

/** People who sign in. E-mail is stored lower-cased. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** argon2id; null until an invited user sets a password through their link. */
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    language: text('language').notNull().default('nl'),
    isActive: boolean('is_active').notNull().default(true),
    /** Made by the demo seed; never present in production. */
    isDemo: boolean('is_demo').notNull().default(false),
    /** TOTP secret (base32), encrypted with the server's encryption key (AES-256-GCM). */
    totpSecretEncrypted: text('totp_secret_encrypted'),
    /** Set once the user confirmed the TOTP secret with a code; until then the secret is pending. */
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last TOTP time step used to log in: a code is accepted only for a later step (no replay). */
    totpLastTimeStep: integer('totp_last_time_step'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The admin's user list orders by e-mail with the id tiebreaker (decision 071).
  (t) => [index('users_list').on(t.email, t.id), check('users_email_lower', sql`${t.email} = lower(${t.email})`)],
);

/** Roles of docs/design.md §2; one person may hold several. */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
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

/**
 * Members of a municipality (a policy or safety adviser, decision 095): requesters who ask for the
 * non-case request types on behalf of that municipality. Managed by admins like casustafel membership.
 */
export const municipalityMembers = pgTable(
  'municipality_members',
  {
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.userId] }), index('municipality_members_user').on(t.userId)],
);
