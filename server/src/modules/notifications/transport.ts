import { createRequire } from 'node:module';
import type { Transporter } from 'nodemailer';
import type { AppConfig } from '../../config.ts';

const require = createRequire(import.meta.url);
/**
 * nodemailer, loaded on first use (decision 074): a server without `SMTP_URL`, such as the embedded
 * default, never loads it. A CommonJS package, so `require` loads it synchronously where it is needed.
 */
const mailer = (): typeof import('nodemailer') => require('nodemailer');

/** What the worker needs from a mail transport: nodemailer's `sendMail` and `close`. */
export type MailTransport = Pick<Transporter, 'sendMail' | 'close'>;

/** Timeouts of one SMTP conversation, milliseconds. */
export interface SmtpTimeouts {
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
}

export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 };

/**
 * The nodemailer SMTP transport of `SMTP_URL` (pooled), or null without it — then mails stay in the
 * outbox for the Mail preview page (docs/design.md §8). TLS: `smtps://` is implicit TLS; `smtp://`
 * upgrades with STARTTLS, which `SMTP_REQUIRE_TLS` (default in production) makes mandatory; the
 * certificate is verified unless `SMTP_TLS_REJECT_UNAUTHORIZED=false`; TLS 1.2 at least.
 */
export function createMailTransport(
  config: Pick<AppConfig, 'smtpUrl' | 'smtpRequireTls' | 'smtpTlsRejectUnauthorized'>,
  timeouts = DEFAULT_SMTP_TIMEOUTS,
): MailTransport | null {
  if (!config.smtpUrl) return null;
  return mailer().createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: 2,
    requireTLS: config.smtpRequireTls,
    tls: { rejectUnauthorized: config.smtpTlsRejectUnauthorized, minVersion: 'TLSv1.2' },
    ...timeouts,
    // Logs from nodemailer could carry addresses; the worker logs what it needs itself.
    logger: false,
    debug: false,
  });
}

/**
 * Connects to `config.smtpUrl` and says hello, authenticating and upgrading to TLS as sending
 * would (nodemailer's `verify`), then disconnects; nothing is sent (`pnpm admin doctor`,
 * decision 083).
 * @throws the connection's error (refused, timed out, TLS or authentication failed)
 */
export async function verifySmtp(
  config: Pick<AppConfig, 'smtpUrl' | 'smtpRequireTls' | 'smtpTlsRejectUnauthorized'> & { smtpUrl: string },
  timeouts: SmtpTimeouts = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 },
): Promise<void> {
  const transport = mailer().createTransport({
    url: config.smtpUrl,
    requireTLS: config.smtpRequireTls,
    tls: { rejectUnauthorized: config.smtpTlsRejectUnauthorized, minVersion: 'TLSv1.2' },
    ...timeouts,
    logger: false,
    debug: false,
  });
  try {
    await transport.verify();
  } finally {
    transport.close();
  }
}
