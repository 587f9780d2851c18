import { type Database, schema } from '@duidingspool/db';
import type { NotificationEvent } from '@duidingspool/shared';
import { and, asc, eq, gt, inArray, isNull, lt, lte, max, or, sql } from 'drizzle-orm';
import type { AppConfig } from '../../config.ts';
import { safeError } from '../../lib/logger.ts';
import { decryptSecret } from '../../lib/secrets.ts';
import { addWorkingDays } from '../../lib/working-time.ts';
import { allowedRecipient, sanitizeDisplayName } from './addresses.ts';
import { enqueueNotification, LINK_TOKEN_FRAGMENT, newMessageId, withdrawDeadLinks } from './outbox.ts';
import { type MailLanguage, type MailParams, renderMail } from './templates.tsx';
import type { MailTransport } from './transport.ts';

type Row = typeof schema.notifications.$inferSelect;

/** A digest item as stored in `params.items`: the link is a path until rendering. */
interface StoredDigestItem {
  event: NotificationEvent;
  reference: string | null;
  linkPath: string;
}

/** Minimal logger (pino's shape). */
export interface WorkerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface NotificationWorkerOptions {
  db: Database;
  /** `encryptionKey` opens the sealed one-time token of an invitation or reset mail. */
  config: Pick<AppConfig, 'publicUrl' | 'mailFrom' | 'mailAllowedDomains' | 'workingHours' | 'encryptionKey'>;
  /** null: the embedded default — rows stay in the outbox for the Mail preview page. */
  transport: MailTransport | null;
  now?: () => Date;
  /** Rows claimed per round (default 20). */
  batchSize?: number;
  /** Attempts before a row is marked `failed` (default 10). */
  maxAttempts?: number;
  /** How long a claim holds before another worker may take the row over, ms (default 5 min). */
  leaseMs?: number;
  /** Backoff: base and cap of the exponential delay, ms (default 30 s and 1 h). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  log?: WorkerLog;
}

/** Outcome of one delivery round. */
export interface DeliveryRound {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** The recipient's name for the mail body (React escapes it in HTML): control characters and runs of whitespace go. */
function bodyName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const controls = /[\u0000-\u001F\u007F]/g;
  return name.replace(controls, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

/** `url` without trailing slashes; a loop, as `/\/+$/` retries from every slash of a long run. */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--;
  return url.slice(0, end);
}

const silent: WorkerLog = { info() {}, warn() {}, error() {} };

/** What the Mail preview shows instead of a one-time token: the link is recognisable, not usable. */
export const MASKED_TOKEN = '••••••••';

/**
 * Delay before attempt `attempts + 1`: exponential (`base · 2^(attempts−1)`, at most `cap`) with
 * jitter in its upper half, so instances that failed together do not retry together.
 */
export function backoffMs(attempts: number, baseMs: number, capMs: number, random: () => number): number {
  const delay = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay / 2 + (random() * delay) / 2);
}

/** SMTP 5xx is permanent (RFC 5321 §4.2.1); connection errors, timeouts and 4xx are worth a retry. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * A short error for the log and the admin page: nodemailer's error code (`ECONNECTION`,
 * `EENVELOPE`…), the SMTP reply code and the SMTP command — never the message, the server's reply
 * text or an address, which may repeat what the mail was about or to whom. A value that is not a
 * plain token is left out.
 */
export function describeError(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
  const code = typeof e.code === 'string' && /^[A-Z0-9_]{1,32}$/.test(e.code) ? e.code : undefined;
  const reply =
    typeof e.responseCode === 'number' && Number.isInteger(e.responseCode) && e.responseCode >= 200 && e.responseCode < 600
      ? `SMTP ${e.responseCode}`
      : undefined;
  const command = typeof e.command === 'string' && /^[A-Z]{3,8}( [A-Z]{2,8})?$/.test(e.command) ? `bij ${e.command}` : undefined;
  const parts = [code, reply, command].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'onbekende fout';
}

/**
 * The outbox worker (docs/design.md §8). Each round claims due rows with
 * `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING`, so any number of
 * instances can run it without sending a row twice; a claim is a lease, and a row whose worker died
 * is taken over when the lease ends — with the same Message-ID, so a resend after an ambiguous
 * failure is recognisable. Failures retry with exponential backoff and jitter; SMTP 5xx, a
 * recipient outside `MAIL_ALLOWED_DOMAINS` or too many attempts mark the row `failed`.
 * Housekeeping rounds write the daily digests and the triage reminders.
 */
export class NotificationWorker {
  private readonly o: Required<Omit<NotificationWorkerOptions, 'transport'>> & { transport: MailTransport | null };
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastHousekeeping = 0;

  constructor(options: NotificationWorkerOptions) {
    this.o = {
      now: () => new Date(),
      batchSize: 20,
      maxAttempts: 10,
      leaseMs: 5 * 60_000,
      backoffBaseMs: 30_000,
      backoffCapMs: 60 * 60_000,
      random: Math.random,
      log: silent,
      ...options,
    };
  }

  /** Claims and sends due rows until none are left (or `maxRounds`); returns the totals. */
  async deliverDue(maxRounds = 50): Promise<DeliveryRound> {
    const total: DeliveryRound = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    if (!this.o.transport) return total;
    for (let i = 0; i < maxRounds; i++) {
      const round = await this.deliverRound();
      total.claimed += round.claimed;
      total.sent += round.sent;
      total.retried += round.retried;
      total.failed += round.failed;
      if (round.claimed < this.o.batchSize) break;
    }
    return total;
  }

  /** One round: claim up to `batchSize` due rows and send them. */
  async deliverRound(): Promise<DeliveryRound> {
    const result: DeliveryRound = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    const transport = this.o.transport;
    if (!transport) return result;
    const n = schema.notifications;
    const now = this.o.now();
    const due = this.o.db
      .select({ id: n.id })
      .from(n)
      .where(or(and(eq(n.status, 'pending'), lte(n.nextAttemptAt, now)), and(eq(n.status, 'sending'), lt(n.lockedUntil, now))))
      .orderBy(asc(n.nextAttemptAt), asc(n.id))
      .limit(this.o.batchSize)
      .for('update', { skipLocked: true });
    const claimed = await this.o.db
      .update(n)
      .set({ status: 'sending', lockedUntil: new Date(now.getTime() + this.o.leaseMs), attempts: sql`${n.attempts} + 1` })
      .where(inArray(n.id, due))
      .returning();
    result.claimed = claimed.length;
    if (claimed.length === 0) return result;
    const u = schema.users;
    const users = await this.o.db
      .select({ id: u.id, email: u.email, displayName: u.displayName, language: u.language, isActive: u.isActive })
      .from(u)
      .where(
        inArray(
          u.id,
          claimed.map((r) => r.recipientUserId),
        ),
      );
    const outcomes = await Promise.all(
      claimed.map((row) =>
        this.sendOne(
          transport,
          row,
          users.find((x) => x.id === row.recipientUserId),
        ),
      ),
    );
    for (const o of outcomes) result[o]++;
    return result;
  }

  private async sendOne(
    transport: MailTransport,
    row: Row,
    user: { email: string; displayName: string; language: string; isActive: boolean } | undefined,
  ): Promise<'sent' | 'retried' | 'failed'> {
    if (!user?.isActive) return this.fail(row, 'ontvanger is niet (meer) actief');
    const to = allowedRecipient(user.email, this.o.config.mailAllowedDomains);
    if (!to) return this.fail(row, 'adres buiten MAIL_ALLOWED_DOMAINS of ongeldig');
    let token: string | undefined;
    if (row.accountTokenId) {
      // A one-time link goes out only while its token is live, and only from its sealed copy.
      const t = schema.accountTokens;
      const [live] = await this.o.db
        .select({ id: t.id })
        .from(t)
        .where(and(eq(t.id, row.accountTokenId), isNull(t.usedAt), gt(t.expiresAt, sql`now()`)));
      if (!live || !row.linkTokenEncrypted) return this.fail(row, 'link vervallen voor verzending (gebruikt, ingetrokken of verlopen)');
      try {
        token = decryptSecret(row.linkTokenEncrypted, this.o.config.encryptionKey, 'outbox-link');
      } catch {
        return this.fail(row, 'link niet te ontsleutelen (ENCRYPTION_KEY gewijzigd?)');
      }
    }
    try {
      const mail = await renderMail(this.mailInput(row, user, token));
      const { mailFrom } = this.o.config;
      // Addresses go in as objects and the envelope explicitly, so nodemailer parses no string we
      // did not check; display names are sanitised; no other user text reaches a header.
      await transport.sendMail({
        from: { name: mailFrom.name, address: mailFrom.address },
        to: [{ name: sanitizeDisplayName(user.displayName), address: to.address }],
        envelope: { from: mailFrom.address, to: [to.address] },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: row.messageId,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-Duidingspool-Event': row.event },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    } catch (error) {
      if (isPermanent(error) || row.attempts >= this.o.maxAttempts) return this.fail(row, describeError(error));
      const wait = backoffMs(row.attempts, this.o.backoffBaseMs, this.o.backoffCapMs, this.o.random);
      await this.o.db
        .update(schema.notifications)
        .set({ status: 'pending', lockedUntil: null, nextAttemptAt: new Date(this.o.now().getTime() + wait), lastError: describeError(error) })
        .where(and(eq(schema.notifications.id, row.id), eq(schema.notifications.status, 'sending')));
      this.o.log.warn({ notificationId: row.id, attempts: row.attempts, retryInMs: wait, error: describeError(error) }, 'mail not sent, will retry');
      return 'retried';
    }
    await this.o.db
      .update(schema.notifications)
      // Sent: the outbox keeps no usable copy of a one-time token (decision 041).
      .set({ status: 'sent', sentAt: this.o.now(), lockedUntil: null, lastError: null, linkTokenEncrypted: null })
      .where(eq(schema.notifications.id, row.id));
    return 'sent';
  }

  private async fail(row: Row, reason: string): Promise<'failed'> {
    await this.o.db
      .update(schema.notifications)
      .set({ status: 'failed', lockedUntil: null, lastError: reason, linkTokenEncrypted: null })
      .where(eq(schema.notifications.id, row.id));
    this.o.log.error({ notificationId: row.id, attempts: row.attempts, error: reason }, 'mail failed permanently');
    return 'failed';
  }

  /**
   * The template input of an outbox row for a recipient. A row with a one-time link gets
   * `#token=<token>` appended when `token` is given (sending), and `#token=••••••••` otherwise
   * (the Mail preview): nobody but the recipient sees a usable link.
   */
  mailInput(row: Pick<Row, 'event' | 'reference' | 'linkPath' | 'params' | 'accountTokenId'>, user: { displayName: string; language: string }, token?: string) {
    const base = withoutTrailingSlashes(this.o.config.publicUrl);
    const stored = (row.params ?? {}) as Omit<MailParams, 'items'> & { items?: StoredDigestItem[] };
    const params: MailParams = {
      year: stored.year,
      thresholdPercent: stored.thresholdPercent,
      urgency: stored.urgency,
      items: stored.items?.map((i) => ({ event: i.event, reference: i.reference, link: `${base}${i.linkPath}` })),
    };
    return {
      event: row.event,
      language: (user.language === 'en' ? 'en' : 'nl') as MailLanguage,
      reference: row.reference,
      link: `${base}${row.linkPath}${row.accountTokenId ? `${LINK_TOKEN_FRAGMENT}${token ?? MASKED_TOKEN}` : ''}`,
      recipientName: bodyName(user.displayName),
      params,
    };
  }

  /**
   * Gathers every parked digest row that is due (the start of a working day) into one
   * `digest` mail per recipient, in one transaction with SKIP LOCKED. @returns digests written
   */
  async runDigests(): Promise<number> {
    const n = schema.notifications;
    const now = this.o.now();
    return this.o.db.transaction(async (tx) => {
      const parked = await tx
        .select()
        .from(n)
        .where(and(eq(n.status, 'digest'), lte(n.nextAttemptAt, now)))
        .orderBy(asc(n.recipientUserId), asc(n.createdAt), asc(n.id))
        .limit(1000)
        .for('update', { skipLocked: true });
      const byUser = new Map<string, Row[]>();
      for (const row of parked) byUser.set(row.recipientUserId, [...(byUser.get(row.recipientUserId) ?? []), row]);
      for (const [userId, rows] of byUser) {
        const first = rows[0] as Row;
        const items: StoredDigestItem[] = rows.map((r) => ({ event: r.event, reference: r.reference, linkPath: r.linkPath }));
        const [digest] = await tx
          .insert(n)
          .values({
            event: 'digest',
            recipientUserId: userId,
            recipientEmail: first.recipientEmail,
            reference: null,
            linkPath: '/',
            params: { items },
            messageId: newMessageId(this.o.config.publicUrl),
            status: 'pending',
            nextAttemptAt: now,
          })
          .returning({ id: n.id });
        await tx
          .update(n)
          .set({ status: 'digested', digestId: digest?.id ?? null })
          .where(
            inArray(
              n.id,
              rows.map((r) => r.id),
            ),
          );
      }
      return byUser.size;
    });
  }

  /**
   * Reminds coordinators of requests waiting for triage longer than 2 working days (urgent: 1),
   * counted from the latest move into `submitted` with `addWorkingDays` (from the start of the next
   * working day when it happened outside working hours). Once per
   * request and submission, however many instances run this. @returns rows written
   */
  async runReminders(): Promise<number> {
    const r = schema.interpretationRequests;
    const e = schema.requestStatusEvents;
    const now = this.o.now();
    const waiting = await this.o.db
      .select({ id: r.id, reference: r.reference, urgency: r.urgency, since: max(e.occurredAt) })
      .from(r)
      .innerJoin(e, and(eq(e.requestId, r.id), eq(e.toStatus, 'submitted')))
      .where(eq(r.status, 'submitted'))
      .groupBy(r.id);
    let written = 0;
    for (const w of waiting) {
      if (!w.since) continue;
      const since = new Date(w.since);
      const deadline = addWorkingDays(since, w.urgency === 'urgent' ? 1 : 2, this.o.config.workingHours);
      if (now < deadline) continue;
      written += await this.o.db.transaction((tx) =>
        enqueueNotification(
          tx,
          { publicUrl: this.o.config.publicUrl, now: this.o.now, workingHours: this.o.config.workingHours },
          {
            event: 'triage-reminder',
            reference: w.reference,
            linkPath: `/requests/${w.id}`,
            recipients: { roles: ['coordinator'] },
            params: { urgency: w.urgency === 'urgent' ? 'urgent' : 'regular' },
            dedupeKey: `triage-reminder:${w.id}:${since.toISOString()}`,
          },
        ),
      );
    }
    return written;
  }

  /** One tick: housekeeping at most once a minute, then deliver what is due. */
  async tick(): Promise<void> {
    const now = Date.now();
    if (now - this.lastHousekeeping >= 60_000) {
      this.lastHousekeeping = now;
      await this.runReminders();
      await this.runDigests();
      // Links that expired unsent (e.g. on the embedded default without SMTP) lose their token.
      await withdrawDeadLinks(this.o.db);
    }
    await this.deliverDue();
  }

  /** Runs `tick` every `intervalMs` in the background until `stop`. Errors are logged, not thrown. */
  start(intervalMs = 5_000): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .catch((error) => this.o.log.error({ err: safeError(error) }, 'notification worker tick failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(loop, intervalMs);
        });
    };
    loop();
  }

  /** Stops the loop, waits for the current tick and closes the transport. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.o.transport?.close();
  }
}
