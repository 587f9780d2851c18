import { randomUUID } from 'node:crypto';
import { type Executor, schema } from '@duidingspool/db';
import {
  type AccountTokenPurpose,
  defaultModeOf,
  INBOX_EVENTS,
  type NotificationEvent,
  type NotificationMode,
  type NotificationStatus,
  SECURITY_EVENTS,
} from '@duidingspool/shared';
import { and, eq, inArray, isNotNull, isNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { type BuiltStatement, builtStatement } from '../../lib/built-statement.ts';
import { encryptSecret } from '../../lib/secrets.ts';
import { nextWorkingDayStart, type WorkingHours } from '../../lib/working-time.ts';
import type { MailParams } from './templates.tsx';

export type { NotificationEvent } from '@duidingspool/shared';

/**
 * Who receives a notification: users by id, every active holder of a role, a casustafel's members,
 * a municipality's members (who ask on its behalf, decision 095), or everyone in any of several such groups (`anyOf`; a person in two groups gets one mail).
 */
export type Recipients =
  | { userIds: string[] }
  | { roles: ('coordinator' | 'finance')[] }
  | { caseTableId: string }
  | { municipalityId: string }
  | { anyOf: Exclude<Recipients, { anyOf: unknown }>[] };

/**
 * What the outbox needs from the caller's context: the public URL (host of the Message-ID), the
 * clock and the working day (a parked digest row goes out at the start of the next one).
 */
export interface OutboxContext {
  publicUrl: string;
  now: () => Date;
  workingHours: WorkingHours;
}

/** One notification to enqueue. */
export interface EnqueueInput {
  event: NotificationEvent;
  /** Pool reference (`DP-2019-0007`), or null for mails about no request. */
  reference: string | null;
  /** Path in the app (`/requests/<id>`); PUBLIC_URL is prepended when the mail is rendered. */
  linkPath: string;
  recipients: Recipients;
  /** Non-case template parameters (see `MailParams`). */
  params?: MailParams;
  /** A one-time link token, already sealed with `encryptSecret(…, 'outbox-link')`, and its account token. */
  linkToken?: { encrypted: string; accountTokenId: string };
  /**
   * Makes the event idempotent: with the recipient's id appended it is unique in the outbox, so a
   * second enqueue (another instance, a retry) writes nothing. Used by reminders and thresholds.
   */
  dedupeKey?: string;
  /** Users who get no mail even when a group includes them (the author of a message). */
  exceptUserIds?: readonly string[];
}

/** An active recipient, with their own mail preference for the event being sent (null: none set). */
interface Recipient {
  id: string;
  email: string;
  mode: NotificationMode | null;
}

/**
 * The active users `recipients` names, each with their preference for `event` read in the same
 * statement (a left join on `notification_preferences`, one row per user and event), so an enqueue
 * costs one read whatever the group.
 */
async function recipientsOf(db: Executor, recipients: Recipients, event: NotificationEvent): Promise<Recipient[]> {
  if ('anyOf' in recipients) {
    const byId = new Map<string, Recipient>();
    for (const group of recipients.anyOf) for (const row of await recipientsOf(db, group, event)) byId.set(row.id, row);
    return [...byId.values()];
  }
  const u = schema.users;
  const p = schema.notificationPreferences;
  const active = eq(u.isActive, true);
  const cols = { id: u.id, email: u.email, mode: p.mode };
  const preference = and(eq(p.userId, u.id), eq(p.event, event));
  if ('userIds' in recipients) {
    if (recipients.userIds.length === 0) return [];
    return db
      .select(cols)
      .from(u)
      .leftJoin(p, preference)
      .where(and(active, inArray(u.id, recipients.userIds)));
  }
  if ('roles' in recipients) {
    return db
      .selectDistinct(cols)
      .from(u)
      .innerJoin(schema.userRoles, eq(schema.userRoles.userId, u.id))
      .leftJoin(p, preference)
      .where(and(active, inArray(schema.userRoles.role, recipients.roles)));
  }
  if ('municipalityId' in recipients) {
    return db
      .select(cols)
      .from(u)
      .innerJoin(schema.municipalityMembers, eq(schema.municipalityMembers.userId, u.id))
      .leftJoin(p, preference)
      .where(and(active, eq(schema.municipalityMembers.municipalityId, recipients.municipalityId)));
  }
  return db
    .select(cols)
    .from(u)
    .innerJoin(schema.caseTableMembers, eq(schema.caseTableMembers.userId, u.id))
    .leftJoin(p, preference)
    .where(and(active, eq(schema.caseTableMembers.caseTableId, recipients.caseTableId)));
}

/** A stable RFC 5322 Message-ID for a new notification, on the host of PUBLIC_URL. */
export function newMessageId(publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'localhost';
  return `<${randomUUID()}@${host}>`;
}

/**
 * Writes one outbox row per active recipient in the caller's transaction (transactional outbox,
 * docs/design.md §8), honouring each recipient's preference: `off` writes nothing, `digest` parks the row
 * until the start of the next working day (`nextWorkingDayStart`); security mails always go at once. Only the event, the pool
 * reference, a link path and non-case parameters are stored — subject and body are rendered at send
 * time, so no case content can reach a mail (docs/design.md §6).
 *
 * @returns the number of rows written
 */
export function enqueueNotification(db: Executor, ctx: OutboxContext, input: EnqueueInput): Promise<number> {
  return enqueue(db, ctx, input, (now) => nextWorkingDayStart(now, ctx.workingHours));
}

/** The statements of `enqueueForRoles`, one per event and roles. */
const forRoles = new Map<string, BuiltStatement<unknown>>();

/**
 * `enqueueNotification` to the holders of `roles` (`recipients: { roles }`, nothing else set) in one
 * statement built once per event and roles (decision 135), so a write can send it with its other
 * statements in one round trip: the same rows — an inbox item for every active holder (when the
 * event is an inbox event), an outbox row for each whose preference is not `off`, parked until the
 * next working day's start for `digest` — with the same values.
 */
export async function enqueueForRoles(
  db: Executor,
  ctx: OutboxContext,
  input: { event: NotificationEvent; roles: ('coordinator' | 'finance')[]; reference: string | null; linkPath: string },
): Promise<void> {
  const key = `${input.event}:${input.roles.join(',')}`;
  let statement = forRoles.get(key);
  if (!statement) {
    statement = builtStatement(`enqueue_${input.event}`, () => enqueueForRolesSql(input.event, input.roles));
    forRoles.set(key, statement);
  }
  const now = ctx.now();
  await statement(db, {
    reference: input.reference,
    linkPath: input.linkPath,
    now: now.toISOString(),
    digestAt: nextWorkingDayStart(now, ctx.workingHours).toISOString(),
    host: new URL(ctx.publicUrl).hostname || 'localhost',
  });
}

/** The SQL of `enqueueForRoles`: the event, its default mode and the roles written in, the rest placeholders. */
function enqueueForRolesSql(event: NotificationEvent, roles: readonly ('coordinator' | 'finance')[]): SQL {
  const u = schema.users;
  const ur = schema.userRoles;
  const p = schema.notificationPreferences;
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  const inbox = INBOX_EVENTS.includes(event)
    ? sql`, inbox as (
      insert into inbox_items (user_id, event, reference, link_path, params, dedupe_key, created_at)
      select r.id, ${event}, ${sql.placeholder('reference')}::text, ${sql.placeholder('linkPath')}::text, '{}'::jsonb, null, ${now} from recipients r
      on conflict do nothing
      returning 1
    )`
    : sql``;
  return sql`with recipients as (
      select distinct ${u.id} as id, ${u.email} as email, coalesce(${p.mode}, ${defaultModeOf(event)}) as mode
      from ${u}
      join ${ur} on ${ur.userId} = ${u.id} and ${inArray(ur.role, [...roles])}
      left join ${p} on ${p.userId} = ${u.id} and ${p.event} = ${event}
      where ${u.isActive}
    )${inbox}
    insert into notifications (event, recipient_user_id, recipient_email, reference, link_path, params, message_id, dedupe_key, status, created_at, next_attempt_at)
    select ${event}, r.id, r.email, ${sql.placeholder('reference')}::text, ${sql.placeholder('linkPath')}::text, '{}'::jsonb,
      '<' || gen_random_uuid() || '@' || ${sql.placeholder('host')}::text || '>', null,
      case when r.mode = 'digest' then ${HELD_FOR_DIGEST} else ${DUE_NOW} end, ${now},
      case when r.mode = 'digest' then ${sql.placeholder('digestAt')}::timestamptz else ${now} end
    from recipients r
    where r.mode <> 'off'
    on conflict do nothing`;
}

/** Writes the rows; `digestAt` says when a row parked now goes out (unused for security mails). */
async function enqueue(db: Executor, ctx: Pick<OutboxContext, 'publicUrl' | 'now'>, input: EnqueueInput, digestAt: (now: Date) => Date): Promise<number> {
  const rows = (await recipientsOf(db, input.recipients, input.event)).filter((r) => !input.exceptUserIds?.includes(r.id));
  if (rows.length === 0) return 0;
  // A security mail goes at once whatever the recipient set for it.
  const security = SECURITY_EVENTS.includes(input.event);
  const now = ctx.now();
  // The inbox gets every recipient, whatever their mail preference (decision 121).
  if (INBOX_EVENTS.includes(input.event)) {
    await db
      .insert(schema.inboxItems)
      .values(
        rows.map((r) => ({
          userId: r.id,
          event: input.event,
          reference: input.reference,
          linkPath: input.linkPath,
          params: inboxParams(input.params),
          dedupeKey: input.dedupeKey ? `${input.dedupeKey}:${r.id}` : null,
          createdAt: now,
        })),
      )
      .onConflictDoNothing();
  }
  const values = rows.flatMap((r): (typeof schema.notifications.$inferInsert)[] => {
    const mode = (security ? null : r.mode) ?? defaultModeOf(input.event);
    if (mode === 'off') return [];
    return [
      {
        event: input.event,
        recipientUserId: r.id,
        recipientEmail: r.email,
        reference: input.reference,
        linkPath: input.linkPath,
        params: input.params ?? {},
        linkTokenEncrypted: input.linkToken?.encrypted ?? null,
        accountTokenId: input.linkToken?.accountTokenId ?? null,
        messageId: newMessageId(ctx.publicUrl),
        dedupeKey: input.dedupeKey ? `${input.dedupeKey}:${r.id}` : null,
        status: mode === 'digest' ? 'digest' : 'pending',
        createdAt: now,
        nextAttemptAt: mode === 'digest' ? digestAt(now) : now,
      },
    ];
  });
  if (values.length === 0) return 0;
  const written = await db.insert(schema.notifications).values(values).onConflictDoNothing().returning({ id: schema.notifications.id });
  return written.length;
}

/** The mail's parameters an inbox item keeps: all but a digest's list of items (the inbox has those as items of their own). */
function inboxParams(params: MailParams | undefined): Omit<MailParams, 'items'> {
  const { items: _items, ...rest } = params ?? {};
  return rest;
}

/** The status of a new row for a recipient who reads this event in the daily digest. */
const HELD_FOR_DIGEST: NotificationStatus = 'digest';
/** The status of a new row to be sent at once. */
const DUE_NOW: NotificationStatus = 'pending';

/**
 * Set-based enqueue for background jobs (decision 064): one outbox row per item of `items` and per
 * active holder of one of `roles`, written by a single `INSERT … SELECT` whatever the number of
 * items, with the same preference rules as `enqueueNotification` (`off` writes nothing, `digest`
 * parks the row until the next working day's start). `items` is a query yielding the columns
 * `reference` (text or null), `link_path` (text), `params` (jsonb) and `dedupe_key` (text, required:
 * the recipient's id is appended); an item already in the outbox for a recipient is skipped, so a
 * job may run as often and on as many instances as it likes. When `lockKey` is given the statement
 * first takes `pg_try_advisory_xact_lock(lockKey)` and writes nothing if another instance holds it.
 * With `itemRecipient` each item also goes to its own user: `items` then yields a column
 * `recipient_user_id` (uuid, or null for none), and that user gets the item too when active,
 * whatever their roles (once, also when they hold one of `roles`); with `roles` empty only that user.
 *
 * @returns the number of rows written
 */
export async function enqueueForEach(
  db: Executor,
  ctx: OutboxContext,
  input: { event: NotificationEvent; roles: ('coordinator' | 'finance')[]; items: SQL; lockKey?: number; itemRecipient?: boolean },
): Promise<number> {
  const now = ctx.now();
  const digestAt = nextWorkingDayStart(now, ctx.workingHours);
  const host = new URL(ctx.publicUrl).hostname || 'localhost';
  // No roles: only the item's own user (`itemRecipient`) receives it.
  const roles =
    input.roles.length === 0
      ? sql`null`
      : sql.join(
          input.roles.map((r) => sql`${r}`),
          sql`, `,
        );
  // The item's own user, beside the role holders; `union` (not `union all`) keeps one row per item
  // and user when that user holds one of the roles too.
  const itemTargets = input.itemRecipient
    ? sql`union
      select i.reference, i.link_path, i.params, i.dedupe_key, u.id, u.email, coalesce(p.mode, ${defaultModeOf(input.event)})
      from items i
      join users u on u.id = i.recipient_user_id and u.is_active
      left join notification_preferences p on p.user_id = u.id and p.event = ${input.event}`
    : sql``;
  const defaultMode = defaultModeOf(input.event);
  // The inbox gets every target, whatever their mail preference (decision 121), in the same statement.
  const inbox = INBOX_EVENTS.includes(input.event)
    ? sql`, inbox as (
      insert into inbox_items (user_id, event, reference, link_path, params, dedupe_key, created_at)
      select r.id, ${input.event}, r.reference, r.link_path, r.params, r.dedupe_key || ':' || r.id, ${now.toISOString()}::timestamptz
      from job_lock, targets r
      where job_lock.got
      on conflict do nothing
      returning 1
    )`
    : sql``;
  const lock = input.lockKey === undefined ? sql`select true as got` : sql`select pg_try_advisory_xact_lock(${input.lockKey}) as got`;
  const result = await db.execute(sql`
    with job_lock as materialized (${lock}),
    items as (${input.items}),
    recipients as (
      select distinct u.id, u.email, coalesce(p.mode, ${defaultMode}) as mode
      from users u
      join user_roles ur on ur.user_id = u.id and ur.role in (${roles})
      left join notification_preferences p on p.user_id = u.id and p.event = ${input.event}
      where u.is_active
    ),
    targets as (
      select i.reference, i.link_path, i.params, i.dedupe_key, r.id, r.email, r.mode from items i, recipients r
      ${itemTargets}
    )${inbox}
    insert into notifications (event, recipient_user_id, recipient_email, reference, link_path, params, message_id, dedupe_key, status, next_attempt_at)
    select ${input.event}, r.id, r.email, r.reference, r.link_path, r.params,
      '<' || gen_random_uuid() || '@' || ${host} || '>',
      r.dedupe_key || ':' || r.id,
      case when r.mode = 'digest' then ${HELD_FOR_DIGEST} else ${DUE_NOW} end,
      case when r.mode = 'digest' then ${digestAt.toISOString()}::timestamptz else ${now.toISOString()}::timestamptz end
    from job_lock, targets r
    where job_lock.got and r.mode <> 'off'
      and not exists (select 1 from notifications x where x.dedupe_key = r.dedupe_key || ':' || r.id)
    on conflict do nothing
    returning 1
  `);
  return Array.isArray(result) ? result.length : ((result as { rows?: unknown[] }).rows?.length ?? 0);
}

/**
 * The budget of `year` has crossed `thresholdPercent` % (of allocated, counting reserved + pending +
 * spent): tells coordinators and finance, once per year and threshold however often it is called;
 * with `line`, the same for one budget line of the year (decision 094), once per line and threshold.
 * Call it inside the transaction that moved the money; the caller decides which thresholds apply.
 */
export function notifyBudgetThresholdCrossed(
  db: Executor,
  ctx: OutboxContext,
  input: { year: number; thresholdPercent: number; line?: { id: string; name: string } },
): Promise<number> {
  return enqueueNotification(db, ctx, {
    event: 'budget-threshold-crossed',
    reference: null,
    linkPath: '/budget',
    recipients: { roles: ['coordinator', 'finance'] },
    params: { year: input.year, thresholdPercent: input.thresholdPercent, ...(input.line ? { lineName: input.line.name } : {}) },
    dedupeKey: input.line
      ? `budget-threshold:${input.year}:${input.line.id}:${input.thresholdPercent}`
      : `budget-threshold:${input.year}:${input.thresholdPercent}`,
  });
}

/** The fragment a one-time link carries its token in: `<PUBLIC_URL><linkPath>#token=<token>`. */
export const LINK_TOKEN_FRAGMENT = '#token=';

/**
 * A security mail to one user (invitation or password reset): sent at once, never digested or
 * turned off. The one-time `token` is stored only sealed (AES-256-GCM under `encryptionKey`,
 * decision 041) next to `linkPath`, and joined to the link as `#token=` when the mail is rendered
 * for sending; the worker wipes it once the mail is sent.
 */
export function enqueueSecurityMail(
  db: Executor,
  ctx: Pick<OutboxContext, 'publicUrl' | 'now'> & { encryptionKey: string },
  input: { event: AccountTokenPurpose; userId: string; linkPath: string; token: string; accountTokenId: string },
) {
  // Security mails are never parked for a digest, so they need no working day.
  return enqueue(
    db,
    ctx,
    {
      event: input.event,
      reference: null,
      linkPath: input.linkPath,
      recipients: { userIds: [input.userId] },
      linkToken: { encrypted: encryptSecret(input.token, ctx.encryptionKey, 'outbox-link'), accountTokenId: input.accountTokenId },
    },
    (now) => now,
  );
}

/**
 * Wipes the sealed link token of every outbox row whose account token is no longer live (used,
 * voided or expired), optionally only for `userId`; such a row that was not sent yet is marked
 * `failed` (a mail with a dead link helps nobody). Called in the transaction that voids or uses
 * tokens, and by the worker's housekeeping for tokens that expired. @returns rows changed
 */
export async function withdrawDeadLinks(db: Executor, userId?: string): Promise<number> {
  const n = schema.notifications;
  const t = schema.accountTokens;
  const dead = sql`exists (select 1 from ${t} where ${t.id} = ${n.accountTokenId} and (${t.usedAt} is not null or ${t.expiresAt} <= now()))`;
  const unsent = or(eq(n.status, 'pending'), eq(n.status, 'sending'), eq(n.status, 'digest'));
  const rows = await db
    .update(n)
    .set({
      linkTokenEncrypted: null,
      status: sql`case when ${unsent} then 'failed' else ${n.status} end`,
      lastError: sql`case when ${unsent} then 'link vervallen voor verzending (gebruikt, ingetrokken of verlopen)' else ${n.lastError} end`,
      lockedUntil: null,
    })
    .where(and(isNotNull(n.linkTokenEncrypted), dead, userId ? eq(n.recipientUserId, userId) : undefined))
    .returning({ id: n.id });
  return rows.length;
}

/**
 * The demo year's mails (decision 087): marks every outbox row that is still `pending`, except
 * `excludeIds` (the rows that were already waiting before the demo year), as `sent` at the time it
 * was due, with one attempt. Call it in the demo year's transaction.
 * The demo addresses are fictional: the worker must not send a year of mails on the first start,
 * and the outbox should read like a pool whose mails went out.
 *
 * @returns the number of rows marked
 */
export async function markDemoMailSent(db: Executor, excludeIds: readonly string[]): Promise<number> {
  const n = schema.notifications;
  const rows = await db
    .update(n)
    .set({ status: 'sent', sentAt: sql`${n.nextAttemptAt}`, attempts: 1, linkTokenEncrypted: null, lockedUntil: null, leaseOwner: null })
    .where(and(eq(n.status, DUE_NOW), excludeIds.length > 0 ? notInArray(n.id, [...excludeIds]) : undefined))
    .returning({ id: n.id });
  return rows.length;
}

/**
 * The demo year's inbox (decision 087): marks every unread inbox item created before `before` as
 * read one day after it arrived, so the demo accounts start like users who have kept up with their
 * messages, with only the last days' items unread. Call it in the demo year's transaction.
 *
 * @param before instant; items created at or after it stay unread
 * @returns the number of items marked
 */
export async function markDemoInboxRead(db: Executor, before: Date): Promise<number> {
  const i = schema.inboxItems;
  const rows = await db
    .update(i)
    .set({ readAt: sql`${i.createdAt} + interval '1 day'` })
    .where(and(isNull(i.readAt), lt(i.createdAt, before)))
    .returning({ id: i.id });
  return rows.length;
}
