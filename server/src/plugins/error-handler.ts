import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { databaseFault } from '@duidingspool/db';
import { PROBLEM_TYPES, type ProblemFieldError, type ProblemType } from '@duidingspool/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, PROBLEM_TITLES } from '../errors.ts';
import { safeError } from '../lib/logger.ts';
import { REQUEST_ID_HEADER } from '../lib/request-id.ts';
import { auditAs } from '../modules/audit/index.ts';
import { API_VERSION } from './api-conventions.ts';

/**
 * The body of an RFC 9457 problem: the stable `type` slug, its Dutch `title`, the `status`, the
 * user's message `detail`, `instance` (the path, without the query), `requestId` (the id of the
 * log line and the `X-Request-Id` header, decision 053) and the type's extra members.
 */
export function problemBody(
  type: ProblemType,
  status: number,
  detail: string,
  path: string | undefined,
  requestId: string,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({ type, title: PROBLEM_TITLES[type], status, detail, ...(path === undefined ? {} : { instance: path }), requestId, ...extra });
}

/** Sends an RFC 9457 problem with the stable `type` slug and the request's id (body and `X-Request-Id`). */
export function sendProblem(reply: FastifyReply, type: ProblemType, status: number, detail: string, extra: Record<string, unknown> = {}): FastifyReply {
  const { request } = reply;
  return reply
    .code(status)
    .header(REQUEST_ID_HEADER, request.id)
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(type, status, detail, request.url.split('?')[0] ?? '', request.id, extra));
}

/** What the HTTP parser refused, by Node's error code: the problem type and the user's message. */
function clientErrorProblem(code: string | undefined): { type: ProblemType; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { type: 'headers-too-large', detail: 'De headers van het verzoek zijn te groot.' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { type: 'request-timeout', detail: 'Het verzoek duurde te lang.' };
  return { type: 'validation-failed', detail: 'Het verzoek kon niet worden gelezen.' };
}

/**
 * Fastify's `clientErrorHandler`: answers what Node's HTTP parser refused before a request existed
 * (431 headers too large, 408 too slow, 400 malformed HTTP) with problem+json, a fresh request id
 * in the body and in `X-Request-Id`, and one log line carrying that id and the parser's error code
 * (the operator's message); then closes the connection, as Node does.
 */
export function answerClientError(app: FastifyInstance, error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { type, detail } = clientErrorProblem(error.code);
  const status = PROBLEM_TYPES[type];
  const requestId = randomUUID();
  app.log.info(
    { requestId, problem: type, status, operatorMessage: `HTTP parser refused the request (${safeError(error).code ?? 'no code'})` },
    'request refused',
  );
  if (socket.writable) {
    const body = problemBody(type, status, detail, undefined, requestId);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${REQUEST_ID_HEADER}: ${requestId}\r\nAPI-Version: ${API_VERSION}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Logs a refusal for the operator, on the request's child logger (so with its `requestId`): the
 * `type`, the status, and the operator's message and cause when the error carries them. Client
 * errors at `info`, server-side ones at `error`.
 */
export function logProblem(request: FastifyRequest, type: ProblemType, status: number, error?: AppError): void {
  const cause = error?.cause;
  const entry = {
    problem: type,
    status,
    ...(error?.operatorMessage ? { operatorMessage: error.operatorMessage } : {}),
    ...(cause !== undefined ? { err: safeError(cause) } : {}),
  };
  if (status >= 500) request.log.error(entry, 'request failed');
  else request.log.info(entry, 'request refused');
}

/** `Retry-After` of a 503 for a database fault, seconds: about the driver's reconnect time. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
/** What the user reads when the database is unreachable or full. */
const DATABASE_FAULT_DETAIL = {
  unavailable: 'De database is tijdelijk niet bereikbaar. Probeer het over enkele seconden opnieuw.',
  'disk-full': 'De opslag van de database is vol; er kan niets worden opgeslagen. Probeer het later opnieuw.',
} as const;

/** Escapes one JSON pointer segment (RFC 6901). */
const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const CONTEXT_IN: Record<string, ProblemFieldError['in']> = { body: 'body', querystring: 'query', params: 'path' };

/**
 * One error handler for the whole app (docs/design.md §7: services throw, routes never hand-craft an error body): AppErrors map to their problem type,
 * schema validation to `validation-failed` with a pointer per field, Fastify's own client errors
 * (malformed JSON, wrong content type, too large) to 4xx, an unreachable or full database to 503
 * `service-unavailable` with `Retry-After` (`databaseFault`), and everything else to a 500 that
 * says nothing internal.
 */
export default fp(async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      // Retry-After in whole seconds, at least 1 (RFC 9110 §10.2.3).
      if (error.retryAfterSeconds !== undefined) reply.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      // A decision refused as the actor's own work is an access-control failure: logged like a
      // refused route (ASVS 7.2.2, docs/design.md §6), with the path that names the object.
      if (error.type === 'separation-of-duties' && request.actor) {
        await auditAs(
          app.db,
          { actorId: request.actor.userId, origin: { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null } },
          {
            action: 'access',
            objectType: 'route',
            objectId: `${request.method} ${request.routeOptions.url}`,
            result: 'denied',
            details: { reason: 'separation-of-duties', path: request.url.split('?')[0] },
          },
        );
      }
      logProblem(request, error.type, error.status, error);
      return sendProblem(reply, error.type, error.status, error.detail, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = CONTEXT_IN[error.validationContext ?? 'body'] ?? 'body';
      const errors: ProblemFieldError[] = error.validation.flatMap((v) => {
        const base = v.instancePath === '/' ? '' : v.instancePath;
        const keys = (v.params as { keys?: unknown } | undefined)?.keys;
        // An unknown field is named by its own pointer, one error per key.
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          return keys.map((key) => ({ in: where, pointer: `${base}/${escapePointer(String(key))}`, message: 'onbekend veld' }));
        }
        // A custom check may carry a stable code for the UI (`params: { code }` in the contract).
        const code = (v.params as { params?: { code?: unknown } } | undefined)?.params?.code;
        return [{ in: where, pointer: base, message: v.message ?? 'ongeldig', ...(typeof code === 'string' ? { code } : {}) }];
      });
      const fields = [...new Set(errors.map((e) => (e.pointer === '' ? 'het verzoek' : e.pointer)))].join(', ');
      logProblem(request, 'validation-failed', 400);
      return sendProblem(reply, 'validation-failed', 400, `Ongeldige invoer in ${fields}.`, { errors });
    }
    const code = error.code ?? '';
    // Fastify's own client errors: the code is the operator's message, the sentence the user's.
    const refused = (type: ProblemType, status: number) =>
      logProblem(request, type, status, new AppError(type, '', {}, { log: `fastify refused the request (${code || status})` }));
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      refused('unsupported-media-type', 415);
      // A route that takes a file upload says so in its schema (`consumes`); every other route takes JSON.
      const consumes = (request.routeOptions.schema as { consumes?: readonly string[] } | undefined)?.consumes ?? [];
      return sendProblem(
        reply,
        'unsupported-media-type',
        415,
        consumes.includes('multipart/form-data')
          ? 'Stuur een formulier met Content-Type multipart/form-data.'
          : 'Stuur JSON met Content-Type application/json.',
      );
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      refused('payload-too-large', 413);
      return sendProblem(reply, 'payload-too-large', 413, 'Het verzoek is te groot.');
    }
    if (code === 'FST_ERR_RATE_LIMIT' || error.statusCode === 429) {
      refused('rate-limited', 429);
      return sendProblem(reply, 'rate-limited', 429, 'Te veel pogingen; probeer het later opnieuw.');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, an empty JSON body, a forbidden __proto__ key and the like.
      refused('validation-failed', 400);
      return sendProblem(reply, 'validation-failed', 400, 'Het verzoek kon niet worden gelezen: stuur geldige JSON.', {
        errors: [{ in: 'body', pointer: '', message: 'ongeldige JSON' }],
      });
    }
    // The database unreachable, going away or full: 503 with Retry-After, never 500 (decision 060).
    const fault = databaseFault(error);
    if (fault !== null) {
      logProblem(request, 'service-unavailable', 503, new AppError('service-unavailable', '', {}, { log: `database ${fault}`, cause: error }));
      reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendProblem(reply, 'service-unavailable', 503, DATABASE_FAULT_DETAIL[fault]);
    }
    // The operator's message of an unexpected error is the error itself, as safeError keeps it
    // (class, codes, frames; never the message, which may repeat SQL and its values).
    request.log.error({ problem: 'internal-error', status: 500, err: safeError(error) }, 'unhandled error');
    return sendProblem(reply, 'internal-error', 500, 'Er ging iets mis aan onze kant. Probeer het later opnieuw.');
  });
});
