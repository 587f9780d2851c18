import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import { logProblem, sendProblem } from './error-handler.ts';

/**
 * Whether this process serves requests (decisions 060 and 062): `starting` while the database is
 * not reachable or not yet migrated, `ready`, then `closing` from the shutdown signal on. Outside
 * `ready` every request answers 503 `service-unavailable` problem+json with `Retry-After`.
 */
export class Availability {
  state: 'starting' | 'ready' | 'closing';
  /** Why the server is not ready, for the health endpoint (Dutch, one sentence). */
  detail: string;
  /**
   * @param dataDir the embedded database's folder, whose free space the health endpoint watches;
   *   unset on PostgreSQL
   * @param minFreeBytes below this many free bytes in `dataDir` the health endpoint answers 503
   */
  constructor(
    state: Availability['state'] = 'ready',
    readonly dataDir?: string,
    readonly minFreeBytes = 0,
  ) {
    this.state = state;
    this.detail = state === 'starting' ? 'De server start op.' : '';
  }
}

/** `Retry-After` while starting or closing, seconds. */
export const NOT_READY_RETRY_AFTER_SECONDS = 5;

declare module 'fastify' {
  interface FastifyInstance {
    availability: Availability;
  }
}

/**
 * Refuses requests while the server is not ready, and bounds every request: an answer not sent
 * within `requestTimeoutSeconds` becomes 503 `service-unavailable` (the handler may still finish;
 * its answer is dropped). Registered before authentication, which already reads the database.
 */
export default fp(async function availabilityPlugin(app: FastifyInstance, opts: { availability: Availability; requestTimeoutSeconds: number }) {
  app.decorate('availability', opts.availability);
  // However the app is closed (the shutdown in start.ts, or `app.close()`), a request still
  // arriving on an open connection from then on is refused with a problem.
  app.addHook('preClose', async () => {
    opts.availability.state = 'closing';
  });
  const timers = new WeakMap<object, NodeJS.Timeout>();
  app.addHook('onRequest', async (request, reply) => {
    const { state, detail } = opts.availability;
    // The liveness endpoint answers in every state: the process is alive while it starts or stops.
    const liveness = (request.routeOptions.config as { liveness?: boolean } | undefined)?.liveness === true;
    if (state !== 'ready' && !liveness) {
      reply.header('Retry-After', String(NOT_READY_RETRY_AFTER_SECONDS));
      // Closing: the client should take its next request to another instance.
      if (state === 'closing') reply.header('Connection', 'close');
      logProblem(request, 'service-unavailable', 503, new AppError('service-unavailable', '', {}, { log: `request arrived while the server was ${state}` }));
      return sendProblem(reply, 'service-unavailable', 503, state === 'closing' ? 'De server wordt gestopt. Probeer het opnieuw.' : detail);
    }
    const timer = setTimeout(() => {
      if (reply.sent) return;
      logProblem(
        request,
        'service-unavailable',
        503,
        new AppError('service-unavailable', '', {}, { log: `request deadline of ${opts.requestTimeoutSeconds} s passed` }),
      );
      reply.header('Retry-After', String(NOT_READY_RETRY_AFTER_SECONDS));
      sendProblem(reply, 'service-unavailable', 503, 'Het verzoek duurde te lang. Probeer het opnieuw.');
    }, opts.requestTimeoutSeconds * 1000);
    timer.unref();
    timers.set(request, timer);
  });
  const clear = async (request: object) => {
    clearTimeout(timers.get(request));
  };
  app.addHook('onResponse', clear);
  app.addHook('onRequestAbort', clear);
});
