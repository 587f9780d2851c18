import { AUDIT_RESULTS } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { bigserial, check, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Append-only audit log (docs/design.md §6): who did what to which object, when, from where, with what
 * result. A trigger in the migrations refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    result: text('result', { enum: AUDIT_RESULTS }).notNull(),
    ip: inet('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    // The audit log's order is `occurred_at desc, id desc` (read backwards); the id tiebreaker is in each index (decision 071).
    index('audit_events_object').on(t.objectType, t.objectId, t.occurredAt, t.id),
    index('audit_events_time').on(t.occurredAt, t.id),
    index('audit_events_actor').on(t.actorId, t.occurredAt, t.id),
    index('audit_events_action').on(t.action, t.occurredAt, t.id),
    check('audit_events_result', sql`${t.result} in ('success','denied')`),
  ],
);
