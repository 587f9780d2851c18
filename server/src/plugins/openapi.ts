import { PROBLEM_TYPES, ProblemSchema, type ProblemType, REQUEST_ID_PATTERN } from '@duidingspool/shared';
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REQUEST_ID_HEADER } from '../lib/request-id.ts';
import { API_VERSION } from './api-conventions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Problem types this route answers besides the common ones, documented in OpenAPI under their status. */
    problems?: readonly ProblemType[];
  }
}

type Json = Record<string, unknown>;
/** The extension carrying a route's extra problem types from the route into `completeDocument`. */
const EXTRA_PROBLEMS = 'x-problem-types';
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
/** The `X-Request-Id` header of every response (decision 053). */
const REQUEST_ID = {
  [REQUEST_ID_HEADER]: {
    description: 'Id van dit verzoek, gelijk aan `requestId` in een probleem en in de logregels van de server',
    schema: { type: 'string', pattern: REQUEST_ID_PATTERN.source },
  },
};
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: PROBLEM_REF } } });
const RETRY_AFTER = { 'Retry-After': { description: 'Seconden tot een nieuwe poging zin heeft', schema: { type: 'integer', minimum: 1 } } };
const withRetryAfter = (response: Json) => ({ ...response, headers: { ...((response.headers as Json) ?? {}), ...RETRY_AFTER } });
/** `method path` of the operations that verify or hash a password. */
const PASSWORD_OPERATIONS = new Set(['post /sessions', 'put /me/password', 'post /password-changes']);
const VERSION_HEADER = { 'API-Version': { description: 'Versie van de API (semver)', schema: { type: 'string', example: API_VERSION } } };

/**
 * Completes the generated document for the NL API Design Rules: an `API-Version` header on every
 * 2xx/3xx response (the zod transform drops response headers), an `X-Request-Id` header on every
 * response, and the problem+json error responses each operation can give.
 */
function completeDocument(doc: Json): Json {
  doc.components ??= {};
  const components = doc.components as Json;
  components.schemas ??= {};
  const schemas = components.schemas as Json;
  schemas.Problem ??= z.toJSONSchema(ProblemSchema, { target: 'openapi-3.0', io: 'output' });
  delete (schemas.Problem as Json).$schema;
  delete (schemas.Problem as Json).id;
  // The stable problem types (shared/src/problems.ts), each with its status, on the `type` member.
  const typeMember = ((schemas.Problem as Json).properties as Record<string, Json> | undefined)?.type;
  if (typeMember) {
    typeMember.description = `Stabiel probleemtype: ${Object.entries(PROBLEM_TYPES)
      .map(([type, status]) => `\`${type}\` (${status})`)
      .join(', ')}.`;
  }
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item) as [string, Json][]) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      op.responses ??= {};
      const responses = op.responses as Record<string, Json>;
      for (const [code, response] of Object.entries(responses)) {
        if (/^[23]\d\d$/.test(code)) response.headers = { ...((response.headers as Json) ?? {}), ...VERSION_HEADER };
      }
      // Public operations carry `security: []` (set from the route's `config.public` below).
      const isPublic = Array.isArray(op.security) && (op.security as unknown[]).length === 0;
      const hasInput = (method !== 'get' && method !== 'delete') || ((op.parameters as unknown[]) ?? []).length > 0;
      if (hasInput) responses['400'] ??= problem('Ongeldige invoer (`validation-failed`)');
      if (!isPublic) {
        responses['401'] ??= problem('Niet ingelogd (`unauthenticated`)');
        responses['403'] ??= problem('Geen toegang voor deze rol (`forbidden`)');
      }
      if (path.includes('{')) responses['404'] ??= problem('Bestaat niet of geen toegang (`not-found`)');
      if (method !== 'get' && !isPublic)
        responses['409'] ??= problem('Conflict met de toestand (`invalid-transition`, `budget-exceeded`, `estimate-exceeded`, …)');
      if (method === 'post' || method === 'patch') responses['422'] ??= problem('Persoonsgegevens in vrije tekst (`personal-data-detected`)');
      if (isPublic && method === 'post') {
        responses['401'] ??= problem('Niet (meer) ingelogd of onjuiste gegevens (`unauthenticated`)');
        responses['429'] ??= withRetryAfter(problem('Te veel pogingen (`rate-limited`); `Retry-After` zegt na hoeveel seconden het weer kan'));
      }
      // Operations that verify or hash a password: throttled (decision 042) and behind the password gate.
      if (PASSWORD_OPERATIONS.has(`${method} ${path}`)) {
        responses['429'] ??= withRetryAfter(problem('Te veel pogingen (`rate-limited`); `Retry-After` zegt na hoeveel seconden het weer kan'));
        responses['503'] ??= withRetryAfter(
          problem('Te druk om wachtwoorden te controleren (`service-unavailable`); probeer het na `Retry-After` seconden opnieuw'),
        );
      }
      responses['500'] ??= problem('Interne fout (`internal-error`)');
      // Every operation: the database unreachable or full, the server starting or stopping, or the
      // request past its deadline (decisions 060 and 062).
      const unavailable = 'de database is niet bereikbaar of vol, de server start of stopt, of het verzoek duurde te lang';
      if (responses['503']) responses['503'].description = `${String(responses['503'].description)}; ook als ${unavailable}`;
      responses['503'] ??= withRetryAfter(
        problem(`Tijdelijk niet beschikbaar (\`service-unavailable\`): ${unavailable}; probeer het na \`Retry-After\` seconden opnieuw`),
      );
      // A route's own problem types, named in the description of the status they answer with.
      for (const type of (op[EXTRA_PROBLEMS] as ProblemType[] | undefined) ?? []) {
        const status = String(PROBLEM_TYPES[type]);
        responses[status] ??= problem(`\`${type}\``);
        const response = responses[status];
        if (!String(response.description).includes(`\`${type}\``)) response.description = `${String(response.description)}; \`${type}\``;
      }
      for (const response of Object.values(responses)) response.headers = { ...((response.headers as Json) ?? {}), ...REQUEST_ID };
    }
  }
  return doc;
}

/** OpenAPI 3.0 document of the API, generated from the zod route schemas, at `/api/v1/openapi.json`. */
export default fp(async function openapi(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Duidingspool Oost-Nederland API',
        description:
          'API van de Duidingspool & Expertisecentrum Oost-Nederland: duidingsverzoeken van casustafels, inzet van specialisten, urenregistratie en budget.',
        version: API_VERSION,
        contact: { name: 'Duidingspool Oost-Nederland, gemeente Arnhem', email: 'duidingspool@duidingspool.example', url: 'https://duidingspool.example' },
      },
      servers: [{ url: '/api/v1', description: 'Deze server' }],
      tags: [
        { name: 'sessions', description: 'Inloggen en uitloggen' },
        { name: 'reference', description: 'Organisaties en referentiegegevens' },
        { name: 'interpretation-requests', description: 'Duidingsverzoeken' },
        { name: 'assignments', description: 'Inzet van specialisten' },
        { name: 'time-entries', description: 'Urenregistratie' },
        { name: 'budgets', description: 'Budget' },
        { name: 'offers', description: 'Aanbod van de coördinator aan casustafels en gemeenten' },
        { name: 'users', description: 'Gebruikersbeheer' },
        { name: 'audit', description: 'Auditlog' },
        { name: 'system', description: 'Systeem' },
      ],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input) as { schema: Json; url: string };
      const config = (input.route as { config?: { public?: boolean; problems?: readonly ProblemType[] } }).config;
      if (config?.public) out.schema = { ...out.schema, security: [] };
      if (config?.problems?.length) out.schema = { ...out.schema, [EXTRA_PROBLEMS]: [...config.problems] };
      return out as never;
    },
    transformObject: (documentObject) => completeDocument(jsonSchemaTransformObject(documentObject) as Json) as never,
  });

  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
});
