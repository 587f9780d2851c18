import {
  AssignmentListQuerySchema,
  AssignmentSchema,
  EndAssignmentBodySchema,
  IdParamsSchema,
  LogTimeBodySchema,
  LogTimeHeadersSchema,
  PageQuerySchema,
  PatchAssignmentBodySchema,
  pageOf,
  TimeEntrySchema,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../lib/service-context.ts';
import { listAssignmentEntries, logTime } from '../time-entries/index.ts';
import { confirmNoConflict, endAssignment, getAssignment, listAssignmentsFor, updateAssignment } from './assignments.service.ts';

const tags = ['assignments'];
const roles = ['coordinator', 'specialist'] as const;

/** Assignments: the specialist's answer, the estimate, and the hours logged on them. */
export const assignmentRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, opts.now);

  app.get('/assignments', {
    config: { roles },
    schema: {
      tags,
      summary: 'Inzetten (coördinator: alle; specialist: eigen)',
      querystring: AssignmentListQuerySchema,
      response: { 200: pageOf(AssignmentSchema).meta({ id: 'AssignmentPage' }) },
    },
    handler: async (request) => {
      return listAssignmentsFor(ctx(request), request.query);
    },
  });
  app.get('/assignments/:id', {
    config: { roles },
    schema: { tags, summary: 'Eén inzet', params: IdParamsSchema, response: { 200: AssignmentSchema } },
    handler: async (request) => getAssignment(ctx(request), request.params.id),
  });
  app.patch('/assignments/:id', {
    config: { roles, problems: ['separation-of-duties', 'conflict-of-interest'] },
    schema: {
      tags,
      summary: 'Aannemen, afwijzen of inschatting wijzigen',
      params: IdParamsSchema,
      body: PatchAssignmentBodySchema,
      response: { 200: AssignmentSchema },
    },
    handler: async (request) => updateAssignment(ctx(request), request.params.id, request.body),
  });
  app.post('/assignments/:id/no-conflict-confirmation', {
    config: { roles: ['specialist'], problems: ['conflict-of-interest'] },
    schema: {
      tags,
      summary: 'Bevestigen dat er geen belangenverstrengeling is; daarna zijn vraag en context van het verzoek zichtbaar (besluit 103)',
      params: IdParamsSchema,
      response: { 200: AssignmentSchema },
    },
    handler: async (request) => confirmNoConflict(ctx(request), request.params.id),
  });
  app.post('/assignments/:id/end', {
    config: { roles: ['coordinator'], problems: ['separation-of-duties'] },
    schema: {
      tags,
      summary: 'Inzet beëindigen met reden (reservering vrij, geschreven uren blijven, verzoek terug naar triage)',
      params: IdParamsSchema,
      body: EndAssignmentBodySchema,
      response: { 200: AssignmentSchema },
    },
    handler: async (request) => endAssignment(ctx(request), request.params.id, request.body),
  });
  app.get('/assignments/:id/time-entries', {
    config: { roles },
    schema: {
      tags: ['time-entries'],
      summary: 'Uren op één inzet',
      params: IdParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: pageOf(TimeEntrySchema).meta({ id: 'TimeEntryPage' }) },
    },
    handler: async (request) => {
      return listAssignmentEntries(ctx(request), request.params.id, request.query);
    },
  });
  app.post('/assignments/:id/time-entries', {
    config: { roles: ['specialist'] },
    schema: {
      tags: ['time-entries'],
      summary: 'Uren schrijven (een herhaald verzoek met dezelfde Idempotency-Key schrijft één keer)',
      params: IdParamsSchema,
      headers: LogTimeHeadersSchema,
      body: LogTimeBodySchema,
      response: { 201: TimeEntrySchema },
    },
    handler: async (request, reply) => reply.code(201).send(await logTime(ctx(request), request.params.id, request.body, request.headers['idempotency-key'])),
  });
};
