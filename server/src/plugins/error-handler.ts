import { databaseFault } from '@duidingspool/db';
import type { ProblemFieldError, ProblemType } from '@duidingspool/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, PROBLEM_TITLES } from '../errors.ts';
import { safeError } from '../lib/logger.ts';
import { auditAs } from '../modules/audit/index.ts';

/** Sends an RFC 9457 problem with the stable `type` slug. */
export function sendProblem(reply: FastifyReply, type: ProblemType, status: number, detail: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify({ type, title: PROBLEM_TITLES[type], status, detail, instance: reply.request.url.split('?')[0], ...extra }));
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
      return sendProblem(reply, 'validation-failed', 400, `Ongeldige invoer in ${fields}.`, { errors });
    }
    const code = error.code ?? '';
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, 'unsupported-media-type', 415, 'Stuur JSON met Content-Type application/json.');
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, 'payload-too-large', 413, 'Het verzoek is te groot.');
    }
    if (code === 'FST_ERR_RATE_LIMIT' || error.statusCode === 429) {
      return sendProblem(reply, 'rate-limited', 429, 'Te veel pogingen; probeer het later opnieuw.');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, an empty JSON body, a forbidden __proto__ key and the like.
      return sendProblem(reply, 'validation-failed', 400, 'Het verzoek kon niet worden gelezen: stuur geldige JSON.', {
        errors: [{ in: 'body', pointer: '', message: 'ongeldige JSON' }],
      });
    }
    // The database unreachable, going away or full: 503 with Retry-After, never 500 (decision 060).
    const fault = databaseFault(error);
    if (fault !== null) {
      request.log.warn({ err: safeError(error) }, `database ${fault}`);
      reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendProblem(reply, 'service-unavailable', 503, DATABASE_FAULT_DETAIL[fault]);
    }
    request.log.error({ err: safeError(error) }, 'unhandled error');
    return sendProblem(reply, 'internal-error', 500, 'Er ging iets mis aan onze kant. Probeer het later opnieuw.');
  });
});
