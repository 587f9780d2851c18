import type { Database } from '@duidingspool/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.ts';
import { registerModules } from './modules/index.ts';
import apiConventions from './plugins/api-conventions.ts';
import auth from './plugins/auth.ts';
import errorHandler from './plugins/error-handler.ts';
import openapi from './plugins/openapi.ts';
import spa from './plugins/spa.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: AppConfig;
  }
}

export interface BuildAppOptions {
  config: AppConfig;
  db: Database;
  /** Fastify logger; off in tests. */
  logger?: boolean | object;
  /** The clock services use; tests fix it to a date. */
  now?: () => Date;
}

/**
 * Builds the whole app as one Fastify instance without listening (fastify/demo style): ecosystem
 * plugins, then services as decorators, then the routes under `/api/v1`, then the SPA.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
  });
  // JSON only: a text/plain body is refused with 415 instead of being read as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  await app.register(errorHandler);
  await app.register(apiConventions);
  await app.register(openapi);
  await app.register(auth, { config, db });
  await app.register(registerModules, { prefix: '/api/v1', now: options.now ?? (() => new Date()) });
  await app.register(spa, { webDist: config.webDist });
  return app;
}
