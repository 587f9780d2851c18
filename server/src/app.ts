import type { Database } from '@duidingspool/db';
import { applyDutchValidationMessages } from '@duidingspool/shared';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.ts';
import { AppError } from './errors.ts';
import { requestIdOf } from './lib/request-id.ts';
import { registerModules } from './modules/index.ts';
import apiConventions from './plugins/api-conventions.ts';
import auth from './plugins/auth.ts';
import availabilityPlugin, { Availability } from './plugins/availability.ts';
import errorHandler, { answerClientError, logProblem, sendProblem } from './plugins/error-handler.ts';
import metricsPlugin, { Metrics } from './plugins/metrics.ts';
import openapi from './plugins/openapi.ts';
import retentionSchedule from './plugins/retention-schedule.ts';
import securityHeaders from './plugins/security-headers.ts';
import spa from './plugins/spa.ts';

/** A registered API route as the authorisation matrix and the fuzz test walk them. */
export interface RegisteredRoute {
  method: string;
  /** Path under the server root, e.g. `/api/v1/interpretation-requests/:id`. */
  url: string;
  public: boolean;
  roles: readonly string[] | undefined;
  /** The route's zod schemas (params, querystring, body). */
  schema: { params?: unknown; querystring?: unknown; body?: unknown } | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: AppConfig;
    /** Every route registered on the app (HEAD twins left out). */
    registeredRoutes: RegisteredRoute[];
  }
}

export interface BuildAppOptions {
  config: AppConfig;
  db: Database;
  /** Fastify logger; off in tests. */
  logger?: boolean | object;
  /** The clock services use; tests fix it to a date. */
  now?: () => Date;
  /** Whether the app serves (start-up, shutdown, the data folder's room); default: ready. */
  availability?: Availability;
  /** The Prometheus metrics the app counts into (decision 084); default: a registry of its own. */
  metrics?: Metrics;
}

/**
 * Builds the whole app as one Fastify instance without listening (fastify/demo style): ecosystem
 * plugins, then services as decorators, then the routes under `/api/v1`, then the SPA.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  // Validation messages in Dutch. Importing shared sets them too, but the server's bundle drops
  // that side-effect-only import; this call keeps them in every build.
  applyDutchValidationMessages();
  const app = Fastify({
    logger: options.logger ?? false,
    // A hop count trusts that many proxies next to the server (proxy-addr's numeric form).
    trustProxy: typeof config.trustProxy === 'number' ? hopsTrusted(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
    // One id per request (decision 053): the caller's X-Request-Id when it is well-formed, else a
    // UUID; logged as `requestId` on every line of the request, sent in X-Request-Id and in every problem.
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // While starting or closing the availability plugin answers 503 problem+json itself
    // (decisions 060 and 062); Fastify's own closing answer is plain JSON.
    return503OnClosing: false,
    // What the HTTP parser refuses before any request exists (headers too large, malformed HTTP,
    // a request that took too long) answers problem+json with an id of its own.
    // Fastify calls it with the instance as `this` (its types do not say so).
    clientErrorHandler(error, socket) {
      answerClientError(this as unknown as FastifyInstance, error as NodeJS.ErrnoException, socket);
    },
    // Errors the router raises before any route runs (an over-long or malformed path segment)
    // answer problem+json like every other error, without echoing the URL.
    frameworkErrors: (error, request, reply) => {
      const type = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri-too-long' : 'validation-failed';
      logProblem(request, type, type === 'uri-too-long' ? 414 : 400, new AppError(type, '', {}, { log: `router refused the request (${error.code})` }));
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, 'uri-too-long', 414, 'Het adres is te lang.');
      return sendProblem(reply, 'validation-failed', 400, 'Het adres kon niet worden gelezen.', {
        errors: [{ in: 'path', pointer: '', message: 'ongeldig adres' }],
      });
    },
  });
  // JSON only: a text/plain body is refused with 415 instead of being read as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const config = (route.config ?? {}) as { public?: boolean; roles?: readonly string[] };
      registered.push({ method, url: route.url, public: config.public === true, roles: config.roles, schema: route.schema as RegisteredRoute['schema'] });
    }
  });
  await app.register(errorHandler);
  await app.register(metricsPlugin, { metrics: options.metrics ?? new Metrics(db) });
  await app.register(securityHeaders, { config });
  await app.register(apiConventions);
  await app.register(availabilityPlugin, { availability: options.availability ?? new Availability(), requestTimeoutSeconds: config.requestTimeoutSeconds });
  await app.register(openapi);
  await app.register(auth, { config, db });
  await app.register(registerModules, { prefix: '/api/v1', now: options.now ?? (() => new Date()) });
  await app.register(spa, { webDist: config.webDist });
  await app.register(retentionSchedule, { config, db });
  return app;
}

/** Fastify's trust function for `hops` proxies: the `hops` addresses nearest the server are proxies. */
function hopsTrusted(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}
