import { type Database, schema } from '@duidingspool/db';
import {
  defaultModeOf,
  type MailPreview,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type NotificationListQuery,
  type NotificationPreferenceList,
  type OutboxNotification,
  PREFERENCE_EVENTS,
  type PutNotificationPreferencesBody,
  STATUS_LABELS,
} from '@duidingspool/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { AppConfig } from '../../config.ts';
import { invalidField, invalidTransition, notFound } from '../../errors.ts';
import type { Actor, RequestOrigin } from '../../lib/context.ts';
import { countUpTo, iso, isoOrNull, type Page, page, type Seek, seekCursor, seekOrder } from '../../lib/pagination.ts';
import { audit } from '../audit/index.ts';
import { renderMail, sampleMailInput } from './templates.tsx';
import { NotificationWorker } from './worker.ts';

/** The events whose preference `actor` can set: those their roles receive. */
export function preferenceEventsFor(actor: Pick<Actor, 'roles'>): NotificationEvent[] {
  return NOTIFICATION_EVENTS.filter((e) => PREFERENCE_EVENTS[e]?.some((role) => actor.roles.includes(role)));
}

/** The actor's preference per event they receive; the event's default (`defaultModeOf`) where none is stored. */
export async function getPreferences(db: Database, actor: Actor): Promise<NotificationPreferenceList> {
  const p = schema.notificationPreferences;
  const stored = await db.select({ event: p.event, mode: p.mode }).from(p).where(eq(p.userId, actor.userId));
  return {
    items: preferenceEventsFor(actor).map((event) => ({
      event,
      mode: (stored.find((s) => s.event === event)?.mode ?? defaultModeOf(event)) as 'immediate' | 'digest' | 'off',
    })),
  };
}

/**
 * Stores the actor's preferences (upsert per event). Security mails and events the actor does not
 * receive have no preference. @throws AppError 400 `validation-failed` naming the offending item
 */
export async function setPreferences(
  db: Database,
  actor: Actor,
  origin: RequestOrigin,
  body: PutNotificationPreferencesBody,
): Promise<NotificationPreferenceList> {
  const allowed = preferenceEventsFor(actor);
  body.items.forEach((item, i) => {
    if (!allowed.includes(item.event)) throw invalidField(`/items/${i}/event`, `voor '${item.event}' is geen voorkeur in te stellen`);
  });
  await db.transaction(async (tx) => {
    if (body.items.length > 0) {
      const p = schema.notificationPreferences;
      await tx
        .insert(p)
        .values(body.items.map((i) => ({ userId: actor.userId, event: i.event, mode: i.mode })))
        .onConflictDoUpdate({ target: [p.userId, p.event], set: { mode: sql`excluded.mode`, updatedAt: sql`now()` } });
    }
    await audit({ actor, origin }, tx, {
      action: 'set-notification-preferences',
      objectType: 'user',
      objectId: actor.userId,
      result: 'success',
      details: { items: body.items },
    });
  });
  return getPreferences(db, actor);
}

type OutboxRow = typeof schema.notifications.$inferSelect;

/**
 * Whether an admin may have `row` sent again (decision 063): only a mail that failed for good, and
 * never an invitation or reset mail — its one-time link was withdrawn with the failure, so the mail
 * would carry a dead link; the admin issues a new link from the user's page instead.
 */
function resendable(row: Pick<OutboxRow, 'status' | 'accountTokenId'>): boolean {
  return row.status === 'failed' && row.accountTokenId === null;
}

/** An outbox row in the contract's shape, with what the admin may do with it. */
function toOutbox(r: OutboxRow): OutboxNotification {
  return {
    id: r.id,
    event: r.event,
    recipientEmail: r.recipientEmail,
    reference: r.reference,
    status: r.status,
    attempts: r.attempts,
    messageId: r.messageId,
    createdAt: iso(r.createdAt),
    nextAttemptAt: iso(r.nextAttemptAt),
    sentAt: isoOrNull(r.sentAt),
    lastError: r.lastError,
    allowedActions: resendable(r) ? ['resend'] : [],
  };
}

/** The outbox's order: newest first, id as tiebreaker (indexes `notifications_outbox*`, decision 071). */
const OUTBOX_SEEK: Seek = {
  name: 'outbox',
  keys: [
    { expr: schema.notifications.createdAt, type: 'timestamptz', desc: true, notNull: true },
    { expr: schema.notifications.id, type: 'uuid', desc: true, notNull: true },
  ],
};

/** A page of the outbox for admins, newest first (no subject or body: there is none stored); deep pages by cursor. */
export async function listOutbox(db: Database, q: NotificationListQuery): Promise<Page<OutboxNotification>> {
  const n = schema.notifications;
  const where = q.status ? eq(n.status, q.status) : undefined;
  return page(
    q,
    ({ limit, offset, after }) =>
      db
        .select({ row: n, cursor: seekCursor(OUTBOX_SEEK) })
        .from(n)
        .where(and(where, after))
        .orderBy(...seekOrder(OUTBOX_SEEK))
        .limit(limit)
        .offset(offset),
    (cap) => countUpTo(db, db.select({ one: sql`1` }).from(n).where(where), cap),
    ({ row }) => toOutbox(row),
    { seek: OUTBOX_SEEK, cursorOf: (row) => row.cursor },
  );
}

/**
 * An admin has a failed mail sent again: the row goes back in the queue, due at once, with its
 * attempts reset and the same Message-ID (a recipient who somehow got the first one can tell it is
 * the same mail); audited in the same transaction. The worker applies every rule again at send time
 * (active recipient, `MAIL_ALLOWED_DOMAINS`).
 *
 * @returns the row as it is now
 * @throws AppError 404 `not-found` (unknown row); 409 `invalid-transition` when the row is not a
 *   failed mail, or is an invitation or reset mail (see `resendable`) — the refusal is audited
 */
export async function resendNotification(db: Database, actor: Actor, origin: RequestOrigin, id: string): Promise<OutboxNotification> {
  const n = schema.notifications;
  const refusal = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(n).where(eq(n.id, id)).for('update');
    if (!row) throw notFound('Deze e-mail');
    const entry = { action: 'resend-notification', objectType: 'notification', objectId: id } as const;
    if (!resendable(row)) {
      return row.status !== 'failed'
        ? `Alleen een mislukte e-mail kan opnieuw worden verstuurd; deze is ${STATUS_LABELS.nl.notification[row.status]}.`
        : 'Een uitnodiging of herstelmail wordt niet opnieuw verstuurd: de link erin is vervallen. Maak op de pagina van de gebruiker een nieuwe link aan.';
    }
    const [updated] = await tx
      .update(n)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()`, lockedUntil: null, leaseOwner: null, lastError: null })
      .where(eq(n.id, id))
      .returning();
    await audit({ actor, origin }, tx, { ...entry, result: 'success', details: { event: row.event, attempts: row.attempts, lastError: row.lastError } });
    if (!updated) throw notFound('Deze e-mail');
    return updated;
  });
  if (typeof refusal === 'string') {
    await audit({ actor, origin }, db, { action: 'resend-notification', objectType: 'notification', objectId: id, result: 'denied' });
    throw invalidTransition(refusal);
  }
  return toOutbox(refusal);
}

/** Rendered previews exist only outside production (the Mail preview page). */
export const previewAvailable = (config: Pick<AppConfig, 'nodeEnv'>) => config.nodeEnv !== 'production';

/**
 * One outbox row rendered as its recipient will get it (language of the recipient now).
 * @throws AppError 404 `not-found` (unknown row, or in production)
 */
export async function previewNotification(db: Database, config: AppConfig, id: string): Promise<MailPreview> {
  if (!previewAvailable(config)) throw notFound('Het mailvoorbeeld');
  const n = schema.notifications;
  const u = schema.users;
  const [row] = await db
    .select({ row: n, displayName: u.displayName, language: u.language, email: u.email })
    .from(n)
    .innerJoin(u, eq(u.id, n.recipientUserId))
    .where(eq(n.id, id));
  if (!row) throw notFound('Deze melding');
  const worker = new NotificationWorker({ db, config, transport: null });
  const input = worker.mailInput(row.row, row);
  const mail = await renderMail(input);
  return { event: input.event, language: input.language, to: row.email, ...mail };
}

/**
 * A template rendered with sample values (no real data). @throws AppError 404 `not-found` in production
 */
export async function previewTemplate(config: AppConfig, event: NotificationEvent, language: 'nl' | 'en'): Promise<MailPreview> {
  if (!previewAvailable(config)) throw notFound('Het mailvoorbeeld');
  const mail = await renderMail(sampleMailInput(event, language, config.publicUrl));
  return { event, language, to: null, ...mail };
}
