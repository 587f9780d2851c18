// A real SMTP server for the mail tests (smtp-server on 127.0.0.1), parsing every message it
// accepts with mailparser. `hold()` makes it keep incoming messages waiting until `release()`;
// `delayMs` makes it a slow server that takes that long over every message; `onMessage` runs
// before a message is accepted.
import { createServer } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** RCPT TO addresses of the SMTP envelope. */
  rcptTo: string[];
  mailFrom: string;
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Number of DATA commands that started (also those held or refused). */
  dataStarted: number;
  /** Keep messages waiting (the server reads them but does not answer) until `release`. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (nothing listens on it after this returns). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Options of the test server. */
export interface SmtpServerOptions {
  /** Wait this long before answering each message (a slow server), ms. */
  delayMs?: number;
  /** Runs before each message is accepted, with the message as received. */
  onMessage?: (mail: ReceivedMail) => Promise<void> | void;
}

/** Starts an SMTP server on `port` (default: a free one). */
export async function startSmtpServer(port?: number, options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let gate: Promise<void> | null = null;
  let open: (() => void) | null = null;
  const state = { dataStarted: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Close idle pooled client connections at once when a test stops the server.
    closeTimeout: 100,
    onData(stream, session, callback) {
      state.dataStarted++;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (gate) await gate;
        if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = {
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw,
          parsed: await simpleParser(raw),
        };
        await options.onMessage?.(mail);
        received.push(mail);
        callback();
      });
    },
  });
  const listenPort = port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });
  return {
    port: listenPort,
    received,
    get dataStarted() {
      return state.dataStarted;
    },
    hold() {
      gate = new Promise((r) => {
        open = r;
      });
    },
    release() {
      open?.();
      gate = null;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
