import { CASE_CONTENT_FIELDS } from '@duidingspool/db';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { describeError } from '../modules/notifications/worker.ts';
import { loggerOptions, SECRET_LOG_FIELDS, safeError } from './logger.ts';

const MARKER = 'Merkteken-9f3a';

/** The app's own logger (Fastify's pino with our options), writing into `lines`. */
function logger() {
  const lines: string[] = [];
  const app = Fastify({ logger: loggerOptions('trace', { write: (line: string) => lines.push(line) }) });
  return { log: app.log, lines };
}

describe('log redaction by field name', () => {
  it('censors every case-content field of the request data declaration and every secret, at any depth up to three levels down', () => {
    const { log, lines } = logger();
    const names = [...CASE_CONTENT_FIELDS, ...SECRET_LOG_FIELDS];
    // The fields the log used to let through are among them.
    expect(names).toEqual(expect.arrayContaining(['body', 'description', 'reason', 'caseReference', 'decisionReason', 'correctionReason']));
    for (const name of names) {
      log.info({ [name]: MARKER }, 'top level');
      log.info({ body: { [name]: MARKER } }, 'in a body');
      log.info({ a: { b: { [name]: MARKER } } }, 'two down');
      log.info({ a: { b: { c: { [name]: MARKER } } } }, 'three down');
      log.info({ items: [{ [name]: MARKER }] }, 'in a list');
    }
    expect(lines).toHaveLength(names.length * 5);
    for (const line of lines) expect(line).not.toContain(MARKER);
    expect(lines[0]).toContain('[redacted]');
  });

  it('keeps what is no case content and no secret', () => {
    const { log, lines } = logger();
    log.info({ requestId: 'abc', status: 'closed', reference: 'DP-2019-0007' }, 'kept');
    expect(lines[0]).toContain('DP-2019-0007');
    expect(lines[0]).toContain('closed');
  });
});

describe('errors in the log', () => {
  it('keep class, code and frames, never the message, even a message line that looks like a frame', () => {
    const error = Object.assign(new Error(`Failed query: insert … params: ${MARKER}\n    at ${MARKER} (x.ts:1:1)`), { code: '23505' });
    const safe = safeError(error);
    expect(safe.type).toBe('Error');
    expect(safe.code).toBe('23505');
    expect(safe.frames.length).toBeGreaterThan(0);
    expect(JSON.stringify(safe)).not.toContain(MARKER);
    // A code or class that is no plain token is dropped rather than logged.
    expect(JSON.stringify(safeError(Object.assign(new Error('x'), { code: `${MARKER} said`, name: `Err ${MARKER}` })))).not.toContain(MARKER);
  });

  it('of the mail worker keep the error code, the SMTP reply code and command, never the reply text or addresses', () => {
    const smtp = Object.assign(new Error(`Message failed: 550 5.1.1 <${MARKER}@example.nl>: user unknown`), {
      code: 'EENVELOPE',
      responseCode: 550,
      command: 'RCPT TO',
      response: `550 5.1.1 <${MARKER}@example.nl>: user unknown`,
      rejected: [`${MARKER}@example.nl`],
    });
    expect(describeError(smtp)).toBe('EENVELOPE SMTP 550 bij RCPT TO');
    expect(describeError(Object.assign(new Error(MARKER), { code: MARKER, command: MARKER }))).toBe('onbekende fout');
    expect(describeError(null)).toBe('onbekende fout');
  });
});
