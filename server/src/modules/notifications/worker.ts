import { randomUUID } from 'node:crypto';
import { type Database, schema } from '@duidingspool/db';
import type { NotificationEvent } from '@duidingspool/shared';
import { and, asc, eq, gt, inArray, isNull, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import type { AppConfig } from '../../config.ts';
import { safeError } from '../../lib/logger.ts';
import { readSecret } from '../../lib/secrets.ts';
import { allowedRecipient, sanitizeDisplayName } from './addresses.ts';
import { LINK_TOKEN_FRAGMENT, newMessageId, withdrawDeadLinks } from './outbox.ts';
import { type MailLanguage, type MailParams, renderMail } from './templates.tsx';
import { DEFAULT_SMTP_TIMEOUTS, type MailTransport } from './transport.ts';

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
  /**
   * The longest one send may take, ms (default 60 s, the transport's socket timeout): a send still
   * running then counts as failed and is retried later. Must be shorter than `leaseMs`; a round
   * claims only as many rows as fit in the lease at this time each.
   */
  sendTimeoutMs?: number;
  /** How long `stop` lets a send in progress finish, ms (default 10 s). */
  stopGraceMs?: number;
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
  /** Claimed rows not sent because their lease had passed to another worker, or the worker stopped. */
  released: number;
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
 * `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING`, writing the worker's
 * own lease token (`lease_owner`) and the lease's end (`locked_until`), so any number of instances
 * can run it. A round claims only as many rows as fit in the lease at `sendTimeoutMs` each, and
 * immediately before each send it extends the lease in a statement that also checks the token: a row
 * whose lease has passed to another worker is never sent (decision 063). A row whose worker died is
 * taken over when the lease ends — with the same Message-ID, so a resend after an ambiguous failure
 * is recognisable. Failures retry with exponential backoff and jitter; SMTP 5xx, a recipient outside
 * `MAIL_ALLOWED_DOMAINS` or too many attempts mark the row `failed`. Housekeeping rounds write the
 * daily digests. `stop` lets a send in progress finish for at most `stopGraceMs` and hands every
 * unsent claimed row back.
 */
export class NotificationWorker {
  private readonly o: Required<Omit<NotificationWorkerOptions, 'transport'>> & { transport: MailTransport | null };
  /** This worker's lease token: written on claim, checked before each send. */
  readonly leaseOwner = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastHousekeeping = 0;
  /** Ids of the rows being sent right now (their lease is not handed back on stop). */
  private readonly inFlight = new Set<string>();

  constructor(options: NotificationWorkerOptions) {
    this.o = {
      now: () => new Date(),
      batchSize: 20,
      maxAttempts: 10,
      leaseMs: 5 * 60_000,
      sendTimeoutMs: DEFAULT_SMTP_TIMEOUTS.socketTimeout,
      stopGraceMs: 10_000,
      backoffBaseMs: 30_000,
      backoffCapMs: 60 * 60_000,
      random: Math.random,
      log: silent,
      ...options,
    };
    if (this.o.sendTimeoutMs >= this.o.leaseMs) throw new Error('NotificationWorker: sendTimeoutMs must be shorter than leaseMs');
  }

  /**
   * Rows one round claims: as many as can be sent one after the other within the lease at the
   * longest send time each (at least 1, at most `batchSize`).
   */
  get claimSize(): number {
    return Math.max(1, Math.min(this.o.batchSize, Math.floor(this.o.leaseMs / this.o.sendTimeoutMs)));
  }

  /** Claims and sends due rows until none are left (or `maxRounds`); returns the totals. */
  async deliverDue(maxRounds = 50): Promise<DeliveryRound> {
    const total: DeliveryRound = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0 };
    if (!this.o.transport) return total;
    for (let i = 0; i < maxRounds && !this.stopped; i++) {
      const round = await this.deliverRound();
      total.claimed += round.claimed;
      total.sent += round.sent;
      total.retried += round.retried;
      total.failed += round.failed;
      total.released += round.released;
      if (round.claimed < this.claimSize) break;
    }
    return total;
  }

  /** One round: claim up to `claimSize` due rows and send them one by one, each under a fresh lease. */
  async deliverRound(): Promise<DeliveryRound> {
    const result: DeliveryRound = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0 };
    const transport = this.o.transport;
    if (!transport || this.stopped) return result;
    const n = schema.notifications;
    const now = this.o.now();
    const due = this.o.db
      .select({ id: n.id })
      .from(n)
      .where(or(and(eq(n.status, 'pending'), lte(n.nextAttemptAt, now)), and(eq(n.status, 'sending'), lt(n.lockedUntil, now))))
      .orderBy(asc(n.nextAttemptAt), asc(n.id))
      .limit(this.claimSize)
      .for('update', { skipLocked: true });
    const claimed = await this.o.db
      .update(n)
      .set({
        status: 'sending',
        leaseOwner: this.leaseOwner,
        lockedUntil: new Date(now.getTime() + this.o.leaseMs),
        attempts: sql`${n.attempts} + 1`,
      })
      .where(inArray(n.id, due))
      .returning();
    result.claimed = claimed.length;
    if (claimed.length === 0) return result;
    claimed.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id.localeCompare(b.id));
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
    const unsent = new Set(claimed.map((r) => r.id));
    for (const row of claimed) {
      if (this.stopped) break;
      unsent.delete(row.id);
      // Re-check and extend the lease in one statement; a row that is no longer ours is left alone.
      if (!(await this.renewLease(row.id))) {
        result.released++;
        this.o.log.warn({ notificationId: row.id }, 'mail not sent: its lease passed to another worker');
        continue;
      }
      this.inFlight.add(row.id);
      try {
        result[
          await this.sendOne(
            transport,
            row,
            users.find((x) => x.id === row.recipientUserId),
          )
        ]++;
      } finally {
        this.inFlight.delete(row.id);
      }
    }
    if (unsent.size > 0) result.released += await this.releaseLeases([...unsent]);
    return result;
  }

  /** Extends the lease of `id` by `leaseMs` from now if this worker still holds it. @returns whether it does */
  private async renewLease(id: string): Promise<boolean> {
    const n = schema.notifications;
    const rows = await this.o.db
      .update(n)
      .set({ lockedUntil: new Date(this.o.now().getTime() + this.o.leaseMs) })
      .where(and(eq(n.id, id), eq(n.status, 'sending'), eq(n.leaseOwner, this.leaseOwner)))
      .returning({ id: n.id });
    return rows.length === 1;
  }

  /**
   * Hands claimed rows back unsent (all of this worker's rows when `ids` is omitted, except those in
   * flight): due again at once, the claim's attempt not counted. @returns rows handed back
   */
  async releaseLeases(ids?: string[]): Promise<number> {
    const n = schema.notifications;
    const rows = await this.o.db
      .update(n)
      .set({ status: 'pending', leaseOwner: null, lockedUntil: null, attempts: sql`greatest(${n.attempts} - 1, 0)` })
      .where(
        and(
          eq(n.status, 'sending'),
          eq(n.leaseOwner, this.leaseOwner),
          ids ? inArray(n.id, ids) : undefined,
          this.inFlight.size > 0 ? notInArray(n.id, [...this.inFlight]) : undefined,
        ),
      )
      .returning({ id: n.id });
    return rows.length;
  }

  /** The send, or a rejection once `sendTimeoutMs` has passed. */
  private async sendWithin(transport: MailTransport, mail: Parameters<MailTransport['sendMail']>[0]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('send timed out'), { code: 'ETIMEDOUT' })), this.o.sendTimeoutMs);
    });
    try {
      await Promise.race([transport.sendMail(mail), deadline]);
    } finally {
      clearTimeout(timer);
    }
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
      token = readSecret(row.linkTokenEncrypted, this.o.config.encryptionKey, 'outbox-link') ?? undefined;
      if (token === undefined) return this.fail(row, 'link niet te ontsleutelen (ENCRYPTION_KEY gewijzigd?)');
    }
    try {
      const mail = await renderMail(this.mailInput(row, user, token));
      const { mailFrom } = this.o.config;
      // Addresses go in as objects and the envelope explicitly, so nodemailer parses no string we
      // did not check; display names are sanitised; no other user text reaches a header.
      await this.sendWithin(transport, {
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
        .set({
          status: 'pending',
          leaseOwner: null,
          lockedUntil: null,
          nextAttemptAt: new Date(this.o.now().getTime() + wait),
          lastError: describeError(error),
        })
        .where(and(eq(schema.notifications.id, row.id), eq(schema.notifications.status, 'sending'), eq(schema.notifications.leaseOwner, this.leaseOwner)));
      this.o.log.warn({ notificationId: row.id, attempts: row.attempts, retryInMs: wait, error: describeError(error) }, 'mail not sent, will retry');
      return 'retried';
    }
    await this.o.db
      .update(schema.notifications)
      // Sent: the outbox keeps no usable copy of a one-time token (decision 041).
      .set({ status: 'sent', sentAt: this.o.now(), leaseOwner: null, lockedUntil: null, lastError: null, linkTokenEncrypted: null })
      .where(eq(schema.notifications.id, row.id));
    return 'sent';
  }

  private async fail(row: Row, reason: string): Promise<'failed'> {
    await this.o.db
      .update(schema.notifications)
      .set({ status: 'failed', leaseOwner: null, lockedUntil: null, lastError: reason, linkTokenEncrypted: null })
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
      lineName: stored.lineName,
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

  /** One tick: housekeeping at most once a minute, then deliver what is due. */
  async tick(): Promise<void> {
    const now = Date.now();
    if (now - this.lastHousekeeping >= 60_000) {
      this.lastHousekeeping = now;
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

  /**
   * Stops the loop: no new send starts; a send in progress gets at most `stopGraceMs` to finish;
   * every claimed row not sent is handed back (pending at once, for this or another instance); then
   * the transport closes. A send still running after the grace keeps its lease, which ends as usual.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise<void>((resolve) => (grace = setTimeout(resolve, this.o.stopGraceMs)))]);
    clearTimeout(grace);
    try {
      const released = await this.releaseLeases();
      if (released > 0) this.o.log.info({ released }, 'notification worker stopped: unsent mails handed back');
    } catch (error) {
      this.o.log.error({ err: safeError(error) }, 'notification worker could not hand back its leases');
    }
    this.o.transport?.close();
  }
}
