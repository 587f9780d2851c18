import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../plugins/auth.ts';
import type { ServiceContext } from './context.ts';

/** The service context of an authenticated request. */
export function serviceContext(app: FastifyInstance, request: FastifyRequest, now: () => Date): ServiceContext {
  return {
    db: app.db,
    actor: actorOf(request),
    origin: { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null },
    now,
    publicUrl: app.config.publicUrl,
    encryptionKey: app.config.encryptionKey,
    retentionCaseMonths: app.config.retentionCaseMonths,
    workingHours: app.config.workingHours,
  };
}
