import {
  BulkReviewBodySchema,
  BulkReviewResultSchema,
  CreateCorrectionBodySchema,
  IdParamsSchema,
  pageOf,
  ReviewTimeEntryBodySchema,
  TimeEntryListQuerySchema,
  TimeEntrySchema,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../../lib/service-context.ts';
import { correctTimeEntry, listTimeEntries, reviewTimeEntries, reviewTimeEntry, withdrawTimeEntry } from './time-entries.service.ts';

const tags = ['time-entries'];

/** Time entries across assignments, and their approval by the coordinator (docs/design.md §5). */
export const timeEntryRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, opts.now);

  app.get('/time-entries', {
    config: { roles: ['coordinator', 'specialist'] },
    schema: {
      tags,
      summary: 'Urenregels (coördinator: alle; specialist: eigen)',
      querystring: TimeEntryListQuerySchema,
      response: { 200: pageOf(TimeEntrySchema).meta({ id: 'TimeEntryListPage' }) },
    },
    handler: async (request) => {
      return listTimeEntries(ctx(request), request.query);
    },
  });
  app.patch('/time-entries/:id', {
    config: { roles: ['coordinator'], problems: ['separation-of-duties'] },
    schema: { tags, summary: 'Goedkeuren of afkeuren', params: IdParamsSchema, body: ReviewTimeEntryBodySchema, response: { 200: TimeEntrySchema } },
    handler: async (request) => reviewTimeEntry(ctx(request), request.params.id, request.body),
  });
  app.delete('/time-entries/:id', {
    config: { roles: ['specialist', 'coordinator'] },
    schema: {
      tags,
      summary: 'Eigen uren of een zelf geboekte correctie intrekken zolang ze niet zijn beoordeeld',
      params: IdParamsSchema,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      await withdrawTimeEntry(ctx(request), request.params.id);
      return reply.code(204).send();
    },
  });
  app.post('/time-entry-reviews', {
    config: { roles: ['coordinator'], problems: ['separation-of-duties'] },
    schema: {
      tags,
      summary: 'Meerdere urenregels tegelijk goedkeuren of afkeuren (alles of niets)',
      body: BulkReviewBodySchema,
      response: { 200: BulkReviewResultSchema },
    },
    handler: async (request) => reviewTimeEntries(ctx(request), request.body),
  });
  app.post('/time-entries/:id/corrections', {
    config: { roles: ['coordinator'], problems: ['separation-of-duties'] },
    schema: {
      tags,
      summary: 'Correctie op een goedgekeurde urenregel (negatieve minuten, met reden)',
      params: IdParamsSchema,
      body: CreateCorrectionBodySchema,
      response: { 201: TimeEntrySchema },
    },
    handler: async (request, reply) => reply.code(201).send(await correctTimeEntry(ctx(request), request.params.id, request.body)),
  });
};
